package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lancaster tojson}: each record on a line, equal to Apache Avro's JSON encoding of it. */
class ToJsonTest {
  @TempDir
  Path dir;

  @Test
  void printsWeatherAvroExactlyAsTheAvroProjectsWeatherJson() throws IOException {
    Path data = TestData.apacheAvro().resolve("data");
    List<String> expected = Files.readAllLines(data.resolve("weather.json"));
    for (String file : List.of("weather.avro", "weather-deflate.avro", "weather-snappy.avro", "weather-zstd.avro")) {
      Cli.Result r = Cli.run("tojson", data.resolve(file).toString());
      assertThat(r.exitCode()).as(file + ": " + r.err()).isZero();
      assertThat(r.outLines()).as(file).isEqualTo(expected);
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void matchesApacheAvroOnEveryContainerFileOfTheAvroProject() throws IOException {
    Path data = TestData.apacheAvro().resolve("data");
    List<Path> files;
    try (Stream<Path> all = Files.walk(data)) {
      files = all.filter(p -> p.toString().endsWith(".avro") || p.toString().endsWith(".avro12")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path file : files) {
      assertMatchesApache(file);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "deflate", "snappy", "zstandard", "bzip2", "xz"})
  void matchesApacheAvroOnFilesItWritesWithEveryCodec(String codec) throws IOException {
    assertMatchesApache(TestFiles.apacheFile(dir, codec, 300));
  }

  @Test
  void matchesApacheAvroOnFilesLancasterWrites() throws IOException {
    assertMatchesApache(TestFiles.lancasterFile(dir, 2000));
  }

  private static void assertMatchesApache(Path file) throws IOException {
    Cli.Result r = Cli.run("tojson", file.toString());
    assertThat(r.exitCode()).as(file + ": " + r.err()).isZero();
    List<String> ours = r.outLines();
    List<String> theirs = ApacheAvro.jsonLines(file);
    assertThat(ours).as(file.toString()).hasSameSizeAs(theirs);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(Json.parse(ours.get(i)))
          .as("%s record %d: ours %s, Apache Avro %s", file, i, ours.get(i), theirs.get(i))
          .isEqualTo(Json.parse(theirs.get(i)));
    }
  }

  @Test
  void readsStandardInputAsAStream() throws IOException {
    Path file = TestFiles.apacheFile(dir, "deflate", 200);
    Cli.Result fromFile = Cli.run("tojson", file.toString());
    Cli.Result fromStdin = Cli.runWithStdin(Files.readAllBytes(file), "tojson", "-");
    assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
    assertThat(fromStdin.outLines()).hasSize(200);
  }

  @Test
  void prettyIndentsEachRecordAndKeepsTheValues() throws IOException {
    Path file = TestFiles.apacheFile(dir, "null", 5);
    List<String> compact = Cli.run("tojson", file.toString()).outLines();
    Cli.Result pretty = Cli.run("tojson", "--pretty", file.toString());
    assertThat(pretty.exitCode()).isZero();
    assertThat(pretty.out()).startsWith("{\n  \"n\" : null,\n  \"b\" : ").endsWith("}\n");
    List<Object> values = new ArrayList<>();
    try (JsonParser p = Json.factory().createParser(pretty.out())) {
      while (p.nextToken() != null) {
        values.add(Json.read(p));
      }
    }
    assertThat(values).isEqualTo(compact.stream().map(Json::parse).toList());
  }

  @Test
  void aFileWithoutRecordsPrintsNothing() throws IOException {
    Path file = dir.resolve("empty.avro");
    DataFileWriter.generic().create(Schema.parse("\"int\""), file).close();
    Cli.Result r = Cli.run("tojson", file.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void printsNonRecordTopLevelValuesOnePerLine() throws IOException {
    Path file = dir.resolve("union.avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic()
        .create(Schema.parse("[\"null\", \"string\", \"double\"]"), file)) {
      w.append(null);
      w.append("a\nb");
      w.append(Double.NaN);
    }
    assertThat(Cli.run("tojson", file.toString()).out())
        .isEqualTo("null\n{\"string\":\"a\\nb\"}\n{\"double\":\"NaN\"}\n");
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).startsWith("Obj\u0001");
  }
}
