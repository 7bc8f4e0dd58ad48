package io.lancaster.spark.commit;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.sql.Row;

/** The ids an output directory holds, as a Spark reader sees them, sorted (so duplicates show), and the expected. */
final class WrittenIds {
  private WrittenIds() {}

  static List<Long> read(String format, Path dir) {
    return LocalSpark.session().read().format(format).load(dir.toString()).select("id").orderBy("id")
        .collectAsList().stream().map((Row r) -> r.getLong(0)).toList();
  }

  static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  static List<Long> sorted(List<Long> ids) {
    return ids.stream().sorted().toList();
  }
}
