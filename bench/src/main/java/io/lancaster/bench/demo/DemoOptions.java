package io.lancaster.bench.demo;

import java.nio.file.Path;

/**
 * What the demo does: how many orders over how many days and files, where the data set goes, and which Spark
 * format reads it ({@code "avro"}: Lancaster, which registers that name).
 */
public record DemoOptions(long rows, Path dir, String format, int days, int filesPerDay, long seed) {
  public static final long DEFAULT_ROWS = 1_000_000;
  public static final String DEFAULT_FORMAT = "avro";

  public DemoOptions {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, got " + rows);
    }
  }

  /** The defaults of the README's quick start, in {@code dir}. */
  public static DemoOptions defaults(Path dir) {
    return new DemoOptions(DEFAULT_ROWS, dir, DEFAULT_FORMAT, 7, 2, 42);
  }

  public DemoOptions withRows(long n) {
    return new DemoOptions(n, dir, format, days, filesPerDay, seed);
  }

  public DemoOptions withFormat(String f) {
    return new DemoOptions(rows, dir, f, days, filesPerDay, seed);
  }

  public DemoOptions withLayout(int newDays, int newFilesPerDay) {
    return new DemoOptions(rows, dir, format, newDays, newFilesPerDay, seed);
  }
}
