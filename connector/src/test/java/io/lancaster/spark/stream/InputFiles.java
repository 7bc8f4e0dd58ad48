package io.lancaster.spark.stream;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Avro files dropped into a streaming source's directory: records {@code (id, name)} written by Lancaster's core
 * writer under a hidden name (which the file source does not list) and renamed into place, so a micro-batch never
 * sees half a file.
 */
final class InputFiles {
  static final String SCHEMA_JSON = """
      {"type":"record","name":"Event","namespace":"stream","fields":[
        {"name":"id","type":"long"},
        {"name":"name","type":"string"}]}""";
  static final RecordSchema SCHEMA = (RecordSchema) new SchemaParser().parse(SCHEMA_JSON);
  /** A later version of the files' schema: the fields in another order, and a new one. */
  static final RecordSchema EVOLVED = (RecordSchema) new SchemaParser().parse("""
      {"type":"record","name":"Event","namespace":"stream","fields":[
        {"name":"name","type":"string"},
        {"name":"score","type":"double","default":0},
        {"name":"id","type":"long"}]}""");
  /** The Spark schema of the files, as a streaming read declares it. */
  static final StructType SPARK_SCHEMA = new StructType().add("id", DataTypes.LongType)
      .add("name", DataTypes.StringType);

  private InputFiles() {}

  /** Adds {@code name.avro} holding ids [from, to), named "n" + id. */
  static void add(Path dir, String name, long from, long to) {
    add(dir, name, SCHEMA, from, to);
  }

  /** Adds {@code name.avro} of {@code schema} (SCHEMA or EVOLVED), scores being ids / 2. */
  static void add(Path dir, String name, RecordSchema schema, long from, long to) {
    Path hidden = dir.resolve("." + name + ".tmp");
    try {
      Files.createDirectories(dir);
      try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.forName("snappy"))
          .create(schema, hidden)) {
        for (long id = from; id < to; id++) {
          GenericRecord r = new GenericRecord(schema).put("id", id).put("name", "n" + id);
          if (schema.field("score") != null) {
            r.put("score", id / 2.0);
          }
          w.append(r);
        }
      }
      Files.move(hidden, dir.resolve(name + ".avro"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
