package io.lancaster.bench.spark;

import org.apache.spark.sql.SparkSession;

/** The local Spark session of the demo and the benchmark: all cores, no web UI, UTC, quiet logging. */
public final class LocalSpark {
  private LocalSpark() {}

  /** Starts (or returns the running) local session; {@code -Dspark.master=local[2]} picks another master. */
  public static SparkSession start(String appName) {
    int cores = Runtime.getRuntime().availableProcessors();
    SparkSession spark = SparkSession.builder()
        .appName(appName)
        .master(System.getProperty("spark.master", "local[*]"))
        .config("spark.ui.enabled", "false")
        // Partition dates and timestamps print as they were written, wherever the demo runs.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        // The default 200 shuffle partitions is meant for clusters; a laptop has a few cores.
        .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * cores)))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
