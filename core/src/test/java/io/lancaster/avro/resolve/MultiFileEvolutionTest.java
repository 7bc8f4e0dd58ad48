package io.lancaster.avro.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset whose files were written over time with three successive versions of a schema, read as one through the
 * newest version, as an engine reads a table after schema changes: v2 adds a field with a default and renames one
 * (the reader keeps the old name as an alias), v3 drops a field and widens an int to a long. Each file is read with
 * a {@link ResolvingDatumReader} made from that file's own writer schema, and every value is checked exactly.
 */
class MultiFileEvolutionTest {
  private static final int RECORDS_PER_FILE = 300;

  private static final Schema V1 = Schema.parse("""
      {"type": "record", "name": "User", "namespace": "com.acme", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "email", "type": ["null", "string"]},
        {"name": "age", "type": "int"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["ACTIVE", "BANNED"]}}]}""");

  private static final Schema V2 = Schema.parse("""
      {"type": "record", "name": "User", "namespace": "com.acme", "fields": [
        {"name": "id", "type": "long"},
        {"name": "fullName", "type": "string", "aliases": ["name"]},
        {"name": "email", "type": ["null", "string"]},
        {"name": "age", "type": "int"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["ACTIVE", "BANNED"]}},
        {"name": "country", "type": "string", "default": "unknown"}]}""");

  private static final Schema V3 = Schema.parse("""
      {"type": "record", "name": "User", "namespace": "com.acme", "fields": [
        {"name": "id", "type": "long"},
        {"name": "country", "type": "string", "default": "unknown"},
        {"name": "fullName", "type": "string", "aliases": ["name"]},
        {"name": "age", "type": "long"},
        {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["ACTIVE", "BANNED", "DELETED"],
          "default": "DELETED"}}]}""");

  @TempDir
  Path dir;

