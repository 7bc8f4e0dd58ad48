package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.FileReader;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/**
 * The schema versions of the README's evolution example (docs/examples/evolution: v1; v2 renames {@code name} to
 * {@code full_name} through an alias and adds {@code country} with a default; v3 drops {@code email} and promotes
 * {@code id} from int to long), so the tests keep the example honest, plus a v4 for transitive checks. Data files
 * are written by Apache Avro from seeded records, and Apache Avro's resolving reader is the oracle.
 */
final class Evolution {
  /** Version 4: {@code country} loses its default, so v4 reads v2 and v3 data but not v1's. */
  static final String V4 = """
      {"type": "record", "name": "User", "namespace": "example.evolution", "fields": [
        {"name": "id", "type": "long"},
        {"name": "full_name", "type": "string", "aliases": ["name"]},
        {"name": "country", "type": "string"}]}
      """;

  private static final String[] COUNTRIES = {"GB", "FR", "日本", "BR"};

  private Evolution() {}

  static Path dir() {
    return TestData.repoRoot().resolve("docs").resolve("examples").resolve("evolution");
  }

  /** The .avsc file of version 1, 2 or 3 (in docs/examples/evolution), or of v4 (written into {@code tmp}). */
  static Path schemaFile(int version, Path tmp) throws IOException {
    if (version == 4) {
      Path file = tmp.resolve("v4.avsc");
      Files.writeString(file, V4);
      return file;
    }
    return dir().resolve("v" + version + ".avsc");
  }

  static Schema schema(int version) throws IOException {
    String json = version == 4 ? V4 : Files.readString(dir().resolve("v" + version + ".avsc"));
    return new Schema.Parser().parse(json);
  }

  /** Seeded records of that version, ids from {@code firstId} (for v3, beyond the int range when asked). */
  static List<GenericData.Record> records(int version, int n, long seed, long firstId) throws IOException {
    Schema schema = schema(version);
    Random r = new Random(seed);
    List<GenericData.Record> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GenericData.Record rec = new GenericData.Record(schema);
      long id = firstId + i;
      rec.put("id", schema.getField("id").schema().getType() == Schema.Type.INT ? (Object) (int) id : (Object) id);
      String name = "user " + id + (r.nextBoolean() ? " \"é\"" : "");
      rec.put(version == 1 ? "name" : "full_name", name);
      if (schema.getField("email") != null) {
        rec.put("email", "u" + r.nextInt(1000) + "@example.org");
      }
      if (schema.getField("country") != null) {
        rec.put("country", COUNTRIES[r.nextInt(COUNTRIES.length)]);
      }
      records.add(rec);
    }
    return records;
  }

  /** An Apache Avro file of {@code n} records of that version; small blocks, so there are several. */
  static Path write(Path dir, String name, int version, int n, long seed, String codec) throws IOException {
    return ApacheAvro.write(dir.resolve(name), schema(version), records(version, n, seed, version * 1000L),
        CodecFactory.fromString(codec), Map.of("user.version", ("v" + version).getBytes(StandardCharsets.UTF_8)),
        1024);
  }

  /** The two lists hold the same JSON values, line by line (compared as parsed trees, not as text). */
  static void assertSameJson(List<String> ours, List<String> theirs, String what) {
    assertThat(ours).as(what).hasSameSizeAs(theirs);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(Json.parse(ours.get(i))).as("%s, line %d: ours %s, Apache Avro %s", what, i + 1, ours.get(i),
          theirs.get(i)).isEqualTo(Json.parse(theirs.get(i)));
    }
  }

  /** Each record of {@code file} resolved to {@code reader} by Apache Avro, in its JSON encoding. */
  static List<String> apacheJsonLines(Path file, Schema reader) throws IOException {
    List<String> lines = new ArrayList<>();
    GenericDatumReader<Object> datumReader = new GenericDatumReader<>(null, reader);
    try (FileReader<Object> in = DataFileReader.openReader(new SeekableFileInput(file.toFile()), datumReader)) {
      GenericDatumWriter<Object> writer = new GenericDatumWriter<>(reader);
      for (Object record : in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(reader, out);
        writer.write(record, encoder);
        encoder.flush();
        lines.add(out.toString(StandardCharsets.UTF_8));
      }
    }
    return lines;
  }
}
