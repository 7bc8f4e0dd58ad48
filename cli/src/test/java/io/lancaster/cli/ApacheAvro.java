package io.lancaster.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.FileReader;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/** Apache Avro Java as the oracle: files it writes, and its JSON encoding of the records of a file. */
final class ApacheAvro {
  private ApacheAvro() {}

  /** Apache Avro's reader for either container format (today's, or Avro 1.2's). */
  static FileReader<Object> open(Path file) throws IOException {
    return DataFileReader.openReader(new SeekableFileInput(file.toFile()), new GenericDatumReader<>());
  }

  /** Each record of the file in Apache Avro's JSON encoding (its JsonEncoder with its GenericDatumWriter). */
  static List<String> jsonLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (FileReader<Object> reader = open(file)) {
      Schema schema = reader.getSchema();
      GenericDatumWriter<Object> writer = new GenericDatumWriter<>(schema);
      for (Object record : reader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
        writer.write(record, encoder);
        encoder.flush();
        lines.add(out.toString(StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  static long count(Path file) throws IOException {
    long n = 0;
    try (FileReader<Object> reader = open(file)) {
      for (Object ignored : reader) {
        n++;
      }
    }
    return n;
  }

  static Schema schemaOf(Path file) throws IOException {
    try (FileReader<Object> reader = open(file)) {
      return reader.getSchema();
    }
  }

  /** Writes {@code records} (Apache Avro generic values) to {@code file} with the codec and user metadata. */
  static Path write(Path file, Schema schema, List<?> records, CodecFactory codec, Map<String, byte[]> meta,
      int syncInterval) throws IOException {
    try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.setCodec(codec);
      writer.setSyncInterval(syncInterval);
      meta.forEach(writer::setMeta);
      writer.create(schema, file.toFile());
      for (Object r : records) {
        writer.append(r);
      }
    }
    return file;
  }
}
