package io.lancaster.bench;

import io.lancaster.bench.args.Arguments;
import io.lancaster.bench.data.Directories;
import io.lancaster.bench.report.WriteConsoleReport;
import io.lancaster.bench.report.WriteCsvReport;
import io.lancaster.bench.report.WriteMarkdownReport;
import io.lancaster.bench.spark.LocalSpark;
import io.lancaster.bench.text.Numbers;
import io.lancaster.bench.write.BenchWriter;
import io.lancaster.bench.write.MixedRows;
import io.lancaster.bench.write.OutputCheck;
import io.lancaster.bench.write.WriteBenchOptions;
import io.lancaster.bench.write.WriteCodec;
import io.lancaster.bench.write.WriteComparison;
import io.lancaster.bench.write.WriteResult;
import io.lancaster.bench.write.WriteRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark write benchmark ({@code bin/lancaster-bench --write}), not a test: times Lancaster's and spark-avro's
 * {@code df.write} of the same cached rows with each codec in one JVM, checks that both outputs hold those rows,
 * and writes the results as CSV and Markdown.
 */
public final class SparkWriteBenchmark {
  private static final String USAGE = """
      usage: lancaster-bench --write [--quick] [--rows N] [--scale F] [--runs N] [--warmup N] [--partitions N]
                                     [--all-codecs | --codecs LIST] [--work-dir DIR] [--out-dir DIR]
        --quick          a smoke run: 50,000 rows (unless --rows), 1 warm-up and 2 timed runs
        --rows N         rows to write (default 5,000,000)
        --scale F        multiplies the rows
        --runs N         timed runs per codec and writer; the best counts (default 3)
        --warmup N       warm-up runs per codec and writer (default 1)
        --partitions N   partitions of the rows, so files per output (default: the number of cores)
        --all-codecs     adds bzip2 and xz (slow) to uncompressed, snappy, deflate and zstandard
        --codecs LIST    of uncompressed, snappy, deflate, zstandard, bzip2, xz
        --work-dir DIR   where the outputs are written; deleted at the end (default bench/target/write-bench-output)
        --out-dir DIR    where spark-write-benchmark.{csv,md} go (default bench/target)
      """;

  private SparkWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    WriteBenchOptions options;
    try {
      Arguments a = Arguments.parse(args,
          Set.of("rows", "scale", "runs", "warmup", "partitions", "codecs", "work-dir", "out-dir"),
          Set.of("quick", "all-codecs", "help"));
      if (a.flag("help")) {
        System.out.print(USAGE);
        return;
      }
      options = options(a);
    } catch (IllegalArgumentException e) {
      System.err.println("lancaster-bench --write: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    SparkSession spark = LocalSpark.start("lancaster-write-benchmark");
    int status;
    try {
      status = run(spark, options, System.out);
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /** Runs the benchmark; returns the exit status: 1 if an output did not hold the rows written. */
  public static int run(SparkSession spark, WriteBenchOptions options, PrintStream out) throws Exception {
    String environment = String.format("Spark %s, %s, Java %s, %d cores; %s rows in %d partitions (a file each),"
            + " cached before timing; %d warm-up and %d timed runs per codec and writer.",
        spark.version(), spark.sparkContext().master(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Numbers.count(options.rows()), options.partitions(),
        options.warmups(), options.runs());
    out.println(environment);

    Dataset<Row> source = MixedRows.generate(spark, options.rows(), options.partitions()).cache();
    try {
      long start = System.nanoTime();
      long cached = source.count();
      out.printf("%nGenerated and cached %s rows in %s s: %s%n", Numbers.count(cached),
          Numbers.seconds((System.nanoTime() - start) / 1e9), source.schema().toDDL());
      OutputCheck check = new OutputCheck(source);

      out.println("\nWriting to " + options.workDir());
      WriteRunner runner = new WriteRunner(options, out);
      List<WriteResult> results;
      try {
        results = runner.run(source, check);
      } finally {
        deleteOutputs(options);
      }
      WriteComparison comparison = new WriteComparison(results);
      out.println();
      out.print(WriteConsoleReport.render(comparison));

      Path csv = options.outDir().resolve("spark-write-benchmark.csv");
      Path md = options.outDir().resolve("spark-write-benchmark.md");
      WriteCsvReport.write(comparison, csv);
      WriteMarkdownReport.write(comparison, environment, source.schema().toDDL(), md);
      out.printf("%nWrote %s and %s%n", csv, md);

      if (!runner.problems().isEmpty()) {
        out.println("\nOUTPUTS ARE WRONG:");
        runner.problems().forEach(p -> out.println("  " + p));
        return 1;
      }
      out.println("Both writers' outputs hold the rows written, with the codec asked for.");
      return 0;
    } finally {
      source.unpersist();
    }
  }

  /** Deletes the writers' outputs, and the work directory if that leaves it empty. */
  private static void deleteOutputs(WriteBenchOptions options) throws IOException {
    for (BenchWriter w : BenchWriter.values()) {
      Directories.deleteTree(options.outputDir(w));
    }
    if (Files.isDirectory(options.workDir())) {
      try (Stream<Path> left = Files.list(options.workDir())) {
        if (left.findAny().isEmpty()) {
          Files.delete(options.workDir());
        }
      }
    }
  }

  private static WriteBenchOptions options(Arguments a) {
    boolean quick = a.flag("quick");
    Path benchDir = Path.of(System.getProperty("lancaster.bench.dir", "bench"));
    long rows = Math.max(1, Math.round(a.count("rows", quick ? 50_000 : WriteBenchOptions.DEFAULT_ROWS, 1)
        * a.positive("scale", 1)));
    return new WriteBenchOptions(
        rows,
        (int) a.count("partitions", Runtime.getRuntime().availableProcessors(), 1),
        (int) a.count("warmup", 1, 0),
        (int) a.count("runs", quick ? 2 : 3, 1),
        codecs(a),
        a.path("work-dir", benchDir.resolve("target").resolve("write-bench-output")),
        a.path("out-dir", benchDir.resolve("target")));
  }

  private static List<WriteCodec> codecs(Arguments a) {
    String selection = a.string("codecs", null);
    if (selection == null) {
      return a.flag("all-codecs") ? WriteCodec.all() : WriteCodec.fast();
    }
    if (a.flag("all-codecs")) {
      throw new IllegalArgumentException("--all-codecs and --codecs exclude each other");
    }
    List<WriteCodec> codecs = new ArrayList<>();
    for (String name : selection.split(",")) {
      if (!name.isBlank()) {
        WriteCodec c = WriteCodec.byName(name.trim());
        if (!codecs.contains(c)) {
          codecs.add(c);
        }
      }
    }
    if (codecs.isEmpty()) {
      throw new IllegalArgumentException("--codecs names no codec");
    }
    return codecs;
  }
}
