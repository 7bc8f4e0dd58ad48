package io.lancaster.bench.report;

import io.lancaster.bench.read.BenchCase;
import io.lancaster.bench.read.BenchReader;
import io.lancaster.bench.read.CaseResult;
import io.lancaster.bench.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/** The results as a Markdown table, one row per case with every reader's best time, for docs and issues. */
public final class MarkdownReport {
  private MarkdownReport() {}

  /**
   * @param environment one line saying where and how it ran (versions, cores, runs)
   */
  public static void write(Speedups speedups, List<BenchReader> readers, String environment, Path file)
      throws IOException {
    StringBuilder md = new StringBuilder("# Spark read benchmark\n\n").append(environment).append("\n\n");
    md.append("| case | table: measurement | rows |");
    readers.forEach(r -> md.append(' ').append(r.label()).append(" (s) |"));
    md.append(" Lancaster/spark-avro | Lancaster/Parquet |\n|---|---|--:|");
    readers.forEach(r -> md.append("--:|"));
    md.append("--:|--:|\n");
    for (BenchCase c : speedups.cases()) {
      long rows = speedups.results().stream().filter(r -> r.benchCase().equals(c)).mapToLong(CaseResult::rows)
          .findFirst().orElse(0);
      md.append("| ").append(c.id()).append(" | ").append(c.title()).append(" | ").append(Numbers.count(rows))
          .append(" |");
      for (BenchReader r : readers) {
        OptionalDouble best = speedups.best(c, r);
        md.append(' ').append(best.isPresent() ? Numbers.seconds(best.getAsDouble()) : "").append(" |");
      }
      md.append(' ').append(Speedups.format(speedups.lancasterVersus(c, BenchReader.SPARK_AVRO))).append(" | ")
          .append(Speedups.format(speedups.lancasterVersus(c, BenchReader.PARQUET))).append(" |\n");
    }
    md.append("\nTimes are the best of the timed runs. Lancaster/X is X's best time over Lancaster's: above 1,")
        .append(" Lancaster is faster.\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, md);
  }
}
