package io.lancaster.spark.read;

import io.lancaster.spark.testing.SparkConfs;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A multi-block file read in many splits (64 KB partitions): every record is read exactly once, whether blocks are
 * much smaller than a split or larger than one (then some splits hold no block start and read nothing).
 */
class SplitReadTest {
  static final Schema ROW = Schema.parse("""
      {"type":"record","name":"Row","fields":[{"name":"id","type":"long"},{"name":"s","type":["null","string"]}]}""");
  private static final int ROWS = 200_000;
  private static final Map<String, String> SMALL_SPLITS = Map.of("spark.sql.files.maxPartitionBytes", "65536",
      "spark.sql.files.openCostInBytes", "1024");

  @TempDir Path dir;

  /** The rows, made as they are appended, so 200,000 records are never all in memory. */
  private static List<Object> rows() {
    return new AbstractList<>() {
      @Override
      public Object get(int i) {
        return Values.record(ROW, (long) i, i % 10 == 0 ? null : "s" + (i % 1000));
      }

      @Override
      public int size() {
        return ROWS;
      }
    };
  }

  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(Writer.LANCASTER, "null", 2000),
        Arguments.of(Writer.APACHE, "deflate", 2000),
        Arguments.of(Writer.LANCASTER, "snappy", 150_000));
  }

  @ParameterizedTest(name = "{0} {1} sync {2}")
  @MethodSource("layouts")
  void everyRecordIsReadOnceAcrossSplits(Writer writer, String codec, int syncInterval) throws Exception {
    Path file = AvroFiles.write(writer, dir.resolve("big.avro"), ROW, rows(), codec, syncInterval);
    UnaryOperator<Dataset<Row>> stats = df -> df.selectExpr("count(*)", "sum(id)", "count(distinct id)",
        "count(s)", "max(s)");
    SparkConfs.with(SMALL_SPLITS, () -> {
      Dataset<Row> df = LocalSpark.session().read().format(BothReaders.LANCASTER).load(file.toString());
      assertThat(df.rdd().getNumPartitions()).as("input partitions").isGreaterThan(1);
      BothReaders.Outcome ours = BothReaders.assertSameRead(writer + " " + codec, file.toString(), Map.of(), stats);
      assertThat(ours.rows()).containsExactly("{Long:" + ROWS + ", Long:" + (ROWS * (ROWS - 1L) / 2) + ", Long:"
          + ROWS + ", Long:" + ROWS / 10 * 9 + ", \"s999\"}");
      return null;
    });
  }
}
