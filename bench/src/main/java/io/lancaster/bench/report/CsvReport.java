package io.lancaster.bench.report;

import io.lancaster.bench.read.BenchReader;
import io.lancaster.bench.read.CaseResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The results as CSV, one line per case and reader, with the case's speedups repeated on each of its lines and
 * the times of all its timed runs.
 */
public final class CsvReport {
  static final String HEADER = "case,table,measurement,reader,rows,best_seconds,median_seconds,rows_per_second,"
      + "runs,lancaster_vs_spark_avro,lancaster_vs_parquet,run_seconds";

  private CsvReport() {}

  public static void write(Speedups speedups, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write(HEADER + "\n");
      for (CaseResult r : speedups.results()) {
        w.write(String.join(",",
            r.benchCase().id(),
            r.benchCase().table().id(),
            quote(r.benchCase().measurement().describe()),
            r.reader().label(),
            Long.toString(r.rows()),
            String.format(Locale.ROOT, "%.6f", r.best()),
            String.format(Locale.ROOT, "%.6f", r.median()),
            String.format(Locale.ROOT, "%.0f", r.rowsPerSecond()),
            Integer.toString(r.seconds().size()),
            Speedups.format(speedups.lancasterVersus(r.benchCase(), BenchReader.SPARK_AVRO)),
            Speedups.format(speedups.lancasterVersus(r.benchCase(), BenchReader.PARQUET)),
            runSeconds(r)) + "\n");
      }
    }
  }

  /** Every timed run in the order they ran, e.g. {@code 0.512 0.498 0.503}: shows how noisy the machine was. */
  private static String runSeconds(CaseResult r) {
    StringJoiner runs = new StringJoiner(" ");
    r.seconds().forEach(s -> runs.add(String.format(Locale.ROOT, "%.3f", s)));
    return runs.toString();
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
