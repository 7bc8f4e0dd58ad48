package io.lancaster.spark.stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lancaster.spark.commit.Faults;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lancaster as a streaming file source and sink: Avro files added to a directory between micro-batches, written
 * out as Avro with a checkpoint; the query stopped, more files added, restarted from the checkpoint. The output,
 * read back through the sink's log, holds every input record exactly once, also when a task or a whole batch fails
 * on the way, and no data file outside the log is left behind.
 */
class FileStreamRestartTest {
  @TempDir Path dir;

  private Path in() {
    return dir.resolve("in");
  }

  private Path out() {
    return dir.resolve("out");
  }

  /** The input, at most {@code filesPerBatch} files per micro-batch, with {@code fault} applied to the id. */
  private Dataset<Row> source(UnaryOperator<Column> fault, int filesPerBatch) {
    Dataset<Row> files = LocalSpark.session().readStream().format(SinkOutput.LANCASTER)
        .schema(InputFiles.SPARK_SCHEMA).option("maxFilesPerTrigger", filesPerBatch).load(in().toString());
    return files.select(fault.apply(col("id")).as("id"), col("name"));
  }

  private StreamingQuery start(Dataset<Row> rows, Trigger trigger) throws TimeoutException {
    return rows.writeStream().format(SinkOutput.LANCASTER).option("checkpointLocation", dir.resolve("checkpoint")
        .toString()).trigger(trigger).start(out().toString());
  }

  /** Runs the query over what is there now (Trigger.AvailableNow) to its end; returns the ids of its batches. */
  private List<Long> runAvailableNow(UnaryOperator<Column> fault, int filesPerBatch) throws Exception {
    StreamingQuery q = start(source(fault, filesPerBatch), Trigger.AvailableNow());
    q.awaitTermination();
    return Arrays.stream(q.recentProgress()).filter(p -> p.numInputRows() > 0).map(StreamingQueryProgress::batchId)
        .toList();
  }

  private void assertExactlyOnce(long to) {
    assertThat(SinkOutput.ids(out())).isEqualTo(SinkOutput.range(0, to));
    assertThat(SinkOutput.apacheIds(out())).isEqualTo(SinkOutput.range(0, to));
    assertThat(SinkOutput.partFiles(out())).as("no file outside the sink's log")
        .isEqualTo(SinkOutput.loggedFiles(out()));
  }

  @Test
  void restartsFromTheCheckpointWritingEveryRecordOnce() throws Exception {
    InputFiles.add(in(), "f0", 0, 5);
    InputFiles.add(in(), "f1", 5, 10);
    assertThat(runAvailableNow(c -> c, 1)).as("one batch per file").containsExactly(0L, 1L);
    assertExactlyOnce(10);

    // a running query picks up files as they come
    InputFiles.add(in(), "f2", 10, 15);
    StreamingQuery running = start(source(c -> c, 1), Trigger.ProcessingTime(0));
    try {
      running.processAllAvailable();
      InputFiles.add(in(), "f3", 15, 20);
      running.processAllAvailable();
    } finally {
      running.stop();
    }
    assertExactlyOnce(20);

    // files added while stopped are read after the restart, and only they
    InputFiles.add(in(), "f4", 20, 25);
    InputFiles.add(in(), "f5", 25, 30);
    List<Long> batches = runAvailableNow(c -> c, 1);
    assertThat(batches).hasSize(2).allSatisfy(b -> assertThat(b).isGreaterThanOrEqualTo(4L));
    assertExactlyOnce(30);
  }

  @Test
  void aTaskRetriedInsideABatchWritesItsRowsOnce() throws Exception {
    InputFiles.add(in(), "f0", 0, 10);
    Faults faults = new Faults();
    runAvailableNow(c -> faults.failFirstAttempt(c, 7), 1);

    assertThat(faults.fired()).isEqualTo(1);
    assertExactlyOnce(10);
  }

  @Test
  void aBatchWhoseJobFailedIsWrittenOnceAfterTheRestart() throws Exception {
    InputFiles.add(in(), "f0", 0, 5);
    runAvailableNow(c -> c, 10);
    assertExactlyOnce(5);

    // the next batch reads two files in two tasks: one task commits its file, the other fails every attempt
    InputFiles.add(in(), "f1", 5, 10);
    InputFiles.add(in(), "f2", 10, 15);
    Faults faults = new Faults();
    Throwable error = catchThrowable(() -> runAvailableNow(c -> faults.failEveryAttempt(c, 7), 10));
    assertThat(error).isInstanceOf(StreamingQueryException.class);
    assertThat(faults.fired()).as("the shared session's 3 attempts").isEqualTo(3);
    assertExactlyOnce(5);

    // restarted without the fault: the failed batch runs again, from the offsets the checkpoint logged
    assertThat(runAvailableNow(c -> c, 10)).containsExactly(1L);
    assertExactlyOnce(15);
  }
}
