package io.lancaster.hadoop.mapred;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroWrapper;
import io.lancaster.hadoop.output.NamedOutputNames;
import io.lancaster.hadoop.output.OutputSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.OutputFormat;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Writes Avro data to several outputs from one old-API task, as avro-mapred's {@code mapred.AvroMultipleOutputs}
 * (without its "multi" named outputs): each named output has its own output format (an {@link AvroOutputFormat}
 * by default) and schema, and each base path its own file {@code <base>-r-00000.avro} in the task's work output
 * path, committed or discarded with the task. The job setup uses avro-mapred's configuration keys.
 *
 * <p>Base paths are relative to the output directory ("stats/2024-01-01"); absolute paths and ".." are refused.
 * Thread-safe.
 */
public class AvroMultipleOutputs {
  private static final String NAMED_OUTPUTS = "mo.namedOutputs";
  private static final String PREFIX = "mo.namedOutput.";
  private static final String FORMAT = ".avro";
  private static final String SCHEMA = ".schema";
  private static final String COUNTERS_ENABLED = "mo.counters";
  /** The group of the per-output record counters. */
  public static final String COUNTERS_GROUP = AvroMultipleOutputs.class.getName();

  private final JobConf job;
  private final List<String> namedOutputs;
  private final boolean countersEnabled;
  private final Map<String, Open> writers = new LinkedHashMap<>();

  private record Open(String namedOutput, Schema schema, RecordWriter<Object, Object> writer) {}

  // ---- job setup

  /** Adds a named output written by {@code outputFormatClass} with {@code schema} (null: the job's output schema). */
  public static void addNamedOutput(JobConf conf, String namedOutput,
      Class<? extends OutputFormat> outputFormatClass, Schema schema) {
    NamedOutputNames.checkName(namedOutput);
    if (namedOutputs(conf).contains(namedOutput)) {
      throw new IllegalArgumentException("named output \"" + namedOutput + "\" is already defined");
    }
    conf.set(NAMED_OUTPUTS, (conf.get(NAMED_OUTPUTS, "") + " " + namedOutput).trim());
    conf.setClass(PREFIX + namedOutput + FORMAT, outputFormatClass, OutputFormat.class);
    if (schema != null) {
      conf.set(PREFIX + namedOutput + SCHEMA, schema.toString());
    }
  }

  /** Counts the records of each named output in the counter group {@link #COUNTERS_GROUP}; off by default. */
  public static void setCountersEnabled(JobConf conf, boolean enabled) {
    conf.setBoolean(COUNTERS_ENABLED, enabled);
  }

  public static boolean getCountersEnabled(JobConf conf) {
    return conf.getBoolean(COUNTERS_ENABLED, false);
  }

  /** The named outputs defined in {@code conf}, in the order they were added. */
  public static List<String> namedOutputs(JobConf conf) {
    List<String> names = new ArrayList<>();
    for (String n : conf.get(NAMED_OUTPUTS, "").trim().split("\\s+")) {
      if (!n.isEmpty()) {
        names.add(n);
      }
    }
    return names;
  }

  // ---- in the task

  /** Multiple outputs of the task configured by {@code job} (the JobConf given to the mapper's or reducer's configure). */
  public AvroMultipleOutputs(JobConf job) {
    this.job = job;
    this.namedOutputs = namedOutputs(job);
    this.countersEnabled = getCountersEnabled(job);
  }

  /** Writes {@code datum} to the named output's file {@code <namedOutput>-r-00000.avro}. */
  public void collect(String namedOutput, Reporter reporter, Object datum) throws IOException {
    collect(namedOutput, reporter, null, datum, namedOutput);
  }

  /** As {@link #collect(String, Reporter, Object)}, with {@code schema} instead of the named output's. */
  public void collect(String namedOutput, Reporter reporter, Schema schema, Object datum) throws IOException {
    collect(namedOutput, reporter, schema, datum, namedOutput);
  }

  /**
   * Writes {@code datum} to the named output's file {@code <baseOutputPath>-r-00000.avro}, with {@code schema} (or
   * the named output's when null). The schema is fixed when the file is opened: a later call for the same base path
   * with another schema is refused.
   */
  public void collect(String namedOutput, Reporter reporter, Schema schema, Object datum, String baseOutputPath)
      throws IOException {
    if (!namedOutputs.contains(namedOutput)) {
      throw new IllegalArgumentException("named output \"" + namedOutput + "\" is not defined; defined: "
          + namedOutputs);
    }
    writer(namedOutput, schema, baseOutputPath, reporter).write(new AvroWrapper<>(datum), NullWritable.get());
    if (countersEnabled && reporter != null) {
      reporter.incrCounter(COUNTERS_GROUP, namedOutput, 1);
    }
  }

  /** Closes every file opened, even when one fails (the first failure is thrown, the others suppressed). */
  public synchronized void close() throws IOException {
    IOException failure = null;
    for (Open o : writers.values()) {
      try {
        o.writer.close(Reporter.NULL);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    writers.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private synchronized RecordWriter<Object, Object> writer(String namedOutput, Schema schema, String base,
      Reporter reporter) throws IOException {
    NamedOutputNames.checkBasePath(base);
    Open open = writers.get(base);
    if (open != null) {
      if (!open.namedOutput.equals(namedOutput)) {
        throw new IllegalArgumentException("base output path \"" + base + "\" is already written by named output \""
            + open.namedOutput + "\"");
      }
      if (schema != null && !schema.equals(open.schema)) {
        throw new IllegalArgumentException("base output path \"" + base + "\" is already written with schema "
            + open.schema + ", not " + schema);
      }
      return open.writer;
    }
    JobConf conf = new JobConf(job);
    Schema s = schema != null ? schema : OutputSchemas.get(job, PREFIX + namedOutput + SCHEMA);
    if (s != null) {
      conf.set(AvroConfigKeys.OUTPUT_SCHEMA, s.toString());
      conf.unset(AvroConfigKeys.MAP_OUTPUT_SCHEMA);
    } else {
      s = OutputSchemas.oldApiOutput(conf, conf.getNumReduceTasks() == 0);
    }
    Class<?> formatClass = conf.getClass(PREFIX + namedOutput + FORMAT, AvroOutputFormat.class, OutputFormat.class);
    @SuppressWarnings("unchecked")
    OutputFormat<Object, Object> format = (OutputFormat<Object, Object>) ReflectionUtils.newInstance(formatClass,
        conf);
    RecordWriter<Object, Object> writer = format.getRecordWriter(null, conf, FileOutputFormat.getUniqueName(conf, base),
        reporter == null ? Reporter.NULL : reporter);
    writers.put(base, new Open(namedOutput, s, writer));
    return writer;
  }
}
