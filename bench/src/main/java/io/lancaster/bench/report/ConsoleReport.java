package io.lancaster.bench.report;

import io.lancaster.bench.read.BenchReader;
import io.lancaster.bench.read.CaseResult;
import io.lancaster.bench.text.Numbers;
import io.lancaster.bench.text.TextTable;

/** The results as a console table, one row per case and reader; the speedups on Lancaster's rows. */
public final class ConsoleReport {
  private ConsoleReport() {}

  public static String render(Speedups speedups) {
    TextTable table = new TextTable("case", "table and measurement", "reader", "best s>", "median s>", "rows/s>",
        "Lancaster/spark-avro>", "Lancaster/Parquet>");
    for (CaseResult r : speedups.results()) {
      boolean lancaster = r.reader() == BenchReader.LANCASTER;
      table.add(r.benchCase().id(), r.benchCase().title(), r.reader().label(), Numbers.seconds(r.best()),
          Numbers.seconds(r.median()), Numbers.perSecond(r.rowsPerSecond()),
          lancaster ? Speedups.format(speedups.lancasterVersus(r.benchCase(), BenchReader.SPARK_AVRO)) : "",
          lancaster ? Speedups.format(speedups.lancasterVersus(r.benchCase(), BenchReader.PARQUET)) : "");
    }
    return table.render() + "Lancaster/X: X's best time over Lancaster's (above 1: Lancaster is faster).\n";
  }
}
