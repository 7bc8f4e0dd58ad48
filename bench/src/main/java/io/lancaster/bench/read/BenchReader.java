package io.lancaster.bench.read;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The readers the benchmark compares: Lancaster and spark-avro on the Avro files, Spark on the Parquet files. */
public enum BenchReader {
  LANCASTER("Lancaster", "lancaster", true),
  /** Spark's own Avro source, inside spark-sql 4.2's jar; addressed by class because it registers no name. */
  SPARK_AVRO("spark-avro", "org.apache.spark.sql.avro.AvroFileFormat", true),
  /** Spark's vectorized Parquet reader (on by default). */
  PARQUET("Parquet", "parquet", false);

  private final String label;
  private final String format;
  private final boolean readsAvro;

  BenchReader(String label, String format, boolean readsAvro) {
    this.label = label;
    this.format = format;
    this.readsAvro = readsAvro;
  }

  public String label() {
    return label;
  }

  /** The name given to {@code spark.read().format(...)}. */
  public String format() {
    return format;
  }

  /** The table as this reader reads it: the Avro files or the Parquet files. Lists files, reads no data. */
  public Dataset<Row> open(SparkSession spark, TableData data) {
    return spark.read().format(format).load((readsAvro ? data.avroDir() : data.parquetDir()).toString());
  }

  /** The reader of {@code name}: its label or constant name, any case, e.g. {@code spark-avro}. */
  public static BenchReader byName(String name) {
    for (BenchReader r : values()) {
      if (r.label.equalsIgnoreCase(name) || r.name().replace('_', '-').equalsIgnoreCase(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no reader \"" + name + "\"; readers: lancaster, spark-avro, parquet");
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
