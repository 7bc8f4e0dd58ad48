package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lancaster fingerprint} on every schema of the Avro project's {@code schema-tests.txt}: the canonical form
 * and CRC-64-AVRO given there, and MD5 and SHA-256 as Apache Avro computes them.
 */
class FingerprintTest {
  @TempDir
  Path dir;

  record Case(String id, String input, String canonical, Long fingerprint) {}

  @TestFactory
  Stream<DynamicTest> everyCaseOfSchemaTestsTxt() throws IOException {
    List<Case> cases = parse(Files.readAllLines(TestData.apacheAvro().resolve("data/schema-tests.txt")));
    assertThat(cases).hasSizeGreaterThan(30);
    return cases.stream().map(c -> DynamicTest.dynamicTest("case " + c.id(), () -> {
      Path file = Files.writeString(dir.resolve("case" + c.id().replaceAll("\\W", "_") + ".avsc"), c.input());
      Cli.Result canonical = Cli.run("fingerprint", "--canonical", file.toString());
      assertThat(canonical.exitCode()).as(canonical.err()).isZero();
      assertThat(canonical.out()).isEqualTo(c.canonical() + "\n");
      if (c.fingerprint() != null) {
        assertThat(Cli.run("fingerprint", file.toString()).out()).isEqualTo(littleEndianHex(c.fingerprint()) + "\n");
        assertThat(Cli.run("fingerprint", "--algorithm", "crc64", file.toString()).out())
            .isEqualTo(littleEndianHex(c.fingerprint()) + "\n");
      }
      org.apache.avro.Schema apache = new org.apache.avro.Schema.Parser().parse(c.input());
      assertThat(Cli.run("fingerprint", "--algorithm=md5", file.toString()).out())
          .isEqualTo(apacheHex("MD5", apache) + "\n");
      assertThat(Cli.run("fingerprint", "--algorithm", "sha256", file.toString()).out())
          .isEqualTo(apacheHex("SHA-256", apache) + "\n");
    }));
  }

  /** CRC-64 is printed as the 8 bytes single-object encoding writes: the long, little-endian. */
  private static String littleEndianHex(long fingerprint) {
    return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array());
  }

  private static String apacheHex(String algorithm, org.apache.avro.Schema schema) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(SchemaNormalization.parsingFingerprint(algorithm, schema));
  }

  @Test
  void crc64MatchesTheSingleObjectHeaderApacheAvroWrites() throws IOException {
    String schema = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}";
    org.apache.avro.Schema apache = new org.apache.avro.Schema.Parser().parse(schema);
    org.apache.avro.generic.GenericData.Record rec = new org.apache.avro.generic.GenericData.Record(apache);
    rec.put("x", 1L);
    byte[] message = new org.apache.avro.message.BinaryMessageEncoder<org.apache.avro.generic.GenericRecord>(
        org.apache.avro.generic.GenericData.get(), apache).encode(rec).array();
    Path file = Files.writeString(dir.resolve("p.avsc"), schema);
    assertThat(Cli.run("fingerprint", file.toString()).out())
        .isEqualTo(HexFormat.of().formatHex(message, 2, 10) + "\n");
  }

  @Test
  void readsTheSchemaFromStandardInput() {
    Cli.Result r = Cli.runWithStdin("{\"type\": \"fixed\", \"name\": \"a.F\", \"size\": 4, \"doc\": \"x\"}"
        .getBytes(StandardCharsets.UTF_8), "fingerprint", "--canonical", "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("{\"name\":\"a.F\",\"type\":\"fixed\",\"size\":4}\n");
  }

  @Test
  void anInvalidSchemaIsAFileErrorOnOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.avsc"), "{\"type\": \"record\", \"name\": \"R\"}");
    Cli.Result r = Cli.run("fingerprint", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("lancaster: " + file + ": ");
  }

  @Test
  void anUnknownAlgorithmOrAlgorithmWithCanonicalIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("s.avsc"), "\"int\"");
    Cli.Result unknown = Cli.run("fingerprint", "--algorithm", "sha1", file.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("lancaster fingerprint: unknown algorithm sha1 (crc64, md5 or sha256)\n")
        .contains("usage: lancaster fingerprint [--canonical] [--algorithm crc64|md5|sha256] SCHEMA_FILE");
    assertThat(Cli.run("fingerprint", "--canonical", "--algorithm", "md5", file.toString()).exitCode()).isEqualTo(2);
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
