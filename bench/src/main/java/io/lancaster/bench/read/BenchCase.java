package io.lancaster.bench.read;

import java.util.List;

/** One benchmark case: a measurement on a table. */
public record BenchCase(String id, BenchTable table, Measurement measurement) {
  /** The cases of the read benchmark, (a) to (e). */
  public static List<BenchCase> all() {
    return List.of(
        new BenchCase("a", BenchTable.ONE_INT, new Measurement.Sum("i")),
        new BenchCase("b", BenchTable.ONE_INT, new Measurement.FullScan()),
        new BenchCase("c1", BenchTable.INT_AND_STRING, new Measurement.FullScan()),
        new BenchCase("c2", BenchTable.INT_AND_STRING, new Measurement.Sum("i")),
        new BenchCase("d", BenchTable.WIDE, new Measurement.Sum(TableSchemas.wideColumn(49))),
        new BenchCase("e1", BenchTable.NESTED, new Measurement.FullScan()),
        new BenchCase("e2", BenchTable.NESTED, new Measurement.ScanColumn("info.a")));
  }

  /** For reports, e.g. {@code "one-int: sum(i)"}. */
  public String title() {
    return table.id() + ": " + measurement.describe();
  }
}
