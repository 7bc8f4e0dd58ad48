package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lancaster tojson --reader-schema}: records resolved to a reader schema, as Apache Avro resolves them. */
class ToJsonReaderSchemaTest {
  @TempDir
  Path dir;

  @Test
  void version1DataReadWithVersion2FollowsTheAliasAndFillsTheDefault() throws IOException {
    Path v1 = Evolution.write(dir, "v1.avro", 1, 40, 11, "deflate");
    Cli.Result r = Cli.run("tojson", "--reader-schema", Evolution.schemaFile(2, dir).toString(), v1.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(40);
    Map<?, ?> first = (Map<?, ?>) Json.parse(lines.get(0));
    assertThat(new ArrayList<Object>(first.keySet())).containsExactly("id", "full_name", "email", "country");
    assertThat(first.get("id")).isEqualTo(1000L);
    assertThat((String) first.get("full_name")).startsWith("user 1000");
    assertThat(first.get("country")).isEqualTo("unknown");
  }

  @ParameterizedTest(name = "v{0} data read with v{1}")
  @CsvSource({"1, 1", "1, 2", "1, 3", "2, 3", "2, 4", "3, 4", "3, 3"})
  void everyResolvablePairPrintsWhatApacheAvroResolves(int writer, int reader) throws IOException {
    Path data = Evolution.write(dir, "v" + writer + ".avro", writer, 60, writer * 31L + reader, "snappy");
    Cli.Result r = Cli.run("tojson", "--reader-schema", Evolution.schemaFile(reader, dir).toString(), data.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Evolution.assertSameJson(r.outLines(), Evolution.apacheJsonLines(data, Evolution.schema(reader)),
        "v" + writer + " as v" + reader);
  }

  @Test
  void readsStandardInputWithAReaderSchema() throws IOException {
    Path v2 = Evolution.write(dir, "v2.avro", 2, 25, 5, "null");
    Cli.Result r = Cli.runWithStdin(Files.readAllBytes(v2), "tojson", "--reader-schema",
        Evolution.schemaFile(3, dir).toString(), "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Evolution.assertSameJson(r.outLines(), Evolution.apacheJsonLines(v2, Evolution.schema(3)), "stdin");
  }

  @Test
  void aPairThatCannotResolveExits1WithOneLineNamingTheFieldAndTheRule() throws IOException {
    Path v3 = Evolution.write(dir, "v3.avro", 3, 10, 3, "null");
    Path v1Schema = Evolution.schemaFile(1, dir);
    Cli.Result r = Cli.run("tojson", "--reader-schema", v1Schema.toString(), v3.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).isEqualTo("lancaster: " + v3 + ": cannot resolve field id: "
        + "writer type long cannot be read as int (reader schema " + v1Schema + ")\n");
  }

  @Test
  void aNestedFieldIsNamedByItsPath() throws IOException {
    Path data = dir.resolve("nested.avro");
    Schema writer = Schema.parse("""
        {"type": "record", "name": "R", "fields": [{"name": "address", "type": {"type": "record", "name": "A",
          "fields": [{"name": "street", "type": "string"}]}}]}""");
    DataFileWriter.generic().create(writer, data).close();
    Path reader = dir.resolve("reader.avsc");
    Files.writeString(reader, """
        {"type": "record", "name": "R", "fields": [{"name": "address", "type": {"type": "record", "name": "A",
          "fields": [{"name": "street", "type": "string"}, {"name": "zip", "type": "int"}]}}]}""");
    Cli.Result r = Cli.run("tojson", "--reader-schema", reader.toString(), data.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lancaster: " + data + ": cannot resolve field address.zip: ").contains("default");
  }

  @Test
  void anEnumSymbolTheReaderLacksFailsOnlyWhenItOccurs() throws IOException {
    Schema writer = Schema.parse("""
        {"type": "record", "name": "Shot", "fields": [
          {"name": "n", "type": "int"},
          {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN", "BLUE"]}}]}""");
    EnumSchema color = (EnumSchema) ((RecordSchema) writer).field("color").schema();
    Path data = dir.resolve("shots.avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(writer, data)) {
      int n = 0;
      for (String symbol : List.of("RED", "GREEN", "RED", "BLUE", "GREEN")) {
        w.append(new GenericRecord((RecordSchema) writer).put("n", n++).put("color", new GenericEnum(color, symbol)));
      }
    }
    Path reader = dir.resolve("reader.avsc");
    Files.writeString(reader, """
        {"type": "record", "name": "Shot", "fields": [
          {"name": "n", "type": "int"},
          {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]}}]}""");
    Cli.Result r = Cli.run("tojson", "--reader-schema", reader.toString(), data.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly("{\"n\":0,\"color\":\"RED\"}", "{\"n\":1,\"color\":\"GREEN\"}",
        "{\"n\":2,\"color\":\"RED\"}");
    assertThat(r.errLines()).singleElement().asString().startsWith("lancaster: " + data + ": ")
        .contains("BLUE").contains("field color");
  }

  @Test
  void apacheCompatibleResolvesRecordsWhoseNamesDiffer() throws IOException {
    Path v1 = Evolution.write(dir, "v1.avro", 1, 5, 9, "null");
    Path renamed = dir.resolve("person.avsc");
    Files.writeString(renamed, Files.readString(Evolution.schemaFile(2, dir)).replace("\"User\"", "\"Person\""));
    Cli.Result strict = Cli.run("tojson", "--reader-schema", renamed.toString(), v1.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err()).contains("Person").contains("User");

    Cli.Result lenient = Cli.run("tojson", "--apache-compatible", "--reader-schema", renamed.toString(),
        v1.toString());
    assertThat(lenient.exitCode()).as(lenient.err()).isZero();
    Evolution.assertSameJson(lenient.outLines(), Evolution.apacheJsonLines(v1, Evolution.schema(2)), "renamed");
  }

  @Test
  void aReaderSchemaThatCannotBeReadIsReportedByItsName() throws IOException {
    Path v1 = Evolution.write(dir, "v1.avro", 1, 5, 9, "null");
    Path missing = dir.resolve("missing.avsc");
    assertThat(Cli.run("tojson", "--reader-schema", missing.toString(), v1.toString()).err())
        .isEqualTo("lancaster: " + missing + ": no such file\n");
    Path bad = dir.resolve("bad.avsc");
    Files.writeString(bad, "{\"type\": \"record\", \"name\": \"R\"}");
    Cli.Result r = Cli.run("tojson", "--reader-schema", bad.toString(), v1.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("lancaster: " + bad + ": ");
  }

  /**
   * A path that is not a regular file, such as bash's {@code <(...)}, is read as a stream. (A reader that opened
   * the pipe twice would block for ever: hence the timeout, in a thread of its own.)
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void readsANamedPipe() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "no mkfifo on this system");
    Path v1 = Evolution.write(dir, "v1.avro", 1, 30, 12, "deflate");
    byte[] bytes = Files.readAllBytes(v1);
    Thread writer = new Thread(() -> {
      try {
        Files.write(fifo, bytes);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    Cli.Result r = Cli.run("tojson", "--reader-schema", Evolution.schemaFile(3, dir).toString(), fifo.toString());
    if (writer.isAlive()) { // the command failed before reading the pipe: unblock the writer
      try (java.io.InputStream drain = Files.newInputStream(fifo)) {
        drain.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    writer.join();
    assertThat(r.exitCode()).as(r.err()).isZero();
    Evolution.assertSameJson(r.outLines(), Evolution.apacheJsonLines(v1, Evolution.schema(3)), "fifo");
    assertThat(Cli.run("cat", dir.resolve("out.avro").toString(), fifo.toString()).err())
        .isEqualTo("lancaster: " + fifo + ": not a regular file: each input is read twice, checked then copied\n");
  }

  @Test
  void usageErrors() {
    Cli.Result lenientAlone = Cli.run("tojson", "--apache-compatible", "x.avro");
    assertThat(lenientAlone.exitCode()).isEqualTo(2);
    assertThat(lenientAlone.err()).startsWith("lancaster tojson: --apache-compatible applies to resolution");
    Cli.Result bothStdin = Cli.run("tojson", "--reader-schema", "-", "-");
    assertThat(bothStdin.exitCode()).isEqualTo(2);
    assertThat(Cli.run("tojson", "x.avro", "--reader-schema").err())
        .startsWith("lancaster tojson: option --reader-schema needs a value\n");
  }
}
