package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lancaster cat}: container files concatenated into one, each resolved to one schema. */
class CatTest {
  @TempDir
  Path dir;

  @Test
  void concatenatesEveryVersionResolvedToTheReaderSchema() throws IOException {
    Path v1 = Evolution.write(dir, "v1.avro", 1, 120, 1, "deflate");
    Path v2 = Evolution.write(dir, "v2.avro", 2, 80, 2, "snappy");
    Path v3 = Evolution.write(dir, "v3.avro", 3, 60, 3, "null");
    Path out = dir.resolve("all.avro");
    Cli.Result r = Cli.run("cat", "--reader-schema", Evolution.schemaFile(3, dir).toString(), out.toString(),
        v1.toString(), v2.toString(), v3.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();

    assertThat(ApacheAvro.schemaOf(out)).isEqualTo(Evolution.schema(3));
    List<String> expected = new ArrayList<>();
    for (Path in : List.of(v1, v2, v3)) {
      expected.addAll(Evolution.apacheJsonLines(in, Evolution.schema(3)));
    }
    assertThat(expected).hasSize(260);
    Evolution.assertSameJson(ApacheAvro.jsonLines(out), expected, "Apache Avro reading the output");
    Evolution.assertSameJson(Cli.run("tojson", out.toString()).outLines(), expected, "tojson of the output");
    try (DataFileReader<Object> reader = DataFileReader.open(out)) {
      assertThat(reader.codecName()).as("the first input's codec").isEqualTo("deflate");
      assertThat(reader.metaString("user.version")).as("the first input's metadata").isEqualTo("v1");
    }
  }

  @Test
  void withoutAReaderSchemaEveryInputResolvesToTheFirstOnesSchema() throws IOException {
    Path v2 = Evolution.write(dir, "v2.avro", 2, 30, 4, "null");
    Path v1 = Evolution.write(dir, "v1.avro", 1, 40, 5, "deflate");
    Path out = dir.resolve("out.avro");
    Cli.Result r = Cli.run("cat", out.toString(), v2.toString(), v1.toString(), v2.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(ApacheAvro.schemaOf(out)).isEqualTo(Evolution.schema(2));
    List<String> expected = new ArrayList<>(Evolution.apacheJsonLines(v2, Evolution.schema(2)));
    expected.addAll(Evolution.apacheJsonLines(v1, Evolution.schema(2)));
    expected.addAll(Evolution.apacheJsonLines(v2, Evolution.schema(2)));
    Evolution.assertSameJson(ApacheAvro.jsonLines(out), expected, "v2 + v1 + v2 as v2");
    assertThat(Cli.run("tojson", out.toString()).outLines().get(30)).contains("\"country\":\"unknown\"");
  }

  @Test
  void anInputThatCannotResolveFailsBeforeAnythingIsWritten() throws IOException {
    Path v1 = Evolution.write(dir, "v1.avro", 1, 10, 6, "null");
    Path v3 = Evolution.write(dir, "v3.avro", 3, 10, 7, "null");
    Path out = dir.resolve("out.avro");
    Cli.Result r = Cli.run("cat", out.toString(), v1.toString(), v3.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("lancaster: " + v3 + ": cannot resolve field id: writer type long cannot be read as int"
            + " (reader schema the schema of " + v1 + ")");
    assertThat(out).doesNotExist();
    assertThat(filesIn(dir)).containsExactlyInAnyOrder("v1.avro", "v3.avro");

    Cli.Result toStdout = Cli.run("cat", "-", v1.toString(), v3.toString());
    assertThat(toStdout.exitCode()).isEqualTo(1);
    assertThat(toStdout.outBytes()).as("nothing on standard output").isEmpty();
    assertThat(toStdout.err()).isEqualTo(r.err());
  }

  @Test
  void theOutputMayBeAnInputAndAFailureLeavesItAsItWas() throws IOException {
    Path a = Evolution.write(dir, "a.avro", 2, 25, 8, "null");
    Path b = Evolution.write(dir, "b.avro", 1, 15, 9, "null");
    List<String> before = Cli.run("tojson", a.toString()).outLines();
    Cli.Result r = Cli.run("cat", a.toString(), a.toString(), b.toString(), a.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(ApacheAvro.count(a)).isEqualTo(65);
    assertThat(Cli.run("tojson", a.toString()).outLines().subList(0, 25)).isEqualTo(before);

    byte[] kept = Files.readAllBytes(a);
    Path broken = dir.resolve("broken.avro");
    byte[] v = Files.readAllBytes(b);
    Files.write(broken, java.util.Arrays.copyOf(v, v.length - 40)); // the last block is cut short
    Cli.Result failed = Cli.run("cat", a.toString(), b.toString(), broken.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.errLines()).singleElement().asString().startsWith("lancaster: " + broken + ": ");
    assertThat(Files.readAllBytes(a)).isEqualTo(kept);
    assertThat(filesIn(dir)).containsExactlyInAnyOrder("a.avro", "b.avro", "broken.avro");
  }

  @Test
  void theCodecOptionsAndStandardOutput() throws IOException {
    Path v1 = Evolution.write(dir, "v1.avro", 1, 50, 10, "deflate");
    Path v2 = Evolution.write(dir, "v2.avro", 2, 50, 11, "deflate");
    Cli.Result r = Cli.run("cat", "--codec", "zstandard", "--level", "9", "--reader-schema",
        Evolution.schemaFile(2, dir).toString(), "-", v1.toString(), v2.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path out = Files.write(dir.resolve("stdout.avro"), r.outBytes());
    try (DataFileReader<Object> reader = DataFileReader.open(out)) {
      assertThat(reader.codecName()).isEqualTo("zstandard");
    }
    List<String> expected = new ArrayList<>(Evolution.apacheJsonLines(v1, Evolution.schema(2)));
    expected.addAll(Evolution.apacheJsonLines(v2, Evolution.schema(2)));
    Evolution.assertSameJson(ApacheAvro.jsonLines(out), expected, "zstandard on stdout");
  }

  @Test
  void readsAvro12FilesToo() throws IOException {
    Path legacy = TestData.apacheAvro().resolve("data").resolve("test.avro12");
    Path out = dir.resolve("modern.avro");
    Cli.Result r = Cli.run("cat", out.toString(), legacy.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Cli.run("tojson", out.toString()).out()).isEqualTo(Cli.run("tojson", legacy.toString()).out());
    assertThat(new String(Files.readAllBytes(out), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("Obj\u0001");
  }

  @Test
  void usageErrors() {
    assertThat(Cli.run("cat", "out.avro").err()).startsWith("lancaster cat: missing IN_FILE\n");
    assertThat(Cli.run("cat", "out.avro", "a.avro", "-").err())
        .startsWith("lancaster cat: IN_FILE cannot be standard input");
    assertThat(Cli.run("cat", "--apache-compatible", "out.avro", "a.avro").exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingInputIsNamed() {
    Path missing = dir.resolve("nope.avro");
    Cli.Result r = Cli.run("cat", dir.resolve("out.avro").toString(), missing.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("lancaster: " + missing + ": no such file\n");
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
