package io.lancaster.bench.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How the write benchmark runs: the rows and their partitions (one output file each), warm-up and timed runs per
 * codec and writer, the codecs, where the outputs are written (scratch, deleted at the end) and where reports go.
 */
public record WriteBenchOptions(long rows, int partitions, int warmups, int runs, List<WriteCodec> codecs,
    Path workDir, Path outDir) {
  public static final long DEFAULT_ROWS = 5_000_000;

  public WriteBenchOptions {
    if (rows < 1 || partitions < 1 || warmups < 0 || runs < 1 || codecs.isEmpty()) {
      throw new IllegalArgumentException("bad write benchmark options: rows " + rows + ", partitions "
          + partitions + ", warm-ups " + warmups + ", runs " + runs + ", codecs " + codecs);
    }
    codecs = List.copyOf(codecs);
  }

  /** Where {@code writer} writes its output (every codec and run replaces it). */
  public Path outputDir(BenchWriter writer) {
    return workDir.resolve(writer.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
