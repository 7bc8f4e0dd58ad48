package io.lancaster.avro.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.CanonicalForm;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.SchemaPairs;
import io.lancaster.avro.testing.SchemaPairs.ApacheDifference;
import io.lancaster.avro.testing.SchemaPairs.Outcome;
import io.lancaster.avro.testing.SchemaPairs.Pair;
import io.lancaster.avro.testing.SchemaPairs.Rule;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the pair generator that {@link ResolutionOracleTest} relies on: the seeds it runs cover every rule of the
 * spec's "Schema Resolution" section, often enough to matter; the hand-written cases cover every outcome and every
 * documented difference from Apache Avro; every reader schema is valid for Apache Avro's strict parser too (so its
 * defaults are right); and a seed always gives the same pair.
 */
class SchemaPairsCoverageTest {
  private static final int SEEDS = 600; // as many as ResolutionOracleTest runs

  @Test
  void theOracleSeedsCoverEveryRule() {
    Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
    Set<ApacheDifference> possible = EnumSet.noneOf(ApacheDifference.class);
    Map<String, Integer> expectations = new java.util.TreeMap<>();
    SchemaPairs pairs = new SchemaPairs();
    for (int seed = 0; seed < SEEDS; seed++) {
      Pair pair = pairs.next(new Random(seed));
      pair.rules().forEach(r -> counts.merge(r, 1, Integer::sum));
      possible.addAll(pair.possibleDifferences());
      expectations.merge(String.valueOf(pair.expected()), 1, Integer::sum);
    }
    for (Rule rule : Rule.values()) {
      assertThat(counts.getOrDefault(rule, 0)).as("pairs exercising %s in %s", rule, counts).isGreaterThanOrEqualTo(4);
    }
    assertThat(possible).containsExactlyInAnyOrder(ApacheDifference.values());
    // Most pairs must resolve (so values get compared), but plenty must not.
    assertThat(expectations.get("RESOLVES")).as("%s", expectations).isBetween(SEEDS / 2, SEEDS * 9 / 10);
  }

  @Test
  void trickyCasesCoverEveryOutcomeAndEveryDocumentedDifference() {
    List<Pair> tricky = SchemaPairs.tricky();
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    Set<ApacheDifference> differences = EnumSet.noneOf(ApacheDifference.class);
    for (Pair p : tricky) {
      outcomes.add(p.expected());
      differences.addAll(p.expectedDifferences());
      assertThat(p.possibleDifferences()).as("%s", p).containsAll(p.expectedDifferences());
    }
    assertThat(outcomes).containsExactlyInAnyOrder(Outcome.values());
    assertThat(differences).containsExactlyInAnyOrder(ApacheDifference.values());
  }

  @Test
  void readersAreValidForApacheAvrosStrictParser() {
    SchemaPairs pairs = new SchemaPairs();
    for (int seed = 0; seed < SEEDS; seed += 3) {
      Pair pair = pairs.next(new Random(seed));
      org.apache.avro.Schema strict = AvroJava.toAvroStrict(pair.reader());
      assertThat(AvroJava.fromAvro(strict)).as("seed %s", seed).isEqualTo(pair.reader());
    }
  }

  @Test
  void aSeedAlwaysGivesTheSamePair() {
    for (int seed = 0; seed < 50; seed++) {
      Pair a = new SchemaPairs().next(new Random(seed));
      Pair b = new SchemaPairs().next(new Random(seed));
      assertThat(a.writer().toString()).isEqualTo(b.writer().toString());
      assertThat(a.reader().toString()).isEqualTo(b.reader().toString());
      assertThat(a.rules()).isEqualTo(b.rules());
    }
  }

  @Test
  void evolvedReadersDifferFromTheirWritersForReading() {
    SchemaPairs pairs = new SchemaPairs();
    int changed = 0;
    int evolved = 0;
    for (int seed = 0; seed < 300; seed++) {
      Pair pair = pairs.next(new Random(seed));
      if (!pair.rules().contains(Rule.IDENTICAL)) {
        evolved++;
        if (!CanonicalForm.of(pair.writer()).equals(CanonicalForm.of(pair.reader()))) {
          changed++;
        }
      }
    }
    assertThat(changed).as("evolved readers whose canonical form differs from the writer's, of %s", evolved)
        .isGreaterThan(evolved * 9 / 10);
  }
}
