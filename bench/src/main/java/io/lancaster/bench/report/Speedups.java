package io.lancaster.bench.report;

import io.lancaster.bench.read.BenchCase;
import io.lancaster.bench.read.BenchReader;
import io.lancaster.bench.read.CaseResult;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How much faster Lancaster is than another reader on a case: the other reader's best time divided by
 * Lancaster's, so 2.0 means Lancaster reads twice the rows per second and 0.5 half.
 */
public final class Speedups {
  private final List<CaseResult> results;

  public Speedups(List<CaseResult> results) {
    this.results = List.copyOf(results);
  }

  /** Lancaster's speed relative to {@code other} on {@code c}; empty if either did not run. */
  public OptionalDouble lancasterVersus(BenchCase c, BenchReader other) {
    OptionalDouble lancaster = best(c, BenchReader.LANCASTER);
    OptionalDouble them = best(c, other);
    if (lancaster.isEmpty() || them.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(them.getAsDouble() / lancaster.getAsDouble());
  }

  public OptionalDouble best(BenchCase c, BenchReader reader) {
    return results.stream()
        .filter(r -> r.benchCase().equals(c) && r.reader() == reader)
        .mapToDouble(CaseResult::best)
        .findFirst();
  }

  /** The cases, in the order they ran. */
  public List<BenchCase> cases() {
    return results.stream().map(CaseResult::benchCase).distinct().toList();
  }

  public List<CaseResult> results() {
    return results;
  }

  /** A ratio for a report, or {@code ""}. */
  public static String format(OptionalDouble ratio) {
    return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "";
  }
}
