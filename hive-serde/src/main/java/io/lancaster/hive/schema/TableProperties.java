package io.lancaster.hive.schema;

/**
 * The table properties (and configuration keys) the SerDe and its formats read. Every {@code avro.*} name is Hive's
 * own AvroSerDe's, with the same meaning, so a table switches between the two SerDes by its class names alone.
 */
public final class TableProperties {
  private TableProperties() {}

  /** The table's Avro schema as JSON; wins over every other source. {@value #NONE} means "not set". */
  public static final String SCHEMA_LITERAL = "avro.schema.literal";
  /**
   * Where the table's Avro schema is: any Hadoop file system path (hdfs:, s3a:, file:, ...) or an http(s) URL.
   * Read when there is no literal; fetched once per Hadoop configuration object, i.e. once per task.
   */
  public static final String SCHEMA_URL = "avro.schema.url";
  /** Namespace of the record schema derived from the table's columns (when there is no literal nor URL). */
  public static final String SCHEMA_NAMESPACE = "avro.schema.namespace";
  /** Name of the derived record schema; defaults to the table's name. */
  public static final String SCHEMA_NAME = "avro.schema.name";
  /** Documentation of the derived record schema; defaults to the table's comment. */
  public static final String SCHEMA_DOC = "avro.schema.doc";
  /**
   * The codec of the files written: null, deflate, snappy, zstandard, bzip2 or xz. As a table property it applies
   * to every write; as a configuration key (Hive's {@code SET avro.output.codec=...}) when output compression is on.
   */
  public static final String OUTPUT_CODEC = "avro.output.codec";
  /**
   * Configuration key (not a table property) in which the SerDe publishes the table's schema as JSON, as Hive's
   * AvroSerDe does: the input format resolves each file against it.
   */
  public static final String SERDE_SCHEMA = "avro.serde.schema";
  /**
   * Lancaster's own: how unions of several non-null types map to Hive types: {@code uniontype} (the default, as
   * Hive's AvroSerDe) or {@code struct} (a struct of members {@code member0}, {@code member1}, ..., as spark-avro;
   * Spark SQL cannot read {@code uniontype} columns). See {@link UnionMapping}.
   */
  public static final String UNION_MAPPING = "lancaster.avro.union.mapping";

  /** The value of {@link #SCHEMA_LITERAL} or {@link #SCHEMA_URL} that means "no schema here". */
  public static final String NONE = "none";

  // ---- Hive's own properties of every table (serdeConstants and MetaStoreUtils)

  /** Comma-separated column names (or separated by {@link #COLUMN_NAME_DELIMITER}). */
  public static final String COLUMNS = "columns";
  /** Column types in Hive's type syntax, separated by commas or colons. */
  public static final String COLUMN_TYPES = "columns.types";
  /** Column comments, separated by NUL characters. */
  public static final String COLUMN_COMMENTS = "columns.comments";
  public static final String COLUMN_NAME_DELIMITER = "column.name.delimiter";
  /** The table's name, {@code db.table}. */
  public static final String TABLE_NAME = "name";
  public static final String TABLE_COMMENT = "comment";
}
