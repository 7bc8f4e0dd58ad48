package io.lancaster.avro.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.SchemaPairs;
import io.lancaster.avro.testing.SchemaPairs.ApacheDifference;
import io.lancaster.avro.testing.SchemaPairs.Outcome;
import io.lancaster.avro.testing.SchemaPairs.Pair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema resolution checked against Apache Avro Java 1.12, the reference implementation: for random (writer, reader)
 * pairs from {@link SchemaPairs} and random data of the writer, {@link ResolvingDatumReader} must read what Apache's
 * {@code GenericDatumReader(writer, reader)} reads, and refuse what it refuses (at plan time, where Apache's own plan
 * has an error at that field path, or at read time with an {@link IncompatibleDataException}).
 *
 * <p>Where Lancaster follows the spec and Apache Avro does not, the disagreement must be one of the documented
 * {@link ApacheDifference}s, and it is classified by counterfactual: the smallest set of differences whose Apache-like
 * variant of Lancaster (an option of {@link ResolutionOptions}, or the decimals taken out of both schemas) makes the
 * two agree. The classification must be one the pair's evolution rules can cause (exactly the expected one for the
 * hand-written cases); any other disagreement fails the test.
 */
class ResolutionOracleTest {
  private static final SchemaPairs PAIRS = new SchemaPairs();
  private static final RandomData DATA = new RandomData(6, 8);
  /** Each kind of disagreement seen, with its first example: reported after the run. */
  private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

  static IntStream seeds() {
    return IntStream.range(0, Integer.getInteger("pairs.seeds", 600));
  }

  static Stream<Named<Pair>> trickyPairs() {
    return SchemaPairs.tricky().stream().map(p -> Named.of(p.name(), p));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomPairsResolveLikeApacheAvro(int seed) throws IOException {
    Random random = new Random(seed);
    Pair pair = PAIRS.next(random);
    List<byte[]> data = data(pair.writer(), random, 5);

    Apache apache = Apache.run(pair, data);
    Set<ApacheDifference> kinds = classify(pair, data, apache);
    assertThat(pair.possibleDifferences()).as("differences %s are possible for %s", kinds, pair).containsAll(kinds);
    if (pair.expected() == Outcome.RESOLVES) {
      assertThat(outcome(pair, data)).as("by the spec every value resolves: %s", pair).isEqualTo(Outcome.RESOLVES);
    }
    if (!pair.rules().contains(SchemaPairs.Rule.DECIMAL_CHANGED)) { // the promise of the Apache-compatible options
      assertThat(disagreement(lancaster(pair.writer(), pair.reader(), ResolutionOptions.apacheCompatible(), data),
          apache.results(), apache.plan())).as("with ResolutionOptions.apacheCompatible(): %s", pair).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trickyPairs")
  void trickyPairsFollowTheSpecAndDifferFromApacheAvroOnlyAsDocumented(Pair pair) throws IOException {
    List<byte[]> data = data(pair.writer(), new Random(pair.name().hashCode()), 40);

    assertThat(outcome(pair, data)).as("%s", pair).isEqualTo(pair.expected());
    assertThat(classify(pair, data, Apache.run(pair, data))).as("differences from Apache Avro for %s", pair)
        .isEqualTo(pair.expectedDifferences());
  }

  @AfterAll
  static void reportDisagreements() {
    new TreeMap<>(SEEN).forEach((kind, example) -> System.out.println("[resolution oracle] " + kind + ": " + example));
  }

  // ---- the two readers

  /** What one library made of one datum: a value, or a refusal. */
  private record Result(Object value, Exception refusal) {
    String describe() {
      return refusal != null ? "refuses (" + refusal.getMessage() + ")" : "reads " + value;
    }
  }

  /** Lancaster's reading of the data: a plan-time refusal, or one result per datum. */
  private record LancasterRun(SchemaResolutionException planError, List<Result> results) {}

  private static LancasterRun lancaster(Schema writer, Schema reader, ResolutionOptions options, List<byte[]> data)
      throws IOException {
    ResolvingDatumReader resolving;
    try {
      resolving = new ResolvingDatumReader(writer, reader, options);
    } catch (SchemaResolutionException e) {
      return new LancasterRun(e, List.of());
    }
    List<Result> results = new ArrayList<>();
    for (byte[] datum : data) {
      ByteArrayDecoder in = new ByteArrayDecoder(datum);
      try {
        Object value = resolving.read(in);
        assertThat(in.remaining()).as("bytes left unread after a datum").isZero();
        results.add(new Result(value, null));
      } catch (IncompatibleDataException e) {
        results.add(new Result(null, e));
      }
      ByteArrayDecoder skipping = new ByteArrayDecoder(datum);
      resolving.skip(skipping);
      assertThat(skipping.remaining()).as("bytes left unskipped after a datum").isZero();
    }
    return new LancasterRun(null, results);
  }

  private static List<Result> apache(org.apache.avro.Schema writer, org.apache.avro.Schema reader,
      List<byte[]> data) throws IOException {
    org.apache.avro.generic.GenericDatumReader<Object> resolving =
        new org.apache.avro.generic.GenericDatumReader<>(writer, reader);
    List<Result> results = new ArrayList<>();
    for (byte[] datum : data) {
      BinaryDecoder in = DecoderFactory.get().binaryDecoder(datum, null);
      try {
        results.add(new Result(resolving.read(null, in), null));
      } catch (org.apache.avro.AvroTypeException | org.apache.avro.SchemaParseException e) {
        results.add(new Result(null, e));
      } catch (org.apache.avro.AvroRuntimeException e) {
        if (!isKnownApacheBug(e)) {
          throw e;
        }
        SEEN.putIfAbsent("Apache Avro bug (datum not compared)", e.toString());
        results.add(null);
      }
    }
    return results;
  }

  /**
   * Apache Avro 1.12's fast reader fails on an empty array default of a reader field whose type is a union (first
   * branch an array): {@code FastReaderBuilder.getDefaultingStep} calls {@code GenericData.newArray} with the union.
   */
  private static boolean isKnownApacheBug(org.apache.avro.AvroRuntimeException e) {
    return e.getMessage() != null && e.getMessage().startsWith("Not an array: [") && stackHas(e, "getDefaultingStep");
  }

  private static boolean stackHas(Throwable e, String method) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getMethodName().contains(method)) {
        return true;
      }
    }
    return false;
  }

