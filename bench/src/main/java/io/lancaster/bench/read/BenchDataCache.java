package io.lancaster.bench.read;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.bench.data.AvroFileJob;
import io.lancaster.bench.data.Directories;
import io.lancaster.bench.data.ParallelAvroWriter;
import io.lancaster.bench.text.Numbers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * Generates each benchmark table once and reuses it: {@code <dataDir>/<table>-<rows>x<files>/} holds
 * {@code avro/} (Lancaster's writer, snappy), {@code parquet/} (Spark's writer from the same rows) and a
 * {@code _READY} file with the parameters, written last, so an interrupted generation is redone.
 */
public final class BenchDataCache {
  /** Bump when the generated values change, so cached data sets are rewritten. */
  private static final String GENERATOR_VERSION = "1";
  private static final long SEED = 20_250_602L;
  private static final String READY = "_READY";

  private final SparkSession spark;
  private final Path dataDir;
  private final PrintStream out;

  public BenchDataCache(SparkSession spark, Path dataDir, PrintStream out) {
    this.spark = spark;
    this.dataDir = dataDir;
    this.out = out;
  }

  /** The table with {@code rows} rows in {@code files} Avro files, generated unless cached. */
  public TableData prepare(BenchTable table, long rows, int files) throws IOException {
    Path dir = dataDir.resolve(table.id() + "-" + rows + "x" + files);
    Path avro = dir.resolve("avro");
    Path parquet = dir.resolve("parquet");
    Properties wanted = parameters(table, rows, files);
    if (wanted.equals(readMarker(dir.resolve(READY)))) {
      out.printf("  %-10s %s rows: cached in %s%n", table.id(), Numbers.count(rows), dir);
    } else {
      Directories.deleteTree(dir);
      long start = System.nanoTime();
      writeAvro(table, rows, files, avro);
      double avroSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      spark.read().format(BenchReader.SPARK_AVRO.format()).load(avro.toString())
          .write().mode("overwrite").parquet(parquet.toString());
      double parquetSeconds = (System.nanoTime() - start) / 1e9;
      try (Writer w = Files.newBufferedWriter(dir.resolve(READY))) {
        wanted.store(w, "parameters of this benchmark table");
      }
      out.printf("  %-10s %s rows: generated in %s (Avro %s s, Parquet %s s)%n", table.id(), Numbers.count(rows),
          dir, Numbers.seconds(avroSeconds), Numbers.seconds(parquetSeconds));
    }
    return new TableData(table, rows, avro, parquet, Directories.size(avro), Directories.size(parquet));
  }

  private static void writeAvro(BenchTable table, long rows, int files, Path avro) throws IOException {
    RecordSchema schema = table.schema();
    List<AvroFileJob> jobs = new ArrayList<>();
    long firstRow = 0;
    for (int k = 0; k < files; k++) {
      long fileRows = rows / files + (k < rows % files ? 1 : 0);
      long first = firstRow;
      long seed = SEED * 1_000_003L + k;
      jobs.add(new AvroFileJob(avro.resolve(String.format("part-%05d.avro", k)), fileRows,
          () -> table.records(schema, first, seed)));
      firstRow += fileRows;
    }
    ParallelAvroWriter.write(schema, jobs);
  }

  private static Properties parameters(BenchTable table, long rows, int files) {
    Properties p = new Properties();
    p.setProperty("table", table.id());
    p.setProperty("rows", Long.toString(rows));
    p.setProperty("files", Integer.toString(files));
    p.setProperty("seed", Long.toString(SEED));
    p.setProperty("generator", GENERATOR_VERSION);
    p.setProperty("schema", table.schemaJson());
    return p;
  }

  private static Properties readMarker(Path marker) throws IOException {
    Properties p = new Properties();
    if (Files.isRegularFile(marker)) {
      try (Reader r = Files.newBufferedReader(marker)) {
        p.load(r);
      }
    }
    return p;
  }
}
