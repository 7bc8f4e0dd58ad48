package io.lancaster.spark.functions;

import io.lancaster.spark.testing.LocalSpark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/** DataFrames for the function tests, and a way to run with session confs set (then restored). */
final class Frames {
  private Frames() {}

  static SparkSession spark() {
    return LocalSpark.session();
  }

  /**
   * A DataFrame of one binary column {@code value}, from an RDD: Spark's optimizer cannot fold expressions over it
   * into constants on the driver, so they run in tasks, in generated code unless a conf turns that off.
   */
  static Dataset<Row> binary(List<byte[]> values) {
    List<Row> rows = new ArrayList<>();
    for (byte[] v : values) {
      rows.add(RowFactory.create((Object) v));
    }
    StructType schema = new StructType().add("value", DataTypes.BinaryType, true);
    return spark().createDataFrame(new JavaSparkContext(spark().sparkContext()).parallelize(rows, 2), schema);
  }

  /** {@code fn} of each value, in order; the values are those of {@link #binary}. */
  static List<Object> apply(List<byte[]> values, java.util.function.Function<Column, Column> fn) {
    Dataset<Row> df = binary(values);
    List<Object> out = new ArrayList<>();
    for (Row r : df.select(fn.apply(df.col("value")).as("v")).collectAsList()) {
      out.add(r.get(0));
    }
    return out;
  }

  /** Runs {@code body} with session confs set, then restores each to its previous value (or unsets it). */
  static <T> T withConfs(Map<String, String> confs, Callable<T> body) throws Exception {
    return io.lancaster.spark.testing.SparkConfs.with(confs, body);
  }

  /**
   * The confs that make Spark evaluate expressions only in generated code: whole-stage code generation on, and a
   * failure to compile the generated code an error instead of a silent fall back to interpretation.
   */
  static final Map<String, String> GENERATED = Map.of("spark.sql.codegen.wholeStage", "true",
      "spark.sql.codegen.factoryMode", "CODEGEN_ONLY", "spark.sql.codegen.fallback", "false");

  /** The confs that make Spark evaluate expressions by interpretation instead of generated code. */
  static final Map<String, String> INTERPRETED = Map.of("spark.sql.codegen.wholeStage", "false",
      "spark.sql.codegen.factoryMode", "NO_CODEGEN");
}