  /** What Apache Avro makes of a pair: its plan's errors and its reading of each datum. */
  private record Apache(ApachePlan plan, List<Result> results) {
    static Apache run(Pair pair, List<byte[]> data) throws IOException {
      org.apache.avro.Schema writer = AvroJava.toAvro(pair.writer());
      org.apache.avro.Schema reader = AvroJava.toAvro(pair.reader());
      return new Apache(apachePlan(writer, reader), apache(writer, reader, data));
    }
  }

  /** Where Apache Avro's resolution plan has errors; {@code failed} when building the plan threw. */
  private record ApachePlan(List<ErrorSite> errors, boolean failed) {}

  /** An error action of Apache's plan: deferred when inside a writer union's branch (raised if that occurs). */
  private record ErrorSite(String path, boolean deferred, String error) {
    boolean covers(String lancasterPath) {
      return path.isEmpty() || lancasterPath.equals(path) || lancasterPath.startsWith(path + ".")
          || lancasterPath.startsWith(path + "[") || lancasterPath.startsWith(path + "{");
    }
  }

  private static ApachePlan apachePlan(org.apache.avro.Schema writer, org.apache.avro.Schema reader) {
    org.apache.avro.Resolver.Action plan;
    try {
      plan = org.apache.avro.Resolver.resolve(writer, reader);
    } catch (org.apache.avro.AvroRuntimeException e) {
      return new ApachePlan(List.of(), true);
    }
    List<ErrorSite> errors = new ArrayList<>();
    walk(plan, "", false, errors, new IdentityHashMap<>());
    return new ApachePlan(errors, false);
  }

  /** Collects the error actions of Apache's plan with Lancaster's field path notation (a.b, a[], a{}). */
  private static void walk(org.apache.avro.Resolver.Action a, String path, boolean deferred, List<ErrorSite> out,
      Map<Object, Boolean> onPath) {
    if (a instanceof org.apache.avro.Resolver.ErrorAction e) {
      out.add(new ErrorSite(path, deferred, e.error + ": " + e));
    } else if (a instanceof org.apache.avro.Resolver.Container c) {
      String suffix = c.writer.getType() == org.apache.avro.Schema.Type.ARRAY ? "[]" : "{}";
      walk(c.elementAction, path + suffix, deferred, out, onPath);
    } else if (a instanceof org.apache.avro.Resolver.RecordAdjust r) {
      if (onPath.put(r, Boolean.TRUE) != null) {
        return; // recursion
      }
      for (int i = 0; i < r.fieldActions.length; i++) {
        String name = r.writer.getFields().get(i).name(); // the writer after Apache applied the reader's aliases
        walk(r.fieldActions[i], path.isEmpty() ? name : path + "." + name, deferred, out, onPath);
      }
      onPath.remove(r);
    } else if (a instanceof org.apache.avro.Resolver.WriterUnion u) {
      if (!u.unionEquiv) { // an equivalent union is read with the reader's schema, its branch actions unused
        for (org.apache.avro.Resolver.Action branch : u.actions) {
          walk(branch, path, true, out, onPath);
        }
      }
    } else if (a instanceof org.apache.avro.Resolver.ReaderUnion u) {
      walk(u.actualAction, path, deferred, out, onPath);
    }
  }

  // ---- agreement and classification

