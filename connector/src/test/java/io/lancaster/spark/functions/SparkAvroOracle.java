package io.lancaster.spark.functions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.spark.sql.avro.AvroDeserializer;
import org.apache.spark.sql.avro.AvroSerializer;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.types.DataType;

/**
 * What spark-avro's {@code from_avro} and {@code to_avro} do, rebuilt from the parts Spark 4.2's jar holds (its
 * expressions are in the spark-avro jar, absent): Apache Avro's datum reader and writer with spark-avro's
 * {@code AvroDeserializer}, {@code AvroSerializer} and {@code SchemaConverters}, exactly as its expressions chain
 * them.
 */
final class SparkAvroOracle {
  static {
    try {
      // spark-avro registers its custom-decimal logical type with Apache Avro when its file format loads.
      Class.forName("org.apache.spark.sql.avro.AvroFileFormat$");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private SparkAvroOracle() {}

  static Schema parse(String json) {
    return new Schema.Parser().setValidateDefaults(false).parse(json);
  }

  /** spark-avro's Spark type for a schema (its {@code from_avro}'s result type in FAILFAST mode). */
  static DataType sqlType(String json, boolean stableIds, String prefix, int recursiveFieldMaxDepth) {
    return SchemaConverters.toSqlType(parse(json), stableIds, prefix, recursiveFieldMaxDepth).dataType();
  }

  /**
   * spark-avro's {@code from_avro(bytes, writerJson, avroSchema=readerJson)} as an external value (a Row for a
   * struct), with default union naming. One deliberate difference: a null datum of a top-level union gives null,
   * where spark-avro's deserializer fails with a NullPointerException (so its from_avro reports a malformed
   * record, or gives null in PERMISSIVE mode).
   */
  static Object fromAvro(byte[] bytes, String writerJson, String readerJson, String rebaseMode) {
    Schema writer = parse(writerJson);
    Schema reader = readerJson == null ? writer : parse(readerJson);
    DataType type = SchemaConverters.toSqlType(reader, false, "member_", -1).dataType();
    try {
      Object datum = new GenericDatumReader<Object>(writer, reader)
          .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
      if (datum == null) {
        return null;
      }
      Object catalyst = new AvroDeserializer(reader, type, rebaseMode, false, "member_", -1).deserialize(datum).get();
      return CatalystTypeConverters.convertToScala(catalyst, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * spark-avro's {@code to_avro} of a Catalyst value: with the given schema, or the one it derives from the type.
   */
  static byte[] toAvro(Object catalystValue, DataType type, boolean nullable, String json) {
    Schema schema = json != null ? new Schema.Parser().parse(json)
        : SchemaConverters.toAvroType(type, nullable, "topLevelRecord", "");
    Object avro = new AvroSerializer(type, schema, nullable).serialize(catalystValue);
    return write(schema, avro);
  }

  /** spark-avro's default schema for a column, as JSON. */
  static String derivedSchema(DataType type, boolean nullable) {
    return SchemaConverters.toAvroType(type, nullable, "topLevelRecord", "").toString();
  }

  /** Apache Avro's binary encoding of a generic datum. */
  static byte[] write(Schema schema, Object datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new GenericDatumWriter<Object>(schema).write(datum, enc);
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
