package io.lancaster.bench.report;

import io.lancaster.bench.text.Numbers;
import io.lancaster.bench.text.TextTable;
import io.lancaster.bench.write.BenchWriter;
import io.lancaster.bench.write.WriteComparison;
import io.lancaster.bench.write.WriteResult;

/** The write benchmark's results as a console table, one row per codec and writer; the speedup on Lancaster's. */
public final class WriteConsoleReport {
  private WriteConsoleReport() {}

  public static String render(WriteComparison comparison) {
    TextTable table = new TextTable("codec", "writer", "best s>", "median s>", "rows/s>", "output>",
        "Lancaster/spark-avro>");
    for (WriteResult r : comparison.results()) {
      table.add(r.codec().option(), r.writer().label(), Numbers.seconds(r.best()), Numbers.seconds(r.median()),
          Numbers.perSecond(r.rowsPerSecond()), Numbers.megabytes(r.outputBytes()),
          r.writer() == BenchWriter.LANCASTER
              ? WriteComparison.format(comparison.lancasterVersusSparkAvro(r.codec())) : "");
    }
    return table.render()
        + "Lancaster/spark-avro: spark-avro's best time over Lancaster's (above 1: Lancaster is faster).\n";
  }
}
