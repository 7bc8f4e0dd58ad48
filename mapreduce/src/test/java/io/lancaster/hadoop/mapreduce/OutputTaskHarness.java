package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.output.OutputFixtures;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * Drives the output side of tasks by hand, as the MapReduce framework does: the job's FileOutputCommitter is set up,
 * each task attempt gets a record writer from the output format, and the attempt is then committed or aborted.
 */
final class OutputTaskHarness {
  final Configuration conf;
  final Path outDir;
  final JobContext job;
  final FileOutputCommitter jobCommitter;

  /** A job writing to {@code outDir} (which must not exist yet) with the settings of {@code conf}. */
  OutputTaskHarness(Configuration conf, java.nio.file.Path outDir) throws IOException {
    this.conf = new Configuration(conf);
    this.outDir = new Path(outDir.toUri());
    this.conf.set(FileOutputFormat.OUTDIR, this.outDir.toString());
    this.job = new JobContextImpl(this.conf, new JobID("mrout", 7));
    this.jobCommitter = new FileOutputCommitter(this.outDir, job);
    jobCommitter.setupJob(job);
  }

  TaskAttemptContext attempt(TaskType type, int task, int attempt) {
    return new TaskAttemptContextImpl(job.getConfiguration(), OutputFixtures.attempt(type, task, attempt));
  }

  /**
   * Sets the attempt up and opens its record writer. Give each attempt a new format instance, as the framework
   * does: a FileOutputFormat keeps the committer (and so the work directory) of the first attempt it saw.
   */
  <K, V> RecordWriter<K, V> open(OutputFormat<K, V> format, TaskAttemptContext attempt)
      throws IOException, InterruptedException {
    format.getOutputCommitter(attempt).setupTask(attempt);
    return format.getRecordWriter(attempt);
  }

  /** Commits the attempt, with a committer of its own as the framework makes one per task. */
  void commit(TaskAttemptContext attempt) throws IOException {
    FileOutputCommitter committer = new FileOutputCommitter(outDir, attempt);
    if (committer.needsTaskCommit(attempt)) {
      committer.commitTask(attempt);
    }
  }

  void abort(TaskAttemptContext attempt) throws IOException {
    new FileOutputCommitter(outDir, attempt).abortTask(attempt);
  }

  void commitJob() throws IOException {
    jobCommitter.commitJob(job);
  }

  /** Writes {@code keys} (with {@code value} each) in one reduce task attempt, commits it and the job. */
  <K, V> void writeAndCommit(OutputFormat<K, V> format, Iterable<? extends K> keys, V value)
      throws IOException, InterruptedException {
    TaskAttemptContext attempt = attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<K, V> writer = open(format, attempt);
    for (K k : keys) {
      writer.write(k, value);
    }
    writer.close(attempt);
    commit(attempt);
    commitJob();
  }
}
