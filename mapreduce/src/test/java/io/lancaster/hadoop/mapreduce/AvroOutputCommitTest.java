package io.lancaster.hadoop.mapreduce;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.readApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.output.OutputFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Task attempts that fail, are killed or run speculatively never leave partial or duplicate files: the output format
 * writes into the attempt's work directory and only the committed attempt's file reaches the output directory.
 */
class AvroOutputCommitTest {
  @TempDir
  Path tmp;
  private Path out;
  private OutputTaskHarness job;

  /** Starts the job with FileOutputCommitter's algorithm 1 (publish at job commit) or 2 (at task commit). */
  private void start(int algorithm) throws Exception {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, EVENT.toString());
    conf.setBoolean(FileOutputFormat.COMPRESS, true);
    conf.setInt(AvroConfigKeys.SYNC_INTERVAL, 1024);
    conf.setInt(FileOutputCommitter.FILEOUTPUTCOMMITTER_ALGORITHM_VERSION, algorithm);
    out = tmp.resolve("out");
    job = new OutputTaskHarness(conf, out);
  }

  private RecordWriter<AvroKey<GenericRecord>, NullWritable> write(TaskAttemptContext attempt,
      List<GenericRecord> records) throws Exception {
    RecordWriter<AvroKey<GenericRecord>, NullWritable> writer = job.open(new AvroKeyOutputFormat<>(), attempt);
    for (GenericRecord r : records) {
      writer.write(new AvroKey<>(r), NullWritable.get());
    }
    return writer;
  }

  @ParameterizedTest(name = "algorithm {0}")
  @ValueSource(ints = {1, 2})
  void aFailedAttemptLeavesNothingAndTheRetryPublishesOneWholeFile(int algorithm) throws Exception {
    start(algorithm);
    List<GenericRecord> records = events(10, 600, 0);
    TaskAttemptContext first = job.attempt(TaskType.REDUCE, 0, 0);
    write(first, records.subList(0, 250)); // the task dies: its writer is never closed
    job.abort(first);

    TaskAttemptContext retry = job.attempt(TaskType.REDUCE, 0, 1);
    write(retry, records).close(retry);
    job.commit(retry);
    job.commitJob();

    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro");
    assertThat(Files.exists(out.resolve("_temporary"))).isFalse();
    assertThat(readCore(out.resolve("part-r-00000.avro"))).isEqualTo(records);
    assertThat(readApache(out.resolve("part-r-00000.avro"), EVENT)).isEqualTo(records);
  }

  @ParameterizedTest(name = "algorithm {0}")
  @ValueSource(ints = {1, 2})
  void ofTwoSpeculativeAttemptsOnlyTheCommittedOneIsPublished(int algorithm) throws Exception {
    start(algorithm);
    List<GenericRecord> slow = events(11, 300, 0);
    List<GenericRecord> fast = events(12, 300, 0);
    TaskAttemptContext a0 = job.attempt(TaskType.REDUCE, 0, 0);
    TaskAttemptContext a1 = job.attempt(TaskType.REDUCE, 0, 1);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> w0 = write(a0, slow);
    write(a1, fast).close(a1);
    job.commit(a1);
    w0.close(a0); // the slower attempt finishes too, and is killed before it commits
    job.abort(a0);
    job.commitJob();

    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro");
    assertThat(readCore(out.resolve("part-r-00000.avro"))).isEqualTo(fast);
  }

  @Test
  void withAlgorithmOneNothingReachesTheOutputDirectoryBeforeTheJobCommit() throws Exception {
    start(1);
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    write(attempt, events(13, 100, 0)).close(attempt);

    assertThat(visibleFiles(out)).singleElement().asString()
        .startsWith("_temporary/")
        .contains(attempt.getTaskAttemptID().toString())
        .endsWith("/part-r-00000.avro");
    job.commit(attempt);
    assertThat(visibleFiles(out)).noneMatch(f -> f.equals("part-r-00000.avro"));
    job.commitJob();
    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro");
  }

  @ParameterizedTest(name = "algorithm {0}")
  @ValueSource(ints = {1, 2})
  void eachTaskPublishesItsOwnFile(int algorithm) throws Exception {
    start(algorithm);
    for (int task = 0; task < 3; task++) {
      TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, task, 0);
      write(attempt, events(20 + task, 50, task * 50L)).close(attempt);
      job.commit(attempt);
    }
    job.commitJob();
    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro", "part-r-00001.avro", "part-r-00002.avro");
    for (int task = 0; task < 3; task++) {
      assertThat(readCore(out.resolve(String.format("part-r-%05d.avro", task))))
          .isEqualTo(events(20 + task, 50, task * 50L));
    }
  }

  @Test
  void withAlgorithmOneAnAbortedJobPublishesNothing() throws Exception {
    start(1);
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    write(attempt, events(14, 100, 0)).close(attempt);
    job.commit(attempt);
    job.jobCommitter.abortJob(job.job, JobStatus.State.FAILED);
    assertThat(visibleFiles(out)).isEmpty();
  }
}
