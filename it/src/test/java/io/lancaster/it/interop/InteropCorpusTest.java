package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.it.interop.EvolutionPairs.Pair;
import io.lancaster.it.interop.InteropCorpus.Case;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the corpus itself, without any peer: the schemas parse, the features are what the case names promise,
 * generation is deterministic and honours exclusions, and Lancaster round-trips every case and resolves every
 * evolution pair to the values the pair spells out (so a peer test failing points at the peer or at the exchange).
 */
class InteropCorpusTest {
  static Stream<Case> cases() {
    return InteropCorpus.cases().stream();
  }

  @Test
  void featuresFollowFromTheSchemas() {
    assertThat(InteropCorpus.named("ambiguous_unions").features()).contains(Feature.AMBIGUOUS_UNIONS);
    assertThat(InteropCorpus.named("multi_branch_unions").features()).doesNotContain(Feature.AMBIGUOUS_UNIONS);
    assertThat(InteropCorpus.named("nullable_unions").features()).isEmpty();
    assertThat(InteropCorpus.named("recursive").features()).containsExactly(Feature.RECURSION);
    assertThat(InteropCorpus.named("logical_types").features()).containsExactly(Feature.LOGICAL_TYPES);
    assertThat(InteropCorpus.named("newer_logical_types").features()).containsExactly(Feature.NEWER_LOGICAL_TYPES);
    assertThat(InteropCorpus.named("null_namespace").features()).containsExactly(Feature.EMPTY_NAMESPACE);
    assertThat(InteropCorpus.named("namespaces").features()).isEmpty();
    assertThat(InteropCorpus.named("top_level_string").features()).containsExactly(Feature.TOP_LEVEL_NON_RECORD);
    assertThat(InteropCorpus.casesWithout(EnumSet.of(Feature.AMBIGUOUS_UNIONS)))
        .extracting(Case::name).doesNotContain("ambiguous_unions").contains("primitives");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void generationIsDeterministic(Case c) {
    c.assumeAvailable();
    JsonDatumWriter json = new JsonDatumWriter(c.schema());
    List<String> first = c.values(20, Set.of()).stream().map(json::toJson).toList();
    List<String> again = c.values(20, Set.of()).stream().map(json::toJson).toList();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void excludedValueFeaturesAreNeverGenerated() {
    Set<Feature> excluded = EnumSet.of(Feature.NAN_AND_INFINITY, Feature.NEGATIVE_ZERO, Feature.UNSAFE_LONGS,
        Feature.NUL_CHARACTERS, Feature.DECIMAL_BYTE_EDGES);
    List<Object> all = new ArrayList<>();
    List<Object> free = new ArrayList<>();
    for (Case c : InteropCorpus.cases()) {
      if (c.available()) {
        all.addAll(c.values(200, Set.of()));
        free.addAll(c.values(200, excluded));
      }
    }
    List<Object> leaves = new ArrayList<>();
    all.forEach(v -> leaves(v, leaves));
    assertThat(leaves).as("without exclusions the generator makes every kind of edge value")
        .anyMatch(v -> v instanceof Double d && d.isNaN())
        .anyMatch(v -> v instanceof Float f && Float.floatToIntBits(f) == Float.floatToIntBits(-0.0f))
        .anyMatch(v -> v instanceof Long l && Math.abs((double) l) > (1L << 53))
        .anyMatch(v -> v instanceof String s && s.indexOf('\u0000') >= 0);
    leaves.clear();
    free.forEach(v -> leaves(v, leaves));
    assertThat(leaves)
        .noneMatch(v -> v instanceof Double d && (d.isNaN() || d.isInfinite()))
        .noneMatch(v -> v instanceof Float f && (f.isNaN() || f.isInfinite()))
        .noneMatch(v -> v instanceof Double d && Double.doubleToLongBits(d) == Double.doubleToLongBits(-0.0))
        .noneMatch(v -> v instanceof Float f && Float.floatToIntBits(f) == Float.floatToIntBits(-0.0f))
        .noneMatch(v -> v instanceof Long l && (l > (1L << 53) - 1 || l < -(1L << 53) + 1))
        .noneMatch(v -> v instanceof String s && s.indexOf('\u0000') >= 0);
  }

  private static void leaves(Object v, List<Object> out) {
    if (v instanceof GenericRecord r) {
      for (int i = 0; i < r.size(); i++) {
        leaves(r.get(i), out);
      }
    } else if (v instanceof List<?> l) {
      l.forEach(x -> leaves(x, out));
    } else if (v instanceof Map<?, ?> m) {
      m.keySet().forEach(out::add);
      m.values().forEach(x -> leaves(x, out));
    } else {
      out.add(v);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lancasterRoundTripsEveryCase(Case c, @TempDir Path dir) throws IOException {
    c.assumeAvailable();
    List<Object> values = c.values(60, Set.of());
    Path file = dir.resolve(c.name() + ".avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(c.schema(), file)) {
      for (Object v : values) {
        w.append(v);
      }
    }
    List<Object> read = new ArrayList<>();
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      while (r.hasNext()) {
        read.add(r.next());
      }
    }
    assertThat(read).isEqualTo(values);
  }

  static Stream<Pair> pairs() {
    return EvolutionPairs.all().stream();
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void lancasterResolvesEveryPairToTheSpelledOutValues(Pair p, @TempDir Path dir) throws IOException {
    List<Object> written = p.writerValues(40, Set.of());
    Path file = dir.resolve(p.name() + ".avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(p.writer(), file)) {
      for (Object v : written) {
        w.append(v);
      }
    }
    List<Object> read = new ArrayList<>();
    try (DataFileReader<Object> r = DataFileReader.open(file,
        ReadOptions.defaults().withDatumReader(ws -> new ResolvingDatumReader(ws, p.reader())))) {
      while (r.hasNext()) {
        read.add(r.next());
      }
    }
    assertThat(read).isEqualTo(p.expected(written));
    assertThat(Files.size(file)).isPositive();
  }
}
