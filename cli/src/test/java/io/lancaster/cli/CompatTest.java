package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.resolve.Incompatibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidator;
import org.apache.avro.SchemaValidatorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code lancaster compat}: verdicts for the evolution example's versions, checked against Apache Avro's
 * {@code SchemaCompatibility} (pairs) and {@code SchemaValidatorBuilder} (levels); the output format; exit codes.
 */
class CompatTest {
  @TempDir
  Path dir;

  private String v(int version) throws IOException {
    return Evolution.schemaFile(version, dir).toString();
  }

  @Test
  void aReaderThatReadsTheWritersDataIsCompatible() throws IOException {
    Cli.Result r = Cli.run("compat", "--reader", v(2), "--writer", v(1));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("compatible\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void eachIncompatibilityIsALineOfKindPathAndMessageAndTheExitCodeIs3() throws IOException {
    Cli.Result r = Cli.run("compat", "--reader", v(1), "--writer", v(3));
    assertThat(r.exitCode()).isEqualTo(Main.INCOMPATIBLE).isEqualTo(3);
    assertThat(r.err()).isEmpty();
    List<String[]> rows = r.outLines().stream().map(line -> line.split("\t", -1)).toList();
    assertThat(rows).allSatisfy(row -> {
      assertThat(row).hasSize(3);
      assertThat(Incompatibility.Kind.valueOf(row[0])).isNotNull();
      assertThat(row[2]).isNotBlank();
    });
    assertThat(rows).extracting(row -> row[0] + " " + row[1])
        .containsExactlyInAnyOrder("TYPE_MISMATCH id", "MISSING_DEFAULT name", "MISSING_DEFAULT email");
  }

  @Test
  void theTopLevelPathIsADot() throws IOException {
    Path i = Files.writeString(dir.resolve("int.avsc"), "\"int\"");
    Path s = Files.writeString(dir.resolve("string.avsc"), "\"string\"");
    Cli.Result r = Cli.run("compat", "--reader", i.toString(), "--writer", s.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.outLines()).singleElement().asString().startsWith("TYPE_MISMATCH\t.\t");
    assertThat(Cli.run("compat", "--writer", i.toString(), "--reader", s.toString()).exitCode()).isEqualTo(3);
    assertThat(Cli.run("compat", "--reader", s.toString(), "--writer", s.toString()).out()).isEqualTo("compatible\n");
  }

  @Test
  void everyPairOfVersionsGetsApacheAvrosVerdict() throws IOException {
    for (int reader = 1; reader <= 4; reader++) {
      for (int writer = 1; writer <= 4; writer++) {
        boolean apache = SchemaCompatibility.checkReaderWriterCompatibility(Evolution.schema(reader),
            Evolution.schema(writer)).getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        Cli.Result r = Cli.run("compat", "--reader", v(reader), "--writer", v(writer));
        assertThat(r.exitCode()).as("v%d reading v%d: %s", reader, writer, r.out()).isEqualTo(apache ? 0 : 3);
      }
    }
  }

  /** The registry form at every level, for v3 and v4 after their predecessors; the verdict is Apache's too. */
  @ParameterizedTest(name = "v{0} at {1}: compatible {2}")
  @CsvSource({
      "3, backward, true", "3, backward-transitive, true", "3, forward, false", "3, forward-transitive, false",
      "3, full, false", "3, full-transitive, false", "3, none, true",
      "4, backward, true", "4, backward-transitive, false", "4, forward, true", "4, forward-transitive, false",
      "4, full, true", "4, full-transitive, false", "4, NONE, true",
      "2, BACKWARD, true", "2, Full_Transitive, false"})
  void registryLevels(int version, String level, boolean compatible) throws Exception {
    List<String> args = new ArrayList<>(List.of("compat", "--level", level, v(version)));
    List<org.apache.avro.Schema> previous = new ArrayList<>();
    for (int earlier = 1; earlier < version; earlier++) {
      args.add(v(earlier));
      previous.add(Evolution.schema(earlier));
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(compatible ? 0 : 3);
    assertThat(r.out()).isEqualTo(compatible ? "compatible\n" : r.out());
    assertThat(apacheAccepts(level, Evolution.schema(version), previous)).as("Apache Avro").isEqualTo(compatible);
  }

  private static boolean apacheAccepts(String level, org.apache.avro.Schema newSchema,
      List<org.apache.avro.Schema> oldestFirst) {
    String l = level.toLowerCase().replace('_', '-');
    if (l.equals("none")) {
      return true;
    }
    SchemaValidatorBuilder b = new SchemaValidatorBuilder();
    b = l.startsWith("backward") ? b.canReadStrategy() : l.startsWith("forward") ? b.canBeReadStrategy()
        : b.mutualReadStrategy();
    SchemaValidator validator = l.endsWith("transitive") ? b.validateAll() : b.validateLatest();
    List<org.apache.avro.Schema> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    try {
      validator.validate(newSchema, newestFirst);
      return true;
    } catch (SchemaValidationException e) {
      return false;
    }
  }

  @Test
  void transitiveIncompatibilitiesSayWhichVersionTheyConcern() throws IOException {
    Cli.Result r = Cli.run("compat", "--level", "backward-transitive", v(4), v(1), v(2), v(3));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.outLines()).singleElement().asString()
        .startsWith("MISSING_DEFAULT\tcountry\tthe new schema reading data of version 1 of 3: ");
  }

  @Test
  void thePairFormTakesALevelTooWithTheReaderAsTheNewSchema() throws IOException {
    // v2 reads v1 data (backward), but v1 cannot read v2 data: v2 has no "name" and v1 has no default for it.
    assertThat(Cli.run("compat", "--level", "backward", "--reader", v(2), "--writer", v(1)).exitCode()).isZero();
    Cli.Result forward = Cli.run("compat", "--level", "forward", "--reader", v(2), "--writer", v(1));
    assertThat(forward.exitCode()).isEqualTo(3);
    assertThat(forward.outLines()).singleElement().asString()
        .startsWith("MISSING_DEFAULT\tname\tthe writer schema reading data of the reader schema: ");
    Cli.Result full = Cli.run("compat", "--level", "full", "--reader", v(2), "--writer", v(1));
    assertThat(full.out()).isEqualTo(forward.out());
    Cli.Result registry = Cli.run("compat", "--level", "full", v(2), v(1));
    assertThat(registry.exitCode()).isEqualTo(3);
    assertThat(registry.outLines()).singleElement().asString().startsWith("MISSING_DEFAULT\tname\t");
  }

  @Test
  void apacheCompatibleIgnoresRecordNames() throws IOException {
    Path person = Files.writeString(dir.resolve("person.avsc"),
        Files.readString(Evolution.schemaFile(2, dir)).replace("\"User\"", "\"Person\""));
    Cli.Result spec = Cli.run("compat", "--reader", person.toString(), "--writer", v(1));
    assertThat(spec.exitCode()).isEqualTo(3);
    assertThat(spec.out()).startsWith("NAME_MISMATCH\t.\t");
    Cli.Result lenient = Cli.run("compat", "--apache-compatible", "--reader", person.toString(), "--writer", v(1));
    assertThat(lenient.out()).isEqualTo("compatible\n");
    assertThat(lenient.exitCode()).isZero();
  }

  @Test
  void aSchemaFileThatCannotBeReadExits1() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.avsc"), "{\"type\": \"recrod\"}");
    Cli.Result r = Cli.run("compat", v(2), v(1), bad.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("lancaster: " + bad + ": ");
    Path missing = dir.resolve("missing.avsc");
    assertThat(Cli.run("compat", "--reader", missing.toString(), "--writer", v(1)).err())
        .isEqualTo("lancaster: " + missing + ": no such file\n");
  }

  @Test
  void usageErrors() throws IOException {
    assertUsage("the pair form needs both --reader and --writer", "compat", "--reader", v(1));
    assertUsage("give either --reader and --writer, or NEW_SCHEMA PREVIOUS_SCHEMA..., not both", "compat",
        "--reader", v(1), "--writer", v(2), v(3));
    assertUsage("missing PREVIOUS_SCHEMA", "compat", "--level", "full", v(3));
    assertUsage("missing NEW_SCHEMA", "compat");
    assertUsage("unknown level sideways", "compat", "--level", "sideways", v(2), v(1));
    assertUsage("only one schema can come from standard input", "compat", "-", "-");
  }

  private static void assertUsage(String message, String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.exitCode()).as(Arrays.toString(args) + ": " + r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("lancaster compat: " + message);
  }
}
