package io.lancaster.bench.write;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The rows the write benchmark writes: a realistic mix of column types, computed by Spark from the row number
 * (so the same rows on every run, with no data files to read):
 * {@code id bigint, qty int, price double, customer string, note string (a third null), created_at timestamp,
 * amount decimal(12,2), day date, address struct<city string, zip int>, tags array<string> (0 to 4)}.
 */
public final class MixedRows {
  /** 2024-01-01T00:00:00Z in microseconds; timestamps spread over the following year. */
  private static final long FIRST_MICROS = 1_704_067_200_000_000L;
  private static final long YEAR_MICROS = 366L * 24 * 3600 * 1_000_000;
  /** 2000-01-01 in days since the epoch; dates spread over the following 30 years. */
  private static final int FIRST_DAY = 10_957;

  private MixedRows() {}

  /** {@code rows} rows in {@code partitions} partitions (one output file each); not cached. */
  public static Dataset<Row> generate(SparkSession spark, long rows, int partitions) {
    Column id = col("id");
    return spark.range(0, rows, 1, partitions).select(
        id,
        random(id, 1, 1_000).cast(DataTypes.IntegerType).as("qty"),
        random(id, 2, 10_000_000).divide(100.0).as("price"),
        concat(lit("customer-"), random(id, 3, 100_000)).as("customer"),
        when(random(id, 4, 3).equalTo(0), lit(null).cast(DataTypes.StringType))
            .otherwise(concat(lit("deliver to the back door, ring "), random(id, 5, 10))).as("note"),
        timestamp_micros(lit(FIRST_MICROS).plus(random(id, 6, YEAR_MICROS))).as("created_at"),
        random(id, 7, 100_000_000_000L).divide(100).cast(DataTypes.createDecimalType(12, 2)).as("amount"),
        date_from_unix_date(lit(FIRST_DAY).plus(random(id, 8, 30 * 365))).as("day"),
        struct(concat(lit("city-"), random(id, 9, 500)).as("city"),
            random(id, 10, 100_000).cast(DataTypes.IntegerType).as("zip")).as("address"),
        slice(array(tag(id, 11), tag(id, 12), tag(id, 13), tag(id, 14)), lit(1),
            random(id, 15, 5).cast(DataTypes.IntegerType)).as("tags"));
  }

  /** A number in [0, bound) that looks random, different for each {@code salt}. */
  private static Column random(Column id, int salt, long bound) {
    return pmod(xxhash64(id, lit(salt)), lit(bound));
  }

  private static Column tag(Column id, int salt) {
    return concat(lit("tag-"), pmod(hash(id, lit(salt)), lit(50)));
  }
}
