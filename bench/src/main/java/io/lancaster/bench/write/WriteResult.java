package io.lancaster.bench.write;

import java.util.List;

/** The timed runs of one writer with one codec, and the size of the Avro files it wrote. */
public record WriteResult(WriteCodec codec, BenchWriter writer, long rows, List<Double> seconds,
    long outputBytes) {
  public WriteResult {
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
