package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lancaster getschema}: the file's schema as indented JSON that Apache Avro reads as the same schema. */
class GetSchemaTest {
  @TempDir
  Path dir;

  @Test
  void printsTheSchemaOfEveryContainerFileOfTheAvroProject() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(TestData.apacheAvro().resolve("data"))) {
      files = all.filter(p -> p.toString().endsWith(".avro") || p.toString().endsWith(".avro12")).sorted().toList();
    }
    for (Path file : files) {
      assertPrintsSchemaOf(file);
    }
  }

  @Test
  void printsTheSchemaOfFilesWrittenByEitherLibrary() throws IOException {
    assertPrintsSchemaOf(TestFiles.apacheFile(dir, "deflate", 3));
    assertPrintsSchemaOf(TestFiles.lancasterFile(dir, 3));
  }

  private static void assertPrintsSchemaOf(Path file) throws IOException {
    Cli.Result r = Cli.run("getschema", file.toString());
    assertThat(r.exitCode()).as(file + ": " + r.err()).isZero();
    assertThat(r.err()).isEmpty();
    org.apache.avro.Schema printed = new org.apache.avro.Schema.Parser().setValidateDefaults(false).parse(r.out());
    assertThat(printed).as(file.toString()).isEqualTo(ApacheAvro.schemaOf(file));
    if (printed.getType() == org.apache.avro.Schema.Type.RECORD) {
      assertThat(r.outLines()).as("indented").hasSizeGreaterThan(3);
      assertThat(r.outLines().get(1)).startsWith("  \"");
    }
  }

  @Test
  void readsStandardInput() throws IOException {
    Path file = TestFiles.lancasterFile(dir, 10);
    Cli.Result r = Cli.runWithStdin(Files.readAllBytes(file), "getschema", "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Cli.run("getschema", file.toString()).out());
    assertThat(r.out()).contains("\"name\" : \"WebEvent\"");
  }
}
