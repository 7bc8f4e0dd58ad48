package io.lancaster.bench.write;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How much faster Lancaster writes than spark-avro with a codec: spark-avro's best time divided by Lancaster's,
 * so 2.0 means Lancaster writes twice the rows per second and 0.5 half.
 */
public final class WriteComparison {
  private final List<WriteResult> results;

  public WriteComparison(List<WriteResult> results) {
    this.results = List.copyOf(results);
  }

  /** Lancaster's speed relative to spark-avro's with {@code codec}; empty if either did not run. */
  public OptionalDouble lancasterVersusSparkAvro(WriteCodec codec) {
    OptionalDouble lancaster = best(codec, BenchWriter.LANCASTER);
    OptionalDouble sparkAvro = best(codec, BenchWriter.SPARK_AVRO);
    if (lancaster.isEmpty() || sparkAvro.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sparkAvro.getAsDouble() / lancaster.getAsDouble());
  }

  public OptionalDouble best(WriteCodec codec, BenchWriter writer) {
    return result(codec, writer).map(r -> OptionalDouble.of(r.best())).orElse(OptionalDouble.empty());
  }

  public Optional<WriteResult> result(WriteCodec codec, BenchWriter writer) {
    return results.stream().filter(r -> r.codec() == codec && r.writer() == writer).findFirst();
  }

  /** The codecs, in the order they ran. */
  public List<WriteCodec> codecs() {
    return results.stream().map(WriteResult::codec).distinct().toList();
  }

  public List<WriteResult> results() {
    return results;
  }

  /** A ratio for a report, or {@code ""}. */
  public static String format(OptionalDouble ratio) {
    return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "";
  }
}
