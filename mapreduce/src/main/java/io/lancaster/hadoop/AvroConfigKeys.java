package io.lancaster.hadoop;

/**
 * The configuration keys Lancaster's Hadoop formats read. Where avro-mapred has a key with the same meaning, the
 * name is avro-mapred's, so an existing job switches by changing class names only.
 */
public final class AvroConfigKeys {
  private AvroConfigKeys() {}

  // ---- schemas, new API (org.apache.hadoop.mapreduce), as avro-mapred's mapreduce.AvroJob

  /** Reader schema for the input's keys (the records); absent: each file's own schema. */
  public static final String INPUT_KEY_SCHEMA = "avro.schema.input.key";
  /** Reader schema for the input's values (key/value files). */
  public static final String INPUT_VALUE_SCHEMA = "avro.schema.input.value";
  public static final String OUTPUT_KEY_SCHEMA = "avro.schema.output.key";
  public static final String OUTPUT_VALUE_SCHEMA = "avro.schema.output.value";
  /** Map output (shuffle) schemas, as avro-mapred's AvroSerialization. */
  public static final String MAP_OUTPUT_KEY_WRITER_SCHEMA = "avro.serialization.key.writer.schema";
  public static final String MAP_OUTPUT_KEY_READER_SCHEMA = "avro.serialization.key.reader.schema";
  public static final String MAP_OUTPUT_VALUE_WRITER_SCHEMA = "avro.serialization.value.writer.schema";
  public static final String MAP_OUTPUT_VALUE_READER_SCHEMA = "avro.serialization.value.reader.schema";

  // ---- schemas, old API (org.apache.hadoop.mapred), as avro-mapred's mapred.AvroJob

  public static final String INPUT_SCHEMA = "avro.input.schema";
  public static final String MAP_OUTPUT_SCHEMA = "avro.map.output.schema";
  public static final String OUTPUT_SCHEMA = "avro.output.schema";

  // ---- output files

  /**
   * Codec when output compression is on (FileOutputFormat's compress flag): null, deflate (the default), snappy,
   * zstandard, bzip2 or xz.
   */
  public static final String OUTPUT_CODEC = "avro.output.codec";
  public static final String DEFLATE_LEVEL = "avro.mapred.deflate.level";
  public static final String ZSTD_LEVEL = "avro.mapred.zstd.level";
  public static final String XZ_LEVEL = "avro.mapred.xz.level";
  /** Approximate bytes per data block (the sync interval). */
  public static final String SYNC_INTERVAL = "avro.mapred.sync.interval";
  /** Prefix of keys whose values become string metadata of every output file. */
  public static final String TEXT_METADATA_PREFIX = "avro.meta.text.";
  /** Prefix of keys whose values (URL-encoded, ISO-8859-1) become binary metadata of every output file. */
  public static final String BINARY_METADATA_PREFIX = "avro.meta.binary.";

  // ---- input files

  /**
   * Whether input files whose names do not end in .avro are skipped. The default is avro-mapred's: true for the
   * old (mapred) API, false for the new (mapreduce) API. Spark's Hive writes name files without .avro.
   */
  public static final String IGNORE_INPUTS_WITHOUT_EXTENSION = "avro.mapred.ignore.inputs.without.extension";
}
