package io.lancaster.spark.read;

import io.lancaster.spark.testing.SparkConfs;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spark's input metrics of a Lancaster scan: records read is the row count, bytes read is positive. */
class InputMetricsTest {
  private static final int ROWS = 1500;

  @TempDir static Path dir;
  private static String path;

  @BeforeAll
  static void write() {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(Values.record(DirectoryReadTest.ROW, i, "s" + i));
    }
    AvroFiles.write(Writer.LANCASTER, dir.resolve("t/a.avro"), DirectoryReadTest.ROW, rows.subList(0, 1000));
    AvroFiles.write(Writer.APACHE, dir.resolve("t/b.avro"), DirectoryReadTest.ROW, rows.subList(1000, ROWS));
    path = dir.resolve("t").toString();
  }

  /** What the tasks of the action reported, once the listener bus has delivered every event. */
  private static long[] recordsAndBytes(Consumer<Dataset<Row>> action, String format, Map<String, String> confs)
      throws Exception {
    SparkContext sc = LocalSpark.session().sparkContext();
    AtomicLong records = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) {
          records.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
          bytes.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
        }
      }
    };
    sc.listenerBus().waitUntilEmpty();
    sc.addSparkListener(listener);
    try {
      SparkConfs.with(confs, () -> {
        action.accept(LocalSpark.session().read().format(format).load(path));
        return null;
      });
      sc.listenerBus().waitUntilEmpty();
    } finally {
      sc.removeSparkListener(listener);
    }
    return new long[] {records.get(), bytes.get()};
  }

  @ParameterizedTest(name = "codegen {0}")
  @ValueSource(booleans = {true, false})
  void recordsReadIsTheRowCountAndBytesAreCounted(boolean wholeStage) throws Exception {
    Map<String, String> confs = Map.of("spark.sql.codegen.wholeStage", Boolean.toString(wholeStage));
    long[] collected = recordsAndBytes(df -> assertThat(df.collectAsList()).hasSize(ROWS), BothReaders.LANCASTER,
        confs);
    assertThat(collected[0]).as("records read").isEqualTo(ROWS);
    assertThat(collected[1]).as("bytes read").isPositive();
    long[] counted = recordsAndBytes(df -> assertThat(df.count()).isEqualTo(ROWS), BothReaders.LANCASTER, confs);
    assertThat(counted[0]).as("records read by count()").isEqualTo(ROWS);
    long[] theirs = recordsAndBytes(df -> df.collectAsList(), LocalSpark.SPARK_AVRO, confs);
    assertThat(theirs[0]).as("spark-avro's records read").isEqualTo(ROWS);
  }
}
