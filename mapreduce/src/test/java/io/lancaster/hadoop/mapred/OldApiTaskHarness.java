package io.lancaster.hadoop.mapred;

import io.lancaster.hadoop.output.OutputFixtures;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.FileOutputCommitter;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.JobContext;
import org.apache.hadoop.mapred.JobContextImpl;
import org.apache.hadoop.mapred.TaskAttemptContext;
import org.apache.hadoop.mapred.TaskAttemptContextImpl;
import org.apache.hadoop.mapred.TaskAttemptID;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * Drives the old API's output side by hand, as its framework does: the job's FileOutputCommitter is set up, each
 * task attempt gets a JobConf naming the attempt, and the attempt is committed or aborted.
 */
final class OldApiTaskHarness {
  final JobConf job;
  final JobContext jobContext;
  final FileOutputCommitter committer = new FileOutputCommitter();

  OldApiTaskHarness(Configuration conf, java.nio.file.Path outDir) throws IOException {
    this.job = new JobConf(conf);
    FileOutputFormat.setOutputPath(job, new Path(outDir.toUri()));
    this.jobContext = new JobContextImpl(job, new JobID("mrout", 7));
    committer.setupJob(jobContext);
  }

  /** The configuration a task attempt runs with. */
  JobConf attempt(TaskType type, int task, int attempt) throws IOException {
    JobConf conf = new JobConf(job);
    TaskAttemptID id = TaskAttemptID.downgrade(OutputFixtures.attempt(type, task, attempt));
    conf.set(MRJobConfig.TASK_ATTEMPT_ID, id.toString());
    conf.setInt(MRJobConfig.TASK_PARTITION, task);
    conf.setBoolean(MRJobConfig.TASK_ISMAP, type == TaskType.MAP);
    committer.setupTask(context(conf));
    return conf;
  }

  static TaskAttemptContext context(JobConf attempt) {
    return new TaskAttemptContextImpl(attempt, TaskAttemptID.forName(attempt.get(MRJobConfig.TASK_ATTEMPT_ID)));
  }

  void commit(JobConf attempt) throws IOException {
    TaskAttemptContext c = context(attempt);
    if (committer.needsTaskCommit(c)) {
      committer.commitTask(c);
    }
  }

  void abort(JobConf attempt) throws IOException {
    committer.abortTask(context(attempt));
  }

  void commitJob() throws IOException {
    committer.commitJob(jobContext);
  }
}
