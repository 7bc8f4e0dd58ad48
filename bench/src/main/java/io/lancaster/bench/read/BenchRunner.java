package io.lancaster.bench.read;

import io.lancaster.bench.text.Numbers;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times every case with every reader in one JVM: warm-up runs first, then the timed runs, the readers' order
 * reversed on every other run so that none always runs right after another's garbage.
 */
public final class BenchRunner {
  private final SparkSession spark;
  private final BenchOptions options;
  private final PrintStream out;
  private final LinkedHashSet<String> disagreements = new LinkedHashSet<>();

  public BenchRunner(SparkSession spark, BenchOptions options, PrintStream out) {
    this.spark = spark;
    this.options = options;
    this.out = out;
  }

  /** Runs the cases on the prepared tables; one result per case and reader. */
  public List<CaseResult> run(Map<BenchTable, TableData> tables) {
    List<CaseResult> results = new ArrayList<>();
    for (BenchCase c : options.cases()) {
      results.addAll(runCase(c, tables.get(c.table())));
    }
    return results;
  }

  /** Cases where readers (or runs) returned different values; empty when all agree. */
  public List<String> disagreements() {
    return List.copyOf(disagreements);
  }

  private List<CaseResult> runCase(BenchCase c, TableData data) {
    List<BenchReader> readers = options.readers();
    Map<BenchReader, Dataset<Row>> frames = new EnumMap<>(BenchReader.class);
    for (BenchReader r : readers) {
      frames.put(r, r.open(spark, data));
    }
    out.printf("(%s) %s, %s rows: ", c.id(), c.title(), Numbers.count(data.rows()));
    out.flush();
    for (int w = 0; w < options.warmups(); w++) {
      for (BenchReader r : readers) {
        c.measurement().run(frames.get(r));
      }
    }
    Map<BenchReader, List<Double>> seconds = new EnumMap<>(BenchReader.class);
    Map<BenchReader, Object> values = new EnumMap<>(BenchReader.class);
    for (int i = 0; i < options.runs(); i++) {
      List<BenchReader> order = new ArrayList<>(readers);
      if (i % 2 == 1) {
        Collections.reverse(order);
      }
      for (BenchReader r : order) {
        long start = System.nanoTime();
        Object value = c.measurement().run(frames.get(r));
        seconds.computeIfAbsent(r, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
        check(c, r, value, values);
      }
    }
    List<CaseResult> results = new ArrayList<>();
    List<String> bests = new ArrayList<>();
    for (BenchReader r : readers) {
      CaseResult result = new CaseResult(c, r, data.rows(), seconds.get(r), values.get(r));
      results.add(result);
      bests.add(r.label() + " " + Numbers.seconds(result.best()) + " s");
    }
    out.println(String.join(", ", bests));
    return results;
  }

  /** Records {@code value} and notes it if it differs from another reader's or an earlier run's. */
  private void check(BenchCase c, BenchReader r, Object value, Map<BenchReader, Object> values) {
    for (Map.Entry<BenchReader, Object> e : values.entrySet()) {
      if (!ResultValues.agree(e.getValue(), value)) {
        disagreements.add("(" + c.id() + ") " + c.title() + ": " + e.getKey().label() + " returned "
            + e.getValue() + ", " + r.label() + " returned " + value);
      }
    }
    values.putIfAbsent(r, value);
  }
}
