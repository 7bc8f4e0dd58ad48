package io.lancaster.bench.read;

import java.nio.file.Path;
import java.util.List;

/**
 * How the benchmark runs: the scale of the tables (1: the default sizes), warm-up and timed runs per case and
 * reader, Avro files per table, the readers and cases, where the data is cached and where reports go.
 */
public record BenchOptions(double scale, int warmups, int runs, int files, List<BenchReader> readers,
    List<BenchCase> cases, Path dataDir, Path outDir) {
  public BenchOptions {
    if (!(scale > 0) || warmups < 0 || runs < 1 || files < 1 || readers.isEmpty() || cases.isEmpty()) {
      throw new IllegalArgumentException("bad benchmark options: scale " + scale + ", warm-ups " + warmups
          + ", runs " + runs + ", files " + files + ", readers " + readers + ", cases " + cases);
    }
    readers = List.copyOf(readers);
    cases = List.copyOf(cases);
  }

  /** The rows of {@code table} at this scale, at least one per file. */
  public long rows(BenchTable table) {
    return Math.max(files, Math.round(table.defaultRows() * scale));
  }
}
