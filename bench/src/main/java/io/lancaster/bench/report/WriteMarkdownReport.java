package io.lancaster.bench.report;

import io.lancaster.bench.text.Numbers;
import io.lancaster.bench.write.BenchWriter;
import io.lancaster.bench.write.WriteCodec;
import io.lancaster.bench.write.WriteComparison;
import io.lancaster.bench.write.WriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The write benchmark's results as a Markdown table, one row per codec, for docs and issues. */
public final class WriteMarkdownReport {
  private static final BenchWriter[] WRITERS = BenchWriter.values();

  private WriteMarkdownReport() {}

  /**
   * @param environment one line saying where and how it ran (versions, cores, rows, runs)
   * @param schema the written rows' schema, e.g. as DDL
   */
  public static void write(WriteComparison comparison, String environment, String schema, Path file)
      throws IOException {
    StringBuilder md = new StringBuilder("# Spark write benchmark\n\n").append(environment).append("\n\n")
        .append("Rows: `").append(schema).append("`\n\n");
    md.append("| codec | rows |");
    for (BenchWriter w : WRITERS) {
      md.append(' ').append(w.label()).append(" (s) | ").append(w.label()).append(" rows/s |");
    }
    for (BenchWriter w : WRITERS) {
      md.append(' ').append(w.label()).append(" output |");
    }
    md.append(" Lancaster/spark-avro |\n|---|--:|").append("--:|--:|".repeat(WRITERS.length))
        .append("--:|".repeat(WRITERS.length)).append("--:|\n");
    for (WriteCodec codec : comparison.codecs()) {
      long rows = comparison.results().stream().filter(r -> r.codec() == codec).mapToLong(WriteResult::rows)
          .findFirst().orElse(0);
      md.append("| ").append(codec.option()).append(" | ").append(Numbers.count(rows)).append(" |");
      for (BenchWriter w : WRITERS) {
        Optional<WriteResult> r = comparison.result(codec, w);
        md.append(' ').append(r.map(x -> Numbers.seconds(x.best())).orElse("")).append(" | ")
            .append(r.map(x -> Numbers.perSecond(x.rowsPerSecond())).orElse("")).append(" |");
      }
      for (BenchWriter w : WRITERS) {
        md.append(' ').append(comparison.result(codec, w).map(x -> Numbers.megabytes(x.outputBytes())).orElse(""))
            .append(" |");
      }
      md.append(' ').append(WriteComparison.format(comparison.lancasterVersusSparkAvro(codec))).append(" |\n");
    }
    md.append("\nTimes are the best of the timed runs of `df.write.format(F).option(\"compression\", codec)")
        .append(".mode(\"overwrite\").save(dir)` on the same cached rows; output is the size of the Avro files.")
        .append(" Lancaster/spark-avro is spark-avro's best time over Lancaster's: above 1, Lancaster is faster.\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, md);
  }
}
