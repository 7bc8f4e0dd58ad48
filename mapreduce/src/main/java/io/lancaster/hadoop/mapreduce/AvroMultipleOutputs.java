package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.output.NamedOutputNames;
import io.lancaster.hadoop.output.Syncable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Writes Avro data to several outputs from one task, as avro-mapred's class of the same name: each named output has
 * its own output format and schemas, and each (named output, base path) pair its own file
 * {@code <base>-r-00000.avro} in the task attempt's work directory, so named outputs are committed (or discarded)
 * with the task's main output. The job setup uses avro-mapred's configuration keys.
 *
 * <pre>{@code
 * // job setup
 * AvroMultipleOutputs.addNamedOutput(job, "errors", AvroKeyOutputFormat.class, errorSchema);
 * AvroMultipleOutputs.addNamedOutput(job, "stats", AvroKeyValueOutputFormat.class, keySchema, valueSchema);
 * // in the task: setup(), reduce(), cleanup()
 * outputs = new AvroMultipleOutputs(context);
 * outputs.write("errors", new AvroKey<>(error));
 * outputs.write("stats", new AvroKey<>(k), new AvroValue<>(v), "stats/" + day);
 * outputs.close();
 * }</pre>
 *
 * <p>Base paths are relative to the output directory and may hold directories ("stats/2024-01-01"); absolute paths
 * and ".." are refused, since a file outside the work directory would escape the committer. Thread-safe.
 */
public class AvroMultipleOutputs {
  private static final String NAMED_OUTPUTS = "avro.mapreduce.multipleoutputs";
  private static final String PREFIX = "avro.mapreduce.multipleoutputs.namedOutput.";
  private static final String FORMAT = ".format";
  private static final String KEY_SCHEMA = ".keyschema";
  private static final String VALUE_SCHEMA = ".valueschema";
  private static final String COUNTERS_ENABLED = "avro.mapreduce.multipleoutputs.counters";
  /** FileOutputFormat's key for the base name of output files ("part" by default). */
  private static final String BASE_OUTPUT_NAME = "mapreduce.output.basename";
  /** The group of the per-output record counters. */
  public static final String COUNTERS_GROUP = AvroMultipleOutputs.class.getName();

  private final TaskAttemptContext context;
  private final List<String> namedOutputs;
  private final boolean countersEnabled;
  /** Open writers by base output path, with the named output that owns each path. */
  private final Map<String, OpenOutput> writers = new LinkedHashMap<>();

  private record OpenOutput(String namedOutput, RecordWriter<Object, Object> writer, TaskAttemptContext context) {}

  // ---- job setup

  /** Adds a named output writing keys only (with {@link AvroKeyOutputFormat}, say) with {@code keySchema}. */
  public static void addNamedOutput(Job job, String namedOutput,
      Class<? extends OutputFormat> outputFormatClass, Schema keySchema) {
    addNamedOutput(job, namedOutput, outputFormatClass, keySchema, null);
  }

  /**
   * Adds a named output with its format and the schemas of its keys and values (either may be null: the job's own
   * output schemas apply then).
   *
   * @param namedOutput letters and digits only, not "part" (the job's main output)
   */
  public static void addNamedOutput(Job job, String namedOutput,
      Class<? extends OutputFormat> outputFormatClass, Schema keySchema, Schema valueSchema) {
    NamedOutputNames.checkName(namedOutput);
    Configuration conf = job.getConfiguration();
    if (namedOutputs(conf).contains(namedOutput)) {
      throw new IllegalArgumentException("named output \"" + namedOutput + "\" is already defined");
    }
    conf.set(NAMED_OUTPUTS, (conf.get(NAMED_OUTPUTS, "") + " " + namedOutput).trim());
    conf.setClass(PREFIX + namedOutput + FORMAT, outputFormatClass, OutputFormat.class);
    if (keySchema != null) {
      conf.set(PREFIX + namedOutput + KEY_SCHEMA, keySchema.toString());
    }
    if (valueSchema != null) {
      conf.set(PREFIX + namedOutput + VALUE_SCHEMA, valueSchema.toString());
    }
  }

