package io.lancaster.bench.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What one timed run does with a table. */
public sealed interface Measurement {
  /** Runs once; returns a value every reader must agree on, or {@code null} when there is none. */
  Object run(Dataset<Row> table);

  /** What the run does, for reports. */
  String describe();

  /** The sum of one column: reads that column only. */
  record Sum(String column) implements Measurement {
    @Override
    public Object run(Dataset<Row> table) {
      return table.agg(sum(col(column))).first().get(0);
    }

    @Override
    public String describe() {
      return "sum(" + column + ")";
    }
  }

  /** Every column of every row, written to Spark's {@code noop} sink: a full decode with no output cost. */
  record FullScan() implements Measurement {
    @Override
    public Object run(Dataset<Row> table) {
      table.write().format("noop").mode("overwrite").save();
      return null;
    }

    @Override
    public String describe() {
      return "full scan";
    }
  }

  /** One (possibly nested) column of every row, to the {@code noop} sink. */
  record ScanColumn(String column) implements Measurement {
    @Override
    public Object run(Dataset<Row> table) {
      table.select(col(column)).write().format("noop").mode("overwrite").save();
      return null;
    }

    @Override
    public String describe() {
      return "select " + column;
    }
  }
}
