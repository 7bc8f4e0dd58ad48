package io.lancaster.spark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for all tests of a JVM (starting Spark takes seconds): two cores, no UI, few shuffle
 * partitions, a warehouse in a temporary directory. Tests must not stop it; they may set and must restore confs.
 *
 * <p>A failed task is retried, up to 3 attempts ({@code local[2,3]}), as on a cluster: the commit tests inject
 * failures into first attempts. Task retries are fixed when the SparkContext starts, and a JVM has one.
 */
public final class LocalSpark {
  /** spark-avro as built into Spark 4.2's spark-sql jar, addressed by class name (its jar would take "avro"). */
  public static final String SPARK_AVRO = "org.apache.spark.sql.avro.AvroFileFormat";

  private static SparkSession session;

  private LocalSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      Path warehouse;
      try {
        warehouse = Files.createTempDirectory("lancaster-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session = SparkSession.builder()
          .master("local[2,3]")
          .appName("lancaster-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.warehouse.dir", warehouse.toString())
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
