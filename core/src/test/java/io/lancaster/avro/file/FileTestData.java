package io.lancaster.avro.file;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;

/** Schemas, seeded records and write/read helpers (Lancaster and Apache Avro) shared by the file tests. */
final class FileTestData {
  /** A record with every type of the spec, nested records, named types used again, and logical types. */
  static final String ALL_TYPES_JSON = """
      {"type": "record", "name": "AllTypes", "namespace": "io.lancaster.test", "fields": [
        {"name": "n", "type": "null"},
        {"name": "b", "type": "boolean"},
        {"name": "i", "type": "int"},
        {"name": "l", "type": "long"},
        {"name": "f", "type": "float"},
        {"name": "d", "type": "double"},
        {"name": "s", "type": "string"},
        {"name": "by", "type": "bytes"},
        {"name": "e", "type": {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS", "DIAMONDS", "CLUBS"]}},
        {"name": "fx", "type": {"type": "fixed", "name": "Md5", "size": 16}},
        {"name": "arr", "type": {"type": "array", "items": "long"}},
        {"name": "m", "type": {"type": "map", "values": ["null", "string"]}},
        {"name": "u", "type": ["null", "int", "string", "Suit"]},
        {"name": "nested", "type": {"type": "record", "name": "Inner", "namespace": "io.lancaster.test.inner",
          "fields": [
            {"name": "x", "type": "int"},
            {"name": "tags", "type": {"type": "array", "items": "string"}},
            {"name": "digest", "type": "io.lancaster.test.Md5"}]}},
        {"name": "inners", "type": {"type": "array", "items": "io.lancaster.test.inner.Inner"}},
        {"name": "opt", "type": ["null", "io.lancaster.test.inner.Inner"]},
        {"name": "maps", "type": {"type": "map", "values": {"type": "array", "items": "double"}}},
        {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "decf", "type": {"type": "fixed", "name": "Dec8", "size": 8, "logicalType": "decimal",
          "precision": 18, "scale": 4}},
        {"name": "uuid", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "date", "type": {"type": "int", "logicalType": "date"}},
        {"name": "tmillis", "type": {"type": "int", "logicalType": "time-millis"}},
        {"name": "tmicros", "type": {"type": "long", "logicalType": "time-micros"}},
        {"name": "tsmillis", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "tsmicros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "tsnanos", "type": {"type": "long", "logicalType": "timestamp-nanos"}},
        {"name": "lts", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
        {"name": "dur", "type": {"type": "fixed", "name": "Duration", "size": 12, "logicalType": "duration"}}
      ]}
      """;

  /** A small record, for tests that want many blocks of few bytes. */
  static final String SMALL_JSON = """
      {"type": "record", "name": "Small", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "tag", "type": ["null", "string"]}]}
      """;

  static final Schema ALL_TYPES = Schema.parse(ALL_TYPES_JSON);
  static final Schema SMALL = Schema.parse(SMALL_JSON);

  private FileTestData() {
  }

  /** {@code n} seeded random records of {@code schema}, with small collections. */
  static List<Object> records(Schema schema, int n, long seed) {
    Random random = new Random(seed);
    RandomData data = new RandomData(4, 3);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(data.next(schema, random));
    }
    return out;
  }

  /** A Lancaster-written file of {@code records}. */
  static byte[] write(Schema schema, List<Object> records, Codec codec, int syncInterval) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
        .create(schema, out)) {
      for (Object r : records) {
        w.append(r);
      }
    }
    return out.toByteArray();
  }

  /** Every record of an in-memory file, read by Lancaster. */
  static List<Object> readAll(byte[] file) throws IOException {
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "test.avro")) {
      List<Object> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return out;
    }
  }

  /** A file written by Apache Avro's DataFileWriter from our records (converted to its generic values). */
  static byte[] writeApache(Schema schema, List<Object> records, org.apache.avro.file.CodecFactory codec,
      int syncInterval) {
    org.apache.avro.Schema avro = AvroJava.toAvro(schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (org.apache.avro.file.DataFileWriter<Object> w =
        new org.apache.avro.file.DataFileWriter<>(new GenericDatumWriter<>(avro))) {
      w.setCodec(codec);
      w.setSyncInterval(syncInterval);
      w.create(avro, out);
      for (Object r : records) {
        w.append(AvroJava.toAvroDatum(schema, avro, r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Every record of an in-memory file, read by Apache Avro's DataFileReader (seekable). */
  static List<Object> readApache(byte[] file) throws IOException {
    try (org.apache.avro.file.DataFileReader<Object> r = new org.apache.avro.file.DataFileReader<>(
        new org.apache.avro.file.SeekableByteArrayInput(file), new GenericDatumReader<>())) {
      List<Object> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return out;
    }
  }

  /** Every record of an in-memory file, read by Apache Avro's DataFileStream (forward only). */
  static List<Object> readApacheStream(byte[] file) throws IOException {
    try (DataFileStream<Object> r = new DataFileStream<>(new java.io.ByteArrayInputStream(file),
        new GenericDatumReader<>())) {
      List<Object> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return out;
    }
  }

  /** Asserts that two lists of generic values (from either library) are equal item by item. */
  static void assertSameRecords(List<?> expected, List<?> actual) {
    if (expected.size() != actual.size()) {
      throw new AssertionError("expected " + expected.size() + " records, got " + actual.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      String diff = AvroJava.difference(expected.get(i), actual.get(i));
      if (diff != null) {
        throw new AssertionError("record " + i + " differs at " + diff);
      }
    }
  }

  /** Where each data block starts, in order, plus the file's length at the end. */
  static List<Long> blockStarts(byte[] file) throws IOException {
    List<Long> starts = new ArrayList<>();
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "test.avro")) {
      for (DataBlock b = r.nextBlock(); b != null; b = r.nextBlock()) {
        starts.add(b.start());
      }
    }
    starts.add((long) file.length);
    return starts;
  }
}
