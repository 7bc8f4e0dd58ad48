package io.lancaster.spark.read;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericDatumWriter;

/**
 * Writes Avro container files for the read tests from Lancaster's generic values, with either Lancaster's writer or
 * Apache Avro Java's (the reference), with any codec and sync interval.
 */
final class AvroFiles {
  /** Every codec both libraries write, by its {@code avro.codec} name. */
  static final List<String> CODECS = List.of("null", "deflate", "snappy", "zstandard", "bzip2", "xz");

  /** Which library writes the file. */
  enum Writer { LANCASTER, APACHE }

  private AvroFiles() {}

  static Path write(Writer writer, Path file, Schema schema, List<?> data) {
    return write(writer, file, schema, data, "deflate", 0);
  }

  /**
   * Writes {@code data} (Lancaster generic values of {@code schema}) to {@code file}, creating its directory.
   *
   * @param syncInterval the approximate block size in bytes; 0 for the library's default
   */
  static Path write(Writer writer, Path file, Schema schema, List<?> data, String codec, int syncInterval) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (writer == Writer.LANCASTER) {
        writeLancaster(file, schema, data, codec, syncInterval);
      } else {
        writeApache(file, schema, data, codec, syncInterval);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static void writeLancaster(Path file, Schema schema, List<?> data, String codec, int syncInterval)
      throws IOException {
    DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.forName(codec));
    if (syncInterval > 0) {
      w.setSyncInterval(syncInterval);
    }
    try (DataFileWriter<Object> open = w.create(schema, file)) {
      for (Object datum : data) {
        open.append(datum);
      }
    }
  }

  private static void writeApache(Path file, Schema schema, List<?> data, String codec, int syncInterval)
      throws IOException {
    org.apache.avro.Schema avro = AvroJava.toAvro(schema);
    try (org.apache.avro.file.DataFileWriter<Object> w =
        new org.apache.avro.file.DataFileWriter<>(new GenericDatumWriter<>(avro))) {
      w.setCodec(org.apache.avro.file.CodecFactory.fromString(codec));
      if (syncInterval > 0) {
        w.setSyncInterval(syncInterval);
      }
      w.create(avro, file.toFile());
      for (Object datum : data) {
        w.append(AvroJava.toAvroDatum(schema, avro, datum));
      }
    }
  }
}
