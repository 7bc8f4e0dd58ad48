package io.lancaster.spark.functions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Avro functions on columns, for Java and Scala: spark-avro's {@code from_avro}, {@code to_avro} and
 * {@code schema_of_avro} with the same arguments, options and results, and the framings Kafka values use: Avro's
 * single-object encoding and the Confluent schema-registry wire format, each message naming its writer schema,
 * which is resolved against one reader schema (schema evolution).
 *
 * <p>Decoding options, as spark-avro's: {@code mode} ({@code FAILFAST}, the default: a malformed message fails the
 * query naming the problem; {@code PERMISSIVE}: it gives null), {@code avroSchema} / {@code avroSchemaUrl}
 * ({@code from_avro} only: the evolved reader schema), {@code datetimeRebaseMode},
 * {@code enableStableIdentifiersForUnionType}, {@code stableIdentifierPrefixForUnionType},
 * {@code recursiveFieldMaxDepth}.
 *
 * <p>Every schema is parsed, and every writer schema resolved against the reader schema, when the column is made:
 * errors come before any task runs. Schema directories are read then too, on the driver.
 *
 * <p>The columns wrap Catalyst expressions, so this API needs classic Spark (not a Spark Connect client). From
 * SQL and Python, Connect included, the same functions are {@code lancaster_from_avro}, ... (see
 * {@link AvroFunctionRegistry}).
 */
public final class AvroFunctions {
  private AvroFunctions() {}

  // ---- spark-avro's functions

  /** Decodes Avro binary datums written with {@code jsonFormatSchema} into its Spark type. */
  public static Column from_avro(Column data, String jsonFormatSchema) {
    return from_avro(data, jsonFormatSchema, Map.of());
  }

  /** {@link #from_avro(Column, String)} with options, e.g. {@code mode} or an evolved {@code avroSchema}. */
  public static Column from_avro(Column data, String jsonFormatSchema, Map<String, String> options) {
    return decode(data, DecodeSpec.plain(jsonFormatSchema, options));
  }

  /**
   * Encodes values of any type as Avro binary datums of the schema spark-avro derives from their type (for a
   * nullable column, a union of that type and null, so each datum starts with the union branch).
   */
  public static Column to_avro(Column data) {
    return encode(data, EncodeSpec.of(Framing.PLAIN, null, 0));
  }

  /** Encodes values as Avro binary datums of {@code jsonFormatSchema}. */
  public static Column to_avro(Column data, String jsonFormatSchema) {
    return encode(data, EncodeSpec.of(Framing.PLAIN, jsonFormatSchema, 0));
  }

  /** The Spark type {@code from_avro} gives for {@code jsonFormatSchema}, in Spark's SQL form. */
  public static Column schema_of_avro(String jsonFormatSchema) {
    return schema_of_avro(jsonFormatSchema, Map.of());
  }

  /** {@link #schema_of_avro(String)} with {@code from_avro}'s options (the mode and union options change it). */
  public static Column schema_of_avro(String jsonFormatSchema, Map<String, String> options) {
    return functions.lit(schemaOfAvro(jsonFormatSchema, options));
  }

  static String schemaOfAvro(String jsonFormatSchema, Map<String, String> options) {
    DecodeSpec spec = DecodeSpec.plain(jsonFormatSchema, options);
    return spec.dataType(Schemas.reader(spec.readerSchema())).sql();
  }

  // ---- the schema-registry wire format: 0, a 4-byte big-endian id, the datum

  /** Decodes schema-registry messages whose writer schemas are among {@code writerSchemas} (JSON by id). */
  public static Column from_avro_registry(Column data, Map<Integer, String> writerSchemas, String readerSchema) {
    return from_avro_registry(data, writerSchemas, readerSchema, Map.of());
  }

  public static Column from_avro_registry(Column data, Map<Integer, String> writerSchemas, String readerSchema,
      Map<String, String> options) {
    return decode(data, DecodeSpec.registry(writerSchemas, readerSchema, options));
  }

  /** Decodes schema-registry messages whose writer schemas are the files {@code <id>.avsc} of a directory. */
  public static Column from_avro_registry(Column data, String schemaDirectory, String readerSchema) {
    return from_avro_registry(data, schemaDirectory, readerSchema, Map.of());
  }

  public static Column from_avro_registry(Column data, String schemaDirectory, String readerSchema,
      Map<String, String> options) {
    return decode(data, DecodeSpec.registry(SchemaDirectory.byRegistryId(schemaDirectory), readerSchema, options));
  }

  /** Encodes values as schema-registry messages of {@code jsonFormatSchema}, registered under {@code schemaId}. */
  public static Column to_avro_registry(Column data, int schemaId, String jsonFormatSchema) {
    return encode(data, EncodeSpec.of(Framing.REGISTRY, jsonFormatSchema, schemaId));
  }

  // ---- single-object encoding: C3 01, the 8-byte little-endian CRC-64-AVRO fingerprint, the datum

  /** Decodes single-object messages written with the reader schema itself. */
  public static Column from_avro_single_object(Column data, String readerSchema) {
    return from_avro_single_object(data, List.of(), readerSchema, Map.of());
  }

  /** Decodes single-object messages written with the reader schema itself, with options. */
  public static Column from_avro_single_object(Column data, String readerSchema, Map<String, String> options) {
    return from_avro_single_object(data, List.of(), readerSchema, options);
  }

  /**
   * Decodes single-object messages written with any of {@code writerSchemas} (found by fingerprint) or with the
   * reader schema.
   */
  public static Column from_avro_single_object(Column data, Collection<String> writerSchemas, String readerSchema) {
    return from_avro_single_object(data, writerSchemas, readerSchema, Map.of());
  }

  public static Column from_avro_single_object(Column data, Collection<String> writerSchemas, String readerSchema,
      Map<String, String> options) {
    return decode(data, DecodeSpec.singleObject(writerSchemas, readerSchema, options));
  }

  /** Decodes single-object messages written with any schema of the {@code .avsc} files of a directory. */
  public static Column from_avro_single_object(Column data, String schemaDirectory, String readerSchema) {
    return from_avro_single_object(data, schemaDirectory, readerSchema, Map.of());
  }

  public static Column from_avro_single_object(Column data, String schemaDirectory, String readerSchema,
      Map<String, String> options) {
    return from_avro_single_object(data, SchemaDirectory.schemas(schemaDirectory), readerSchema, options);
  }

  /** Encodes values as single-object messages of the schema spark-avro derives from their type. */
  public static Column to_avro_single_object(Column data) {
    return encode(data, EncodeSpec.of(Framing.SINGLE_OBJECT, null, 0));
  }

  /** Encodes values as single-object messages of {@code jsonFormatSchema}. */
  public static Column to_avro_single_object(Column data, String jsonFormatSchema) {
    return encode(data, EncodeSpec.of(Framing.SINGLE_OBJECT, jsonFormatSchema, 0));
  }

  private static Column decode(Column data, DecodeSpec spec) {
    return Columns.column(new DecodeAvro(Columns.expression(data), spec));
  }

  private static Column encode(Column data, EncodeSpec spec) {
    return Columns.column(new EncodeAvro(Columns.expression(data), spec));
  }
}