  @Test
  void filesOfThreeSchemaVersionsReadThroughTheNewest() throws IOException {
    Path v1 = write("part-0.avro", V1, CodecFactory.deflate(6), 0);
    Path v2 = write("part-1.avro", V2, CodecFactory.snappy(), 1);
    Path v3 = write("part-2.avro", V3, CodecFactory.nullCodec(), 2);

    List<GenericRecord> expected = new ArrayList<>();
    List<GenericRecord> actual = new ArrayList<>();
    for (Path file : List.of(v1, v2, v3)) {
      int version = expected.size() / RECORDS_PER_FILE;
      try (DataFileReader<Object> reader = DataFileReader.open(file, throughV3())) {
        assertThat(reader.schema()).isEqualTo(List.of(V1, V2, V3).get(version));
        while (reader.hasNext()) {
          actual.add((GenericRecord) reader.next());
        }
      }
      for (int i = 0; i < RECORDS_PER_FILE; i++) {
        expected.add(expectedInV3(version, i));
      }
    }
    assertThat(actual).hasSize(3 * RECORDS_PER_FILE);
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i)).as("record %s", i).isEqualTo(expected.get(i));
      assertThat(actual.get(i).schema()).isSameAs(V3);
    }
  }

  @Test
  void eachVersionReadsItsOwnValuesAndDefaults() throws IOException {
    Path v1 = write("old.avro", V1, CodecFactory.nullCodec(), 0);
    try (DataFileReader<Object> reader = DataFileReader.open(v1, throughV3())) {
      GenericRecord first = (GenericRecord) reader.next();
      assertThat(first.get("id")).isEqualTo(0L);
      assertThat(first.get("fullName")).isEqualTo("user-0"); // written as "name"
      assertThat(first.get("country")).isEqualTo("unknown"); // the default: v1 had no country
      assertThat(first.get("age")).isEqualTo(18L); // an int widened to a long
      assertThat(first.get("status")).isEqualTo(new GenericEnum(status(V3), "ACTIVE"));
    }
  }

  @Test
  void aReaderThatCannotResolveAFileFailsWhenTheFileIsOpened() throws IOException {
    Path v1 = write("old.avro", V1, CodecFactory.nullCodec(), 0);
    Schema needsZip = Schema.parse("""
        {"type": "record", "name": "User", "namespace": "com.acme", "fields": [
          {"name": "id", "type": "long"}, {"name": "zip", "type": "string"}]}""");
    assertThatThrownBy(() -> DataFileReader.open(v1,
        ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, needsZip))))
        .isInstanceOf(SchemaResolutionException.class)
        .satisfies(e -> assertThat(((SchemaResolutionException) e).path()).isEqualTo("zip"));
  }

  @Test
  void aValueTheReaderCannotHoldFailsWithItsFileBlockAndField() throws IOException {
    Path v3 = write("new.avro", V3, CodecFactory.nullCodec(), 2); // every third user is DELETED
    Schema older = Schema.parse("""
        {"type": "record", "name": "User", "namespace": "com.acme", "fields": [
          {"name": "fullName", "type": "string"},
          {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["ACTIVE", "BANNED"]}}]}""");
    try (DataFileReader<Object> reader = DataFileReader.open(v3,
        ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, older)))) {
      GenericRecord first = (GenericRecord) reader.next(); // ACTIVE
      assertThat(first.get("fullName")).isEqualTo("user-0");
      reader.next(); // BANNED
      assertThatThrownBy(reader::next).isInstanceOf(IncompatibleDataException.class)
          .satisfies(e -> {
            IncompatibleDataException ide = (IncompatibleDataException) e;
            assertThat(ide.file()).endsWith("new.avro");
            assertThat(ide.block()).isEqualTo(0);
            assertThat(ide.fieldPath()).isEqualTo("status");
            assertThat(ide.getMessage()).contains("DELETED");
          });
    }
  }

  private ReadOptions<Object> throughV3() {
    return ReadOptions.defaults().withDatumReader(writer -> new ResolvingDatumReader(writer, V3));
  }

  private Path write(String name, Schema schema, Codec codec, int version) throws IOException {
    Path file = dir.resolve(name);
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(codec).setSyncInterval(1024)
        .create(schema, file)) {
      for (int i = 0; i < RECORDS_PER_FILE; i++) {
        w.append(written(schema, version, i));
      }
    }
    return file;
  }

  /** Record {@code i} of the file written with version {@code version} (0, 1, 2). */
  private static GenericRecord written(Schema schema, int version, int i) {
    GenericRecord r = new GenericRecord((RecordSchema) schema);
    r.put("id", (long) version * 1_000_000 + i);
    r.put(version == 0 ? "name" : "fullName", "user-" + i);
    if (version < 2) {
      r.put("email", i % 4 == 0 ? null : "u" + i + "@example.com");
    }
    r.put("age", version < 2 ? (Object) (18 + i % 60) : (Object) (18L + i % 60 + (1L << 33)));
    String symbol = i % 3 == 2 && version == 2 ? "DELETED" : i % 3 == 1 ? "BANNED" : "ACTIVE";
    r.put("status", new GenericEnum(status(schema), symbol));
    if (version > 0) {
      r.put("country", i % 2 == 0 ? "NZ" : "日本");
    }
    return r;
  }

  /** The same record as read through v3. */
  private static GenericRecord expectedInV3(int version, int i) {
    GenericRecord r = new GenericRecord((RecordSchema) V3);
    r.put("id", (long) version * 1_000_000 + i);
    r.put("fullName", "user-" + i);
    r.put("age", version < 2 ? 18L + i % 60 : 18L + i % 60 + (1L << 33));
    String symbol = i % 3 == 2 && version == 2 ? "DELETED" : i % 3 == 1 ? "BANNED" : "ACTIVE";
    r.put("status", new GenericEnum(status(V3), symbol));
    r.put("country", version == 0 ? "unknown" : i % 2 == 0 ? "NZ" : "日本");
    return r;
  }

  private static EnumSchema status(Schema user) {
    return (EnumSchema) ((RecordSchema) user).field("status").schema();
  }
}
