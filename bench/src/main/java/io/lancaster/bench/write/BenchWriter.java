package io.lancaster.bench.write;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The Avro writers the benchmark compares, each a Spark data source. */
public enum BenchWriter {
  LANCASTER("Lancaster", "lancaster"),
  /** Spark's own Avro source, inside spark-sql 4.2's jar; addressed by class because it registers no name. */
  SPARK_AVRO("spark-avro", "org.apache.spark.sql.avro.AvroFileFormat");

  private final String label;
  private final String format;

  BenchWriter(String label, String format) {
    this.label = label;
    this.format = format;
  }

  public String label() {
    return label;
  }

  /** The name given to {@code df.write().format(...)}. */
  public String format() {
    return format;
  }

  /** Writes {@code rows} to {@code dir} with {@code codec}, replacing what is there: the timed operation. */
  public void write(Dataset<Row> rows, WriteCodec codec, Path dir) {
    rows.write().format(format).option("compression", codec.option()).mode("overwrite").save(dir.toString());
  }

  @Override
  public String toString() {
    return label;
  }
}
