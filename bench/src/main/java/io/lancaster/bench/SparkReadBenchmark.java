package io.lancaster.bench;

import io.lancaster.bench.args.Arguments;
import io.lancaster.bench.read.BenchCase;
import io.lancaster.bench.read.BenchDataCache;
import io.lancaster.bench.read.BenchOptions;
import io.lancaster.bench.read.BenchReader;
import io.lancaster.bench.read.BenchRunner;
import io.lancaster.bench.read.BenchTable;
import io.lancaster.bench.read.CaseResult;
import io.lancaster.bench.read.TableData;
import io.lancaster.bench.report.ChartPlotter;
import io.lancaster.bench.report.ConsoleReport;
import io.lancaster.bench.report.CsvReport;
import io.lancaster.bench.report.MarkdownReport;
import io.lancaster.bench.report.Speedups;
import io.lancaster.bench.spark.LocalSpark;
import io.lancaster.bench.text.Numbers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark read benchmark ({@code bin/lancaster-bench}), not a test: times Lancaster, spark-avro and Spark's
 * vectorized Parquet reader on the same rows in one JVM, and writes the results as CSV, Markdown and, when
 * python3 has matplotlib, a bar chart.
 */
public final class SparkReadBenchmark {
  private static final String USAGE = """
      usage: lancaster-bench [--quick] [--scale F] [--runs N] [--warmup N] [--files N] [--readers LIST]
                             [--cases LIST] [--data-dir DIR] [--out-dir DIR]
        --quick          a smoke run: 1/100 of the rows, 1 warm-up and 2 timed runs
        --scale F        multiplies every table's rows (20M one-int, 20M int-string, 2M wide-100, 5M nested)
        --runs N         timed runs per case and reader; the best counts (default 5)
        --warmup N       warm-up runs per case and reader (default 2)
        --files N        Avro files per table (default 8)
        --readers LIST   of lancaster, spark-avro, parquet (default all three)
        --cases LIST     of a, b, c1, c2, d, e1, e2; a letter picks all its cases (default all)
        --data-dir DIR   where generated tables are cached (default bench/target/bench-data)
        --out-dir DIR    where spark-read-benchmark.{csv,md,png} go (default bench/target)
      """;

  private SparkReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      Arguments a = Arguments.parse(args,
          Set.of("scale", "runs", "warmup", "files", "readers", "cases", "data-dir", "out-dir"),
          Set.of("quick", "help"));
      if (a.flag("help")) {
        System.out.print(USAGE);
        return;
      }
      options = options(a);
    } catch (IllegalArgumentException e) {
      System.err.println("lancaster-bench: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    SparkSession spark = LocalSpark.start("lancaster-read-benchmark");
    int status;
    try {
      status = run(spark, options, System.out);
    } catch (ReaderUnavailableException e) {
      System.err.println("lancaster-bench: " + e.getMessage());
      status = 1;
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /** Runs the benchmark; returns the exit status: 1 if readers disagreed on a result. */
  public static int run(SparkSession spark, BenchOptions options, PrintStream out) throws Exception {
    String environment = String.format("Spark %s, %s, Java %s, %d cores; scale %s, %d warm-up and %d timed runs"
            + " per case and reader, %d Avro files per table (snappy).",
        spark.version(), spark.sparkContext().master(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), options.scale(), options.warmups(), options.runs(),
        options.files());
    out.println(environment);

    out.println("\nTables in " + options.dataDir());
    BenchDataCache cache = new BenchDataCache(spark, options.dataDir(), out);
    Map<BenchTable, TableData> tables = new EnumMap<>(BenchTable.class);
    for (BenchCase c : options.cases()) {
      if (!tables.containsKey(c.table())) {
        tables.put(c.table(), cache.prepare(c.table(), options.rows(c.table()), options.files()));
      }
    }
    for (TableData t : tables.values()) {
      out.printf("  %-10s Avro %s, Parquet %s%n", t.table().id(), Numbers.megabytes(t.avroBytes()),
          Numbers.megabytes(t.parquetBytes()));
    }
    checkReaders(spark, options.readers(), tables.values());

    out.println("\nRunning");
    BenchRunner runner = new BenchRunner(spark, options, out);
    List<CaseResult> results = runner.run(tables);
    Speedups speedups = new Speedups(results);
    out.println();
    out.print(ConsoleReport.render(speedups));

    Path csv = options.outDir().resolve("spark-read-benchmark.csv");
    Path md = options.outDir().resolve("spark-read-benchmark.md");
    Path png = options.outDir().resolve("spark-read-benchmark.png");
    CsvReport.write(speedups, csv);
    MarkdownReport.write(speedups, options.readers(), environment, md);
    out.printf("%nWrote %s and %s%n", csv, md);
    if (ChartPlotter.plot(csv, png)) {
      out.println("Wrote " + png);
    }

    if (!runner.disagreements().isEmpty()) {
      out.println("\nREADERS DISAGREE:");
      runner.disagreements().forEach(d -> out.println("  " + d));
      return 1;
    }
    return 0;
  }

  /** Every reader must read every table, and count all its rows, before anything is timed. */
  private static void checkReaders(SparkSession spark, List<BenchReader> readers, Iterable<TableData> tables) {
    for (BenchReader r : readers) {
      for (TableData t : tables) {
        long count;
        try {
          count = r.open(spark, t).count();
        } catch (Exception e) { // Spark throws its checked SparkClassNotFoundException for a missing format
          throw new ReaderUnavailableException(r.label() + " (format(\"" + r.format() + "\")) cannot read "
              + t.table().id() + ": " + e.getMessage() + "\nLeave it out with --readers.", e);
        }
        if (count != t.rows()) {
          throw new ReaderUnavailableException(r.label() + " counts " + count + " rows in " + t.table().id()
              + ", which has " + t.rows(), null);
        }
      }
    }
  }

  /** A reader that cannot take part: its format is missing or it miscounts a table. */
  static final class ReaderUnavailableException extends RuntimeException {
    ReaderUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static BenchOptions options(Arguments a) {
    boolean quick = a.flag("quick");
    Path benchDir = Path.of(System.getProperty("lancaster.bench.dir", "bench"));
    List<BenchReader> readers = new ArrayList<>();
    for (String name : list(a.string("readers", "lancaster,spark-avro,parquet"))) {
      BenchReader r = BenchReader.byName(name);
      if (!readers.contains(r)) {
        readers.add(r);
      }
    }
    return new BenchOptions(
        (quick ? 0.01 : 1) * a.positive("scale", 1),
        (int) a.count("warmup", quick ? 1 : 2, 0),
        (int) a.count("runs", quick ? 2 : 5, 1),
        (int) a.count("files", 8, 1),
        readers,
        cases(a.string("cases", null)),
        a.path("data-dir", benchDir.resolve("target").resolve("bench-data")),
        a.path("out-dir", benchDir.resolve("target")));
  }

  private static List<BenchCase> cases(String selection) {
    if (selection == null) {
      return BenchCase.all();
    }
    List<String> wanted = list(selection);
    List<BenchCase> cases = new ArrayList<>();
    for (String w : wanted) {
      List<BenchCase> matching = BenchCase.all().stream()
          .filter(c -> c.id().equals(w) || c.id().startsWith(w) && c.id().length() == w.length() + 1)
          .toList();
      if (matching.isEmpty()) {
        throw new IllegalArgumentException("no case \"" + w + "\"; cases: a, b, c1, c2, d, e1, e2");
      }
      matching.stream().filter(c -> !cases.contains(c)).forEach(cases::add);
    }
    return cases;
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
