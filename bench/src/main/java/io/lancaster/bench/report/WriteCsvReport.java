package io.lancaster.bench.report;

import io.lancaster.bench.write.WriteComparison;
import io.lancaster.bench.write.WriteResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The write benchmark's results as CSV, one line per codec and writer, with the codec's speedup repeated on each
 * of its lines and the times of all its timed runs.
 */
public final class WriteCsvReport {
  static final String HEADER = "codec,writer,rows,best_seconds,median_seconds,rows_per_second,output_bytes,runs,"
      + "lancaster_vs_spark_avro,run_seconds";

  private WriteCsvReport() {}

  public static void write(WriteComparison comparison, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write(HEADER + "\n");
      for (WriteResult r : comparison.results()) {
        w.write(String.join(",",
            r.codec().option(),
            r.writer().label(),
            Long.toString(r.rows()),
            String.format(Locale.ROOT, "%.6f", r.best()),
            String.format(Locale.ROOT, "%.6f", r.median()),
            String.format(Locale.ROOT, "%.0f", r.rowsPerSecond()),
            Long.toString(r.outputBytes()),
            Integer.toString(r.seconds().size()),
            WriteComparison.format(comparison.lancasterVersusSparkAvro(r.codec())),
            runSeconds(r)) + "\n");
      }
    }
  }

  /** Every timed run in the order they ran, e.g. {@code 4.512 4.498 4.503}: shows how noisy the machine was. */
  private static String runSeconds(WriteResult r) {
    StringJoiner runs = new StringJoiner(" ");
    r.seconds().forEach(s -> runs.add(String.format(Locale.ROOT, "%.3f", s)));
    return runs.toString();
  }
}
