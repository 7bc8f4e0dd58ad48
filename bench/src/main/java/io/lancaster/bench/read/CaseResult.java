package io.lancaster.bench.read;

import java.util.List;

/** The timed runs of one reader on one case, and the value its runs returned (null if the case has none). */
public record CaseResult(BenchCase benchCase, BenchReader reader, long rows, List<Double> seconds, Object value) {
  public CaseResult {
    if (seconds.isEmpty()) {
      throw new IllegalArgumentException("a result needs at least one timed run");
    }
    seconds = List.copyOf(seconds);
  }

  public double best() {
    return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  public double median() {
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Rows per second of the best run. */
  public double rowsPerSecond() {
    return rows / best();
  }
}
