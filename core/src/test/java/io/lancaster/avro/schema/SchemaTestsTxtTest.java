package io.lancaster.avro.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.testing.SharedTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the Avro project's {@code schema-tests.txt}: canonical form and CRC-64-AVRO fingerprint. */
class SchemaTestsTxtTest {

  record Case(String id, String input, String canonical, Long fingerprint) {}

  @TestFactory
  Stream<DynamicTest> everyCase() throws IOException {
    List<Case> cases = parse(Files.readAllLines(
        SharedTestData.apacheAvro().resolve("data/schema-tests.txt"), StandardCharsets.UTF_8));
    assertThat(cases).hasSizeGreaterThan(30);
    return cases.stream().map(c -> DynamicTest.dynamicTest("case " + c.id(), () -> {
      Schema schema = new SchemaParser().parse(c.input());
      assertThat(CanonicalForm.of(schema)).isEqualTo(c.canonical());
      if (c.fingerprint() != null) {
        assertThat(Fingerprints.crc64(schema)).isEqualTo(c.fingerprint());
      }
      // Printing and parsing again keeps the canonical form.
      assertThat(CanonicalForm.of(new SchemaParser().parse(schema.toString()))).isEqualTo(c.canonical());
    }));
  }

  /** The file's format: "// NNN" starts a case; "<<KEY value" or a "<<KEY" block ended by a line "KEY". */
  static List<Case> parse(List<String> lines) {
    List<Case> cases = new ArrayList<>();
    String id = null;
    String input = null;
    String canonical = null;
    Long fingerprint = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.matches("// \\d+.*")) {
        if (input != null) {
          cases.add(new Case(id, input, canonical, fingerprint));
        }
        id = line.substring(3).trim();
        input = null;
        canonical = null;
        fingerprint = null;
      } else if (line.startsWith("<<")) {
        String rest = line.substring(2);
        int space = rest.indexOf(' ');
        String key = space < 0 ? rest.trim() : rest.substring(0, space);
        String value;
        if (space < 0) {
          StringBuilder sb = new StringBuilder();
          while (!lines.get(++i).equals(key)) {
            sb.append(lines.get(i)).append('\n');
          }
          value = sb.toString();
        } else {
          value = rest.substring(space + 1);
        }
        switch (key) {
          case "INPUT" -> input = value;
          case "canonical" -> canonical = value;
          case "fingerprint" -> fingerprint = Long.parseLong(value.trim());
          default -> throw new IllegalStateException("unknown key " + key);
        }
      }
    }
    if (input != null) {
      cases.add(new Case(id, input, canonical, fingerprint));
    }
    return cases;
  }
}
