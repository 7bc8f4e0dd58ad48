package io.lancaster.spark.commit;

import io.lancaster.spark.LancasterShortName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext$;
import org.apache.spark.TaskContextImpl;
import org.apache.spark.TaskContextImpl$;
import org.apache.spark.executor.CommitDeniedException;
import org.apache.spark.internal.io.FileCommitProtocol;
import org.apache.spark.internal.io.FileNameSpec;
import org.apache.spark.scheduler.OutputCommitCoordinator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Option;

/**
 * One non-partitioned write job driven by hand through the pieces Spark's {@code FileFormatWriter} uses: the
 * session's commit protocol ({@code spark.sql.sources.commitProtocolClass}) and Lancaster's
 * {@code OutputWriterFactory} from {@code prepareWrite}, with the same Hadoop job and task attempt settings. Task
 * attempts are made as Spark makes them: the factory and protocol reach each attempt serialized, each attempt runs
 * on a thread of its own with a task context, and asks the driver's {@code OutputCommitCoordinator} (for a stage
 * registered here) for permission to commit. The test decides which attempts run when: what speculative execution
 * does, which a local SparkContext cannot (its task scheduler starts speculation only when not local, and a
 * speculative copy never runs on the host of the original, while local mode has one host).
 *
 * <p>This reaches into Spark internals that Java sees as public ({@code TaskContextImpl}, {@code SparkEnv}'s
 * coordinator), so it may need adapting to a new Spark version.
 */
final class HandDrivenWrite {
  /** The rows: {@code id bigint not null, name string not null}. */
  static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType, false)
      .add("name", DataTypes.StringType, false);

  /** Stage ids far above the ones the session's scheduler gives, so the coordinator keeps them apart. */
  private static final AtomicInteger STAGES = new AtomicInteger(1_000_000);

  private final int stage = STAGES.getAndIncrement();
  private final int partitions;
  private final Job job;
  private final JobID hadoopJobId = new JobID("20250101000000", 0);
  private final OutputWriterFactory factory;
  private final FileCommitProtocol committer;

  HandDrivenWrite(SparkSession spark, Path output, int partitions) throws IOException {
    this.partitions = partitions;
    job = Job.getInstance(spark.sessionState().newHadoopConf());
    job.setOutputKeyClass(Void.class);
    job.setOutputValueClass(InternalRow.class);
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(output.toString()));
    factory = new LancasterShortName().prepareWrite(spark, job, scala.collection.immutable.Map$.MODULE$.empty(),
        SCHEMA);
    committer = FileCommitProtocol.instantiate(spark.sessionState().conf().fileCommitProtocolClass(),
        UUID.randomUUID().toString(), output.toString(), false);
    committer.setupJob(job);
    coordinator().stageStart(stage, partitions - 1);
  }

  private static OutputCommitCoordinator coordinator() {
    return SparkEnv.get().outputCommitCoordinator();
  }

  Attempt attempt(int partition, int attemptNumber) throws Exception {
    return new Attempt(partition, attemptNumber);
  }

  /** Commits the job with the committed tasks' messages (the driver has seen each through onTaskCommit). */
  void commit(List<FileCommitProtocol.TaskCommitMessage> tasks) {
    tasks.forEach(committer::onTaskCommit);
    committer.commitJob(job, scala.jdk.javaapi.CollectionConverters.asScala(tasks).toList());
    coordinator().stageEnd(stage);
  }

  /** One task attempt: everything it does runs on its own thread, as a task's work does. */
  final class Attempt implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final FileCommitProtocol taskCommitter = copy(committer);
    private final TaskAttemptContext context;
    private final OutputWriter writer;

    private Attempt(int partition, int attemptNumber) throws Exception {
      TaskAttemptID id = new TaskAttemptID(new TaskID(hadoopJobId, TaskType.MAP, partition), attemptNumber);
      Configuration conf = new Configuration(job.getConfiguration());
      conf.set("mapreduce.job.id", hadoopJobId.toString());
      conf.set("mapreduce.task.id", id.getTaskID().toString());
      conf.set("mapreduce.task.attempt.id", id.toString());
      conf.setBoolean("mapreduce.task.ismap", true);
      conf.setInt("mapreduce.task.partition", 0);
      context = new TaskAttemptContextImpl(conf, id);
      OutputWriterFactory taskFactory = copy(factory);
      long taskAttemptId = ((long) partition << 16) + attemptNumber;
      writer = on(() -> {
        TaskContext$.MODULE$.setTaskContext(new TaskContextImpl(stage, 0, partition, taskAttemptId, attemptNumber,
            partitions, null, new Properties(), null, TaskContextImpl$.MODULE$.$lessinit$greater$default$10(),
            TaskContextImpl$.MODULE$.$lessinit$greater$default$11(),
            TaskContextImpl$.MODULE$.$lessinit$greater$default$12()));
        taskCommitter.setupTask(context);
        String ext = taskFactory.getFileExtension(context);
        String path = taskCommitter.newTaskTempFile(context, Option.empty(), FileNameSpec.apply("", "-c000" + ext));
        return taskFactory.newInstance(path, SCHEMA, context);
      });
    }

    /** Writes the rows {@code (id, name)} for ids [from, to). */
    void write(long from, long to, String name) throws Exception {
      startWriting(from, to, name).get();
    }

    /** Starts writing the rows {@code (id, name)} for ids [from, to), without waiting. */
    Future<Void> startWriting(long from, long to, String name) {
      return thread.submit(() -> {
        for (long id = from; id < to; id++) {
          writer.write(new GenericInternalRow(new Object[] {id, UTF8String.fromString(name)}));
        }
        return null;
      });
    }

    /** Starts the task's end: closes the file and asks to commit; a denied attempt is aborted, as Spark does. */
    Future<Optional<FileCommitProtocol.TaskCommitMessage>> startCommit() {
      return thread.submit(() -> {
        writer.close();
        try {
          return Optional.of(taskCommitter.commitTask(context));
        } catch (Exception e) { // Scala throws CommitDeniedException undeclared
          if (!(e instanceof CommitDeniedException)) {
            throw e;
          }
          taskCommitter.abortTask(context);
          return Optional.empty();
        }
      });
    }

    /** Closes the file and commits the task, which must be allowed to. */
    FileCommitProtocol.TaskCommitMessage closeAndCommit() throws Exception {
      return startCommit().get().orElseThrow(() -> new AssertionError("commit denied"));
    }

    /** Closes the file (a killed task's cleanup) and aborts the task. */
    void closeAndAbort() throws Exception {
      on(() -> {
        writer.close();
        taskCommitter.abortTask(context);
        return null;
      });
    }

    private <T> T on(Callable<T> body) throws Exception {
      return thread.submit(body).get();
    }

    @Override
    public void close() {
      thread.submit(TaskContext$.MODULE$::unset);
      thread.shutdown();
    }
  }

  /** A copy through Java serialization, as a task receives what the driver made. */
  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ObjectInputStream in = new ContextClassLoaderInput(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Resolves classes by the thread's context class loader (the test class path), as Spark's serializer does. */
  private static final class ContextClassLoaderInput extends ObjectInputStream {
    ContextClassLoaderInput(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      return Class.forName(desc.getName(), false, Thread.currentThread().getContextClassLoader());
    }
  }
}