  /** Why the two readers disagree, or null when they agree. */
  private static String disagreement(LancasterRun ours, List<Result> theirs, ApachePlan plan) {
    if (ours.planError() != null) {
      if (plan.failed()) {
        return null;
      }
      String path = ours.planError().path();
      for (ErrorSite site : plan.errors()) {
        if (site.covers(path)) {
          return null;
        }
      }
      return "Lancaster refuses the pair (" + ours.planError().getMessage() + ") where Apache Avro's plan has no error"
          + (plan.errors().isEmpty() ? "" : " (its errors: " + plan.errors() + ")");
    }
    for (ErrorSite site : plan.errors()) {
      if (!site.deferred()) {
        return "Lancaster resolves the pair where Apache Avro's plan has an error at '" + site.path() + "': "
            + site.error();
      }
    }
    for (int i = 0; i < theirs.size(); i++) {
      Result a = theirs.get(i);
      Result l = ours.results().get(i);
      if (a == null) {
        continue; // Apache Avro failed on a known bug of its own: no oracle for this datum
      }
      if (a.refusal() == null && l.refusal() == null) {
        String diff = AvroJava.difference(a.value(), l.value());
        if (diff != null) {
          return "datum " + i + " is read differently: " + diff;
        }
      } else if (a.refusal() == null || l.refusal() == null) {
        return "datum " + i + ": Apache Avro " + a.describe() + ", Lancaster " + l.describe();
      }
    }
    return null;
  }

  /**
   * The documented differences that explain how Lancaster (by the spec) and Apache Avro disagree on the pair: empty
   * when they agree; fails the test when no combination of documented differences explains it.
   */
  private static Set<ApacheDifference> classify(Pair pair, List<byte[]> data, Apache apache) {
    try {
      return classifyOrThrow(pair, data, apache);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("unexpected " + e + " for " + pair, e);
    }
  }

  private static Set<ApacheDifference> classifyOrThrow(Pair pair, List<byte[]> data, Apache apache)
      throws IOException {
    List<Result> theirs = apache.results();
    ApachePlan plan = apache.plan();
    String why = disagreement(lancaster(pair.writer(), pair.reader(), ResolutionOptions.DEFAULT, data), theirs, plan);
    if (why == null) {
      return EnumSet.noneOf(ApacheDifference.class);
    }
    StringBuilder tried = new StringBuilder();
    for (Set<ApacheDifference> kinds : candidateExplanations()) {
      ResolutionOptions options = ResolutionOptions.DEFAULT
          .withIgnoreRecordNames(kinds.contains(ApacheDifference.RECORD_NAMES))
          .withPreferExactUnionBranch(kinds.contains(ApacheDifference.UNION_EXACT_BRANCH_FIRST));
      boolean decimals = kinds.contains(ApacheDifference.DECIMAL_SCALE_PRECISION);
      Schema writer = decimals ? withoutDecimals(pair.writer()) : pair.writer();
      Schema reader = decimals ? withoutDecimals(pair.reader()) : pair.reader();
      String still = disagreement(lancaster(writer, reader, options, data), theirs, plan);
      if (still != null) {
        tried.append("\n  as if ").append(kinds).append(": ").append(still);
        continue;
      }
      SEEN.putIfAbsent(kinds.toString(), pair.name() + ": " + why + "\n  writer: " + pair.writer() + "\n  reader: "
          + pair.reader());
      return kinds;
    }
    return fail("Lancaster and Apache Avro disagree, not as documented: %s%n%s%s", why, pair, tried);
  }

  /** Every non-empty set of differences, smallest first. */
  private static List<Set<ApacheDifference>> candidateExplanations() {
    ApacheDifference[] all = ApacheDifference.values();
    List<Set<ApacheDifference>> out = new ArrayList<>();
    for (int size = 1; size <= all.length; size++) {
      for (int mask = 1; mask < 1 << all.length; mask++) {
        if (Integer.bitCount(mask) == size) {
          Set<ApacheDifference> set = EnumSet.noneOf(ApacheDifference.class);
          for (int i = 0; i < all.length; i++) {
            if ((mask & 1 << i) != 0) {
              set.add(all[i]);
            }
          }
          out.add(set);
        }
      }
    }
    return out;
  }

  /** The schema with every decimal annotation removed (Apache Avro's resolution does not look at them). */
  private static Schema withoutDecimals(Schema schema) {
    return SchemaParser.lenient().parse(Json.toJson(stripDecimals(Json.parse(schema.toString()))));
  }

  private static Object stripDecimals(Object json) {
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean decimal = "decimal".equals(map.get("logicalType"));
      map.forEach((k, v) -> {
        if (!(decimal && (k.equals("logicalType") || k.equals("precision") || k.equals("scale")))) {
          out.put((String) k, stripDecimals(v));
        }
      });
      return out;
    }
    if (json instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(stripDecimals(v)));
      return out;
    }
    return json;
  }

  // ---- helpers

  /** Lancaster's outcome by the spec's rules (no options). */
  private static Outcome outcome(Pair pair, List<byte[]> data) throws IOException {
    LancasterRun run = lancaster(pair.writer(), pair.reader(), ResolutionOptions.DEFAULT, data);
    if (run.planError() != null) {
      return Outcome.FAILS_AT_PLAN;
    }
    return run.results().stream().anyMatch(r -> r.refusal() != null) ? Outcome.FAILS_ON_SOME_DATA : Outcome.RESOLVES;
  }

  private static List<byte[]> data(Schema writer, Random random, int count) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(AvroJava.write(writer, DATA.next(writer, random)));
    }
    return out;
  }
}