  /** Counts the records of each named output in the counter group {@link #COUNTERS_GROUP}; off by default. */
  public static void setCountersEnabled(Job job, boolean enabled) {
    job.getConfiguration().setBoolean(COUNTERS_ENABLED, enabled);
  }

  public static boolean getCountersEnabled(JobContext job) {
    return job.getConfiguration().getBoolean(COUNTERS_ENABLED, false);
  }

  /** The named outputs defined in {@code conf}, in the order they were added. */
  public static List<String> namedOutputs(Configuration conf) {
    List<String> names = new ArrayList<>();
    for (String n : conf.get(NAMED_OUTPUTS, "").trim().split("\\s+")) {
      if (!n.isEmpty()) {
        names.add(n);
      }
    }
    return names;
  }

  // ---- in the task

  /** Multiple outputs of the task of {@code context}; create it in the task's setup, close it in its cleanup. */
  public AvroMultipleOutputs(TaskAttemptContext context) {
    this.context = context;
    this.namedOutputs = namedOutputs(context.getConfiguration());
    this.countersEnabled = getCountersEnabled(context);
  }

  /** Writes {@code key} (with a NullWritable value) to the named output's file {@code <namedOutput>-r-00000.avro}. */
  public void write(String namedOutput, Object key) throws IOException, InterruptedException {
    write(namedOutput, key, NullWritable.get(), namedOutput);
  }

  /** Writes a pair to the named output's file {@code <namedOutput>-r-00000.avro}. */
  public void write(String namedOutput, Object key, Object value) throws IOException, InterruptedException {
    write(namedOutput, key, value, namedOutput);
  }

  /** Writes a pair to the named output's file {@code <baseOutputPath>-r-00000.avro}. */
  public void write(String namedOutput, Object key, Object value, String baseOutputPath)
      throws IOException, InterruptedException {
    checkDefined(namedOutput);
    writer(namedOutput, baseOutputPath).write(key, value);
  }

  /** Writes a pair with the job's own output format and schemas to {@code <baseOutputPath>-r-00000.avro}. */
  public void write(Object key, Object value, String baseOutputPath) throws IOException, InterruptedException {
    writer(null, baseOutputPath).write(key, value);
  }

  /**
   * Ends the current block of a named output's file and returns the position of the next block, or -1 if its
   * format's record writer is not {@link Syncable}.
   */
  public long sync(String namedOutput, String baseOutputPath) throws IOException, InterruptedException {
    checkDefined(namedOutput);
    RecordWriter<Object, Object> w = writer(namedOutput, baseOutputPath);
    if (w instanceof CountingWriter c) {
      w = c.writer;
    }
    return w instanceof Syncable s ? s.sync() : -1;
  }

