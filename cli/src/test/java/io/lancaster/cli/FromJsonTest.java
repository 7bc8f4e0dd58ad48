package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataBlock;
import io.lancaster.avro.file.DataFileReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lancaster fromjson}: JSON-encoded values in, a container file on standard output. */
class FromJsonTest {
  @TempDir
  Path dir;

  private Path everythingSchema() throws IOException {
    return Files.writeString(dir.resolve("everything.avsc"), TestFiles.EVERYTHING);
  }

  /** Apache Avro's JSON encoding of seeded records of every type (NaN, infinities, unicode, unions...). */
  private List<String> everythingJson(int n) throws IOException {
    return ApacheAvro.jsonLines(TestFiles.apacheFile(dir, "null", n));
  }

  /** Runs fromjson with {@code json} on standard input and stores what it wrote as a file. */
  private Path fromJson(String json, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("fromjson"));
    args.addAll(List.of(options));
    args.add("-");
    Cli.Result r = Cli.runWithStdin(json.getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Path out = Files.createTempFile(dir, "out", ".avro");
    Files.write(out, r.outBytes());
    return out;
  }

  /** Each record as the core reader reads it, in the JSON encoding. */
  private static List<String> coreJsonLines(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataFileReader<Object> reader = DataFileReader.open(file);
        JsonLines lines = new JsonLines(reader.schema(), bytes, false)) {
      while (reader.hasNext()) {
        lines.write(reader.next());
      }
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "deflate", "snappy", "zstandard", "bzip2", "xz"})
  void whatItWritesReadsBackAsTheInputInLancasterAndApacheAvro(String codec) throws IOException {
    List<String> input = everythingJson(150);
    Path out = fromJson(String.join("\n", input) + "\n", "--schema", everythingSchema().toString(),
        "--codec", codec);
    assertThat(new String(Files.readAllBytes(out), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("Obj\u0001");
    Evolution.assertSameJson(ApacheAvro.jsonLines(out), input, "Apache Avro reading " + codec);
    Evolution.assertSameJson(coreJsonLines(out), input, "Lancaster reading " + codec);
    try (DataFileReader<Object> reader = DataFileReader.open(out)) {
      assertThat(reader.codecName()).isEqualTo(codec);
    }
  }

  @Test
  void tojsonOutputRoundTripsThroughFromjson() throws IOException {
    for (Path original : List.of(TestFiles.apacheFile(dir, "deflate", 120), TestFiles.lancasterFile(dir, 300))) {
      Cli.Result json = Cli.run("tojson", original.toString());
      Path schema = Files.writeString(dir.resolve("schema.avsc"), Cli.run("getschema", original.toString()).out());
      Path copy = fromJson(json.out(), "--schema", schema.toString(), "--codec", "zstandard", "--level", "1");
      assertThat(Cli.run("tojson", copy.toString()).out()).as(original.toString()).isEqualTo(json.out());
      assertThat(Cli.run("getschema", copy.toString()).out())
          .isEqualTo(Cli.run("getschema", original.toString()).out());
    }
  }

  @Test
  void readsPrettyAndConcatenatedValuesAndAFile() throws IOException {
    Path file = TestFiles.apacheFile(dir, "null", 20);
    Path schema = everythingSchema();
    String pretty = Cli.run("tojson", "--pretty", file.toString()).out();
    Path fromPretty = fromJson(pretty, "--schema", schema.toString());
    assertThat(Cli.run("tojson", fromPretty.toString()).out()).isEqualTo(Cli.run("tojson", file.toString()).out());

    Path ints = Files.writeString(dir.resolve("int.avsc"), "\"int\"");
    Path json = Files.writeString(dir.resolve("ints.json"), "1 2\n\n  3 -4");
    Cli.Result r = Cli.run("fromjson", "--schema", ints.toString(), json.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path out = Files.write(dir.resolve("ints.avro"), r.outBytes());
    assertThat(Cli.run("tojson", out.toString()).outLines()).containsExactly("1", "2", "3", "-4");
  }

  @Test
  void missingFieldsTakeTheirDefaults() throws IOException {
    Path v2 = Evolution.schemaFile(2, dir);
    Path out = fromJson("{\"id\": 7, \"full_name\": \"Ada\", \"email\": \"a@b\"}", "--schema", v2.toString());
    assertThat(Cli.run("tojson", out.toString()).out())
        .isEqualTo("{\"id\":7,\"full_name\":\"Ada\",\"email\":\"a@b\",\"country\":\"unknown\"}\n");
  }

  @Test
  void theSyncIntervalSetsTheBlockSize() throws IOException {
    List<String> input = everythingJson(200);
    Path schema = everythingSchema();
    Path small = fromJson(String.join("\n", input), "--schema", schema.toString(), "--sync-interval", "512");
    Path large = fromJson(String.join("\n", input), "--schema", schema.toString());
    assertThat(blocks(small)).isGreaterThan(20);
    assertThat(blocks(large)).isEqualTo(1);
    assertThat(ApacheAvro.count(small)).isEqualTo(200);
  }

  private static int blocks(Path file) throws IOException {
    int n = 0;
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      for (DataBlock b = reader.nextBlock(); b != null; b = reader.nextBlock()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void noInputWritesAFileWithoutRecords() throws IOException {
    Path out = fromJson("  \n", "--schema", Evolution.schemaFile(1, dir).toString());
    assertThat(ApacheAvro.count(out)).isZero();
    assertThat(ApacheAvro.schemaOf(out)).isEqualTo(Evolution.schema(1));
  }

  @Test
  void aValueThatDoesNotFitNamesTheLineTheColumnAndTheField() throws IOException {
    Path v1 = Evolution.schemaFile(1, dir);
    Path json = Files.writeString(dir.resolve("users.json"), """
        {"id": 1, "name": "a", "email": "x"}
        {"id": 2, "name": "b", "email": "y"}
        {"id": 3, "name": 42, "email": "z"}
        {"id": 4, "name": "d", "email": "w"}
        """);
    Cli.Result r = Cli.run("fromjson", "--schema", v1.toString(), json.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lancaster: " + json + ":3:19: field name: expected a string, got the number 42");
    // the records before it are written, as a valid file
    Path out = Files.write(dir.resolve("partial.avro"), r.outBytes());
    assertThat(ApacheAvro.count(out)).isEqualTo(2);
  }

  @Test
  void nestedPathsMissingFieldsAndMalformedJson() throws IOException {
    Path schema = everythingSchema();
    String good = everythingJson(1).get(0);
    String badTag = good.replaceFirst("\"tags\":\\[", "\"tags\":[7,");
    Cli.Result nested = Cli.runWithStdin(badTag.getBytes(StandardCharsets.UTF_8), "fromjson", "--schema",
        schema.toString(), "-");
    assertThat(nested.exitCode()).isEqualTo(1);
    assertThat(nested.err()).startsWith("lancaster: -:1:").contains(": field inner.tags");

    Path v1 = Evolution.schemaFile(1, dir);
    Cli.Result missing = Cli.runWithStdin("{\"id\": 1, \"name\": \"a\"}".getBytes(StandardCharsets.UTF_8),
        "fromjson", "--schema", v1.toString(), "-");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("lancaster: -:1:").contains("email");

    Cli.Result malformed = Cli.runWithStdin("{\"id\": 1,\n \"name\" \"a\"}".getBytes(StandardCharsets.UTF_8),
        "fromjson", "--schema", v1.toString(), "-");
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.errLines()).singleElement().asString().startsWith("lancaster: -:2:");
  }

  @Test
  void aMissingInputWritesNothing() throws IOException {
    Path missing = dir.resolve("nope.json");
    Cli.Result r = Cli.run("fromjson", "--schema", Evolution.schemaFile(1, dir).toString(), missing.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("lancaster: " + missing + ": no such file\n");
  }

  @Test
  void stopsReadingWhenStandardOutputFails() throws IOException {
    byte[] json = "100000\n".repeat(300_000).getBytes(StandardCharsets.UTF_8);
    java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();
    java.io.InputStream in = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(json)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        consumed.addAndGet(Math.max(n, 0));
        return n;
      }
    };
    java.io.OutputStream full = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path ints = Files.writeString(dir.resolve("int.avsc"), "\"int\"");
    int code = Main.run(new String[] {"fromjson", "--schema", ints.toString(), "-"}, in,
        new java.io.PrintStream(full, false, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lancaster: error writing to standard output\n");
    assertThat(consumed.get()).as("input read before stopping").isLessThan(json.length / 4);
  }

  @Test
  void usageErrors() throws IOException {
    String v1 = Evolution.schemaFile(1, dir).toString();
    assertUsage("missing --schema", "fromjson", "in.json");
    assertUsage("unknown codec lz4", "fromjson", "--schema", v1, "--codec", "lz4", "in.json");
    assertUsage("--level applies to deflate, zstandard and xz, not snappy", "fromjson", "--schema", v1,
        "--codec", "snappy", "--level", "3", "in.json");
    assertUsage("--level applies to deflate, zstandard and xz, not null", "fromjson", "--schema", v1,
        "--level", "3", "in.json");
    assertUsage("deflate compression level must be between", "fromjson", "--schema", v1, "--codec", "deflate",
        "--level", "12", "in.json");
    assertUsage("--level needs a number, got high", "fromjson", "--schema", v1, "--codec", "xz", "--level", "high",
        "in.json");
    assertUsage("--sync-interval needs a number of bytes from 32", "fromjson", "--schema", v1,
        "--sync-interval", "8", "in.json");
    assertUsage("the schema and the JSON cannot both come from standard input", "fromjson", "--schema", "-", "-");
  }

  private static void assertUsage(String message, String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("lancaster fromjson: " + message);
  }
}
