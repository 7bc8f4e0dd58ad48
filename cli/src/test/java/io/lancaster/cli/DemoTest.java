package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lancaster demo}: writes the sample file, which Apache Avro reads, and prints each step with its time. */
class DemoTest {
  @TempDir
  Path dir;

  @Test
  void writesTheSampleAndReportsEveryStep() throws IOException {
    Path out = dir.resolve("demo");
    Cli.Result r = Cli.run("demo", "--records", "1500", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();

    Path file = out.resolve(Demo.FILE_NAME);
    assertThat(ApacheAvro.count(file)).isEqualTo(1500);
    assertThat(ApacheAvro.schemaOf(file).getFullName()).isEqualTo("io.lancaster.demo.WebEvent");

    List<String> lines = r.outLines();
    assertThat(lines.get(0)).isEqualTo("Lancaster demo: 1,500 web-shop events into " + file);
    assertThat(lines).filteredOn(l -> l.startsWith("== ")).hasSize(6)
        .allMatch(l -> l.matches("== .+  \\[[\\d,]+ ms]"));
    assertThat(section(lines, "== count")).containsExactly("1500");
    assertThat(section(lines, "== metadata")).contains("avro.codec\tdeflate")
        .anyMatch(l -> l.startsWith("avro.schema\t{\"type\":\"record\",\"name\":\"WebEvent\""));
    assertThat(section(lines, "== schema")).contains("  \"name\" : \"WebEvent\",");
    assertThat(section(lines, "== decode every record").get(0)).startsWith("1,500 records, ");

    List<String> json = section(lines, "== first 3 records as JSON");
    List<String> apache = ApacheAvro.jsonLines(file).subList(0, 3);
    assertThat(json).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(Json.parse(json.get(i))).isEqualTo(Json.parse(apache.get(i)));
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsAFileError() throws IOException {
    Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
    Cli.Result r = Cli.run("demo", "--records", "10", notADir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("lancaster: " + notADir + ": ");
  }

  /** The lines after the header that starts with {@code prefix}, up to the next blank line. */
  private static List<String> section(List<String> lines, String prefix) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        start = i + 1;
        break;
      }
    }
    assertThat(start).as("section " + prefix).isPositive();
    int end = start;
    while (end < lines.size() && !lines.get(end).isEmpty()) {
      end++;
    }
    return lines.subList(start, end);
  }
}
