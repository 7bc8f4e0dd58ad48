package io.lancaster.hive.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession with Hive support for all tests of a JVM (starting Spark and creating the metastore take
 * tens of seconds): an embedded Derby metastore, the warehouse and Hive's session directories in a temporary
 * directory deleted when the JVM exits; two cores, no UI.
 * Tests must not stop it; each test creates tables of its own names.
 */
public final class HiveSpark {
  /** The row format of Lancaster's SerDe (SERDEPROPERTIES may follow). */
  public static final String LANCASTER_SERDE = "ROW FORMAT SERDE 'io.lancaster.hive.AvroHiveSerDe'";
  /** The storage formats of Lancaster's SerDe. */
  public static final String LANCASTER_FORMATS = "STORED AS INPUTFORMAT 'io.lancaster.hive.AvroHiveInputFormat'"
      + " OUTPUTFORMAT 'io.lancaster.hive.AvroHiveOutputFormat'";
  /** How a table declares Lancaster's SerDe and formats. */
  public static final String LANCASTER = LANCASTER_SERDE + " " + LANCASTER_FORMATS;
  /** How a table declares Hive's own AvroSerDe and formats. */
  public static final String HIVE = "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.avro.AvroSerDe'"
      + " STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat'"
      + " OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat'";

  private static SparkSession session;
  private static Path root;

  private HiveSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        root = Files.createTempDirectory("lancaster-hive");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir), "delete " + dir));
      System.setProperty("derby.stream.error.file", root.resolve("derby.log").toString());
      session = SparkSession.builder()
          .master("local[2]")
          .appName("lancaster-hive-tests")
          .enableHiveSupport()
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.warehouse.dir", root.resolve("warehouse").toString())
          .config("spark.hadoop.javax.jdo.option.ConnectionURL",
              "jdbc:derby:;databaseName=" + root.resolve("metastore_db") + ";create=true")
          .config("spark.hadoop.hive.exec.dynamic.partition.mode", "nonstrict")
          // Hive's session directories, which it would otherwise leave in /tmp.
          .config("spark.hadoop.hive.exec.scratchdir", root.resolve("scratch").toString())
          .config("spark.hadoop.hive.exec.local.scratchdir", root.resolve("local-scratch").toString())
          .config("spark.hadoop.hive.downloaded.resources.dir", root.resolve("resources").toString())
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort, at JVM exit
    }
  }

  /** A fresh directory under the session's temporary root. */
  public static synchronized Path newDirectory(String prefix) {
    session();
    try {
      return Files.createTempDirectory(root, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory of a table (or partition-less table root), from the catalog. */
  public static Path location(String table) {
    String uri = session().sql("DESCRIBE FORMATTED " + table).filter("col_name = 'Location'").first().getString(1);
    return Path.of(URI.create(uri));
  }

  /** The rows of a query as JSON objects (Spark's own rendering: null fields left out), in the query's order. */
  public static List<String> json(String query) {
    return session().sql(query).toJSON().collectAsList();
  }

  /** A SQL string literal of {@code s}, for table properties (schemas contain quotes). */
  public static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