  /** Closes every file opened, even when one fails (the first failure is thrown, the others suppressed). */
  public synchronized void close() throws IOException, InterruptedException {
    Exception failure = null;
    for (OpenOutput o : writers.values()) {
      try {
        o.writer.close(o.context);
      } catch (IOException | InterruptedException | RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    writers.clear();
    if (failure instanceof IOException e) {
      throw e;
    } else if (failure instanceof InterruptedException e) {
      throw e;
    } else if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  private synchronized RecordWriter<Object, Object> writer(String namedOutput, String baseOutputPath)
      throws IOException, InterruptedException {
    NamedOutputNames.checkBasePath(baseOutputPath);
    OpenOutput open = writers.get(baseOutputPath);
    if (open != null) {
      if (!Objects.equals(open.namedOutput, namedOutput)) {
        throw new IllegalArgumentException("base output path \"" + baseOutputPath + "\" is already written by "
            + (open.namedOutput == null ? "the job's output format" : "named output \"" + open.namedOutput + "\""));
      }
      return open.writer;
    }
    TaskAttemptContext outputContext = outputContext(namedOutput, baseOutputPath);
    OutputFormat<Object, Object> format = newFormat(outputContext, namedOutput);
    RecordWriter<Object, Object> w = format.getRecordWriter(outputContext);
    if (countersEnabled) {
      w = new CountingWriter(w, context.getCounter(COUNTERS_GROUP, namedOutput == null ? baseOutputPath
          : namedOutput));
    }
    writers.put(baseOutputPath, new OpenOutput(namedOutput, w, outputContext));
    return w;
  }

  @SuppressWarnings("unchecked")
  private static OutputFormat<Object, Object> newFormat(TaskAttemptContext outputContext, String namedOutput)
      throws IOException {
    try {
      return (OutputFormat<Object, Object>) ReflectionUtils.newInstance(outputContext.getOutputFormatClass(),
          outputContext.getConfiguration());
    } catch (ClassNotFoundException e) {
      throw new IOException("output format of " + (namedOutput == null ? "the job" : "named output \""
          + namedOutput + "\"") + " not found: " + e.getMessage(), e);
    }
  }

  /** A task context whose configuration says the named output's format, schemas and base file name. */
  private TaskAttemptContext outputContext(String namedOutput, String baseOutputPath) {
    Configuration conf = new Configuration(context.getConfiguration());
    conf.unset(AvroOutputFormatBase.AVRO_MAPRED_NAMED_OUTPUT);
    conf.set(BASE_OUTPUT_NAME, baseOutputPath);
    if (namedOutput != null) {
      conf.set(MRJobConfig.OUTPUT_FORMAT_CLASS_ATTR, conf.get(PREFIX + namedOutput + FORMAT));
      String key = conf.get(PREFIX + namedOutput + KEY_SCHEMA);
      if (key != null) {
        conf.set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, key);
        conf.unset(AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA);
        conf.setClass(MRJobConfig.OUTPUT_KEY_CLASS, AvroKey.class, Object.class);
      }
      String value = conf.get(PREFIX + namedOutput + VALUE_SCHEMA);
      if (value != null) {
        conf.set(AvroConfigKeys.OUTPUT_VALUE_SCHEMA, value);
        conf.unset(AvroConfigKeys.MAP_OUTPUT_VALUE_WRITER_SCHEMA);
        conf.setClass(MRJobConfig.OUTPUT_VALUE_CLASS, AvroValue.class, Object.class);
      }
    }
    return new TaskAttemptContextImpl(conf, context.getTaskAttemptID(), new ParentReporter(context));
  }

  private void checkDefined(String namedOutput) {
    if (!namedOutputs.contains(namedOutput)) {
      throw new IllegalArgumentException("named output \"" + namedOutput + "\" is not defined; defined: "
          + namedOutputs);
    }
  }

  /** Counts the records of one output. */
  private static final class CountingWriter extends RecordWriter<Object, Object> {
    private final RecordWriter<Object, Object> writer;
    private final Counter counter;

    CountingWriter(RecordWriter<Object, Object> writer, Counter counter) {
      this.writer = writer;
      this.counter = counter;
    }

    @Override
    public void write(Object key, Object value) throws IOException, InterruptedException {
      writer.write(key, value);
      counter.increment(1);
    }

    @Override
    public void close(TaskAttemptContext c) throws IOException, InterruptedException {
      writer.close(c);
    }
  }

  /** Passes the named outputs' progress, status and counters on to the task's own context. */
  private static final class ParentReporter extends StatusReporter {
    private final TaskAttemptContext parent;

    ParentReporter(TaskAttemptContext parent) {
      this.parent = parent;
    }

    @Override
    public Counter getCounter(Enum<?> name) {
      return parent.getCounter(name);
    }

    @Override
    public Counter getCounter(String group, String name) {
      return parent.getCounter(group, name);
    }

    @Override
    public void progress() {
      parent.progress();
    }

    @Override
    public float getProgress() {
      return parent.getProgress();
    }

    @Override
    public void setStatus(String status) {
      parent.setStatus(status);
    }
  }
}
