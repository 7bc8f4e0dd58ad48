package io.lancaster.spark.write;

import io.lancaster.spark.testing.LocalSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A DataFrame with a column of every Spark type Avro holds (nulls in the nullable ones, nested structs, arrays,
 * maps, decimals of several precisions, negative values, dates and timestamps on both sides of 1970, non-ASCII
 * text), computed from {@code spark.range}, so every write of it gives the same rows.
 */
final class EveryTypeFrame {
  private EveryTypeFrame() {}

  static Dataset<Row> of(int rows, int partitions) {
    return LocalSpark.session().range(0, rows, 1, partitions).selectExpr(
        "id",
        "cast(id % 100 - 50 as byte) as b",
        "cast(id % 1000 - 500 as short) as s",
        "cast(id * 7 - 3000 as int) as i",
        "if(id % 5 = 0, null, id * 1000003 - 4000000) as l",
        "cast(id as float) / 3 - 10 as f",
        "if(id % 4 = 0, null, cast(id as double) / 7 - 3) as d",
        "if(id % 11 = 0, null, id % 2 = 0) as bool",
        "if(id % 3 = 0, null, concat('s', id, '-é✓\uD83D\uDE00')) as str",
        "if(id % 6 = 0, null, cast(concat('b', id) as binary)) as bin",
        "cast((id - 400) * 1.5 as decimal(5,1)) as dec5",
        "if(id % 7 = 0, null, cast((id - 300) * 12345.678 as decimal(18,3))) as dec18",
        "cast((id - 200) * 98765432109876.5432 as decimal(38,10)) as dec38",
        "cast((id - 100) * -3.25 as decimal(20,2)) as dec20",
        "date_add(date'1969-12-01', cast(id as int) * 3) as dt",
        "if(id % 8 = 0, null, timestamp_micros(-5000000000 + id * 12345678901)) as ts",
        "cast(timestamp_micros(1700000000000000 - id * 7654321) as timestamp_ntz) as ntz",
        "null as nul",
        "array(id, id + 1, if(id % 3 = 0, null, id + 2)) as arr",
        "if(id % 10 = 0, array(), array(cast(id as decimal(9,2)), cast(-id as decimal(9,2)))) as arrdec",
        "if(id % 9 = 0, null, map(concat('k', id), cast(id as int), 'z', null)) as m",
        "named_struct('x', id, 'y', if(id % 2 = 0, null, named_struct('z', concat('n', id), "
            + "'w', array(cast(id as double), null)))) as st",
        "array(named_struct('a', cast(id as int), 'dd', cast(id as decimal(9,2)))) as arrst",
        "map('a', array(cast(id % 1000 as decimal(4,0))), 'b', null) as mdec",
        "make_ym_interval(cast(id % 5 as int), cast(id % 12 as int)) as ym",
        "make_dt_interval(cast(id % 3 as int), 1, 2, cast(id as decimal(10, 6)) / 1000) as dti");
  }
}
