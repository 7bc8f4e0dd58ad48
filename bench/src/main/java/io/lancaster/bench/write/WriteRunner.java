package io.lancaster.bench.write;

import io.lancaster.bench.text.Numbers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Times every codec with both writers on the same cached rows, in one JVM: warm-up writes first, then the timed
 * writes, the writers' order reversed on every other run so that neither always runs right after the other's
 * garbage. After a codec's runs, each writer's last output is checked ({@link OutputCheck}), untimed.
 */
public final class WriteRunner {
  private static final List<BenchWriter> WRITERS = List.of(BenchWriter.values());

  private final WriteBenchOptions options;
  private final PrintStream out;
  private final List<String> problems = new ArrayList<>();

  public WriteRunner(WriteBenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Runs every codec on {@code source}, which should be cached and counted so that no run pays for computing it.
   *
   * @param check what every output must hold
   * @return one result per codec and writer
   */
  public List<WriteResult> run(Dataset<Row> source, OutputCheck check) throws IOException {
    List<WriteResult> results = new ArrayList<>();
    for (WriteCodec codec : options.codecs()) {
      results.addAll(runCodec(source, codec, check));
    }
    return results;
  }

  /** Outputs that did not hold what was written, or were not compressed as asked; empty when all were right. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private List<WriteResult> runCodec(Dataset<Row> source, WriteCodec codec, OutputCheck check) throws IOException {
    out.printf("  %-12s ", codec.option());
    out.flush();
    for (int w = 0; w < options.warmups(); w++) {
      for (BenchWriter writer : WRITERS) {
        writer.write(source, codec, options.outputDir(writer));
      }
    }
    Map<BenchWriter, List<Double>> seconds = new EnumMap<>(BenchWriter.class);
    for (int i = 0; i < options.runs(); i++) {
      List<BenchWriter> order = new ArrayList<>(WRITERS);
      if (i % 2 == 1) {
        Collections.reverse(order);
      }
      for (BenchWriter writer : order) {
        long start = System.nanoTime();
        writer.write(source, codec, options.outputDir(writer));
        seconds.computeIfAbsent(writer, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
      }
    }
    List<WriteResult> results = new ArrayList<>();
    List<String> bests = new ArrayList<>();
    for (BenchWriter writer : WRITERS) {
      problems.addAll(check.problems(writer, codec, options.outputDir(writer)));
      WriteResult r = new WriteResult(codec, writer, options.rows(), seconds.get(writer), bytes(writer));
      results.add(r);
      bests.add(writer.label() + " " + Numbers.seconds(r.best()) + " s");
    }
    out.println(String.join(", ", bests));
    return results;
  }

  private long bytes(BenchWriter writer) throws IOException {
    long total = 0;
    for (Path f : OutputCheck.avroFiles(options.outputDir(writer))) {
      total += Files.size(f);
    }
    return total;
  }
}
