package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lancaster count}: the number of records, as Apache Avro counts them by reading every one. */
class CountTest {
  @TempDir
  Path dir;

  @Test
  void countsEveryContainerFileOfTheAvroProjectAsApacheAvroDoes() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(TestData.apacheAvro().resolve("data"))) {
      files = all.filter(p -> p.toString().endsWith(".avro") || p.toString().endsWith(".avro12")).sorted().toList();
    }
    for (Path file : files) {
      Cli.Result r = Cli.run("count", file.toString());
      assertThat(r.exitCode()).as(file + ": " + r.err()).isZero();
      assertThat(r.out()).as(file.toString()).isEqualTo(ApacheAvro.count(file) + "\n");
    }
  }

  @Test
  void countsManyBlocksOfFilesWrittenByEitherLibrary() throws IOException {
    Path apache = TestFiles.apacheFile(dir, "snappy", 1234);
    Path lancaster = TestFiles.lancasterFile(dir, 3210);
    assertThat(Cli.run("count", apache.toString()).out()).isEqualTo("1234\n");
    assertThat(Cli.run("count", lancaster.toString()).out()).isEqualTo("3210\n");
    assertThat(ApacheAvro.count(lancaster)).isEqualTo(3210);
  }

  @Test
  void countsStandardInput() throws IOException {
    Path file = TestFiles.lancasterFile(dir, 777);
    Cli.Result r = Cli.runWithStdin(Files.readAllBytes(file), "count", "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("777\n");
  }

  @Test
  void countsZeroForAFileWithoutRecords() throws IOException {
    Path file = dir.resolve("empty.avro");
    DataFileWriter.generic().create(Schema.parse("\"string\""), file).close();
    assertThat(Cli.run("count", file.toString()).out()).isEqualTo("0\n");
  }
}
