package io.lancaster.hadoop.mapreduce;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.readApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.output.KeyValuePairSchema;
import io.lancaster.hadoop.output.OutputFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroMultipleOutputsTest {
  private static final Schema LONG = PrimitiveSchema.of(Schema.Type.LONG);
  private static final Schema STRING = PrimitiveSchema.of(Schema.Type.STRING);

  @TempDir
  Path tmp;

  /** A job whose main output is events, with named outputs "ids" (longs) and "byname" (string/event pairs). */
  private Job job() throws Exception {
    Job job = Job.getInstance(OutputFixtures.localConf(tmp));
    job.getConfiguration().set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, EVENT.toString());
    AvroMultipleOutputs.addNamedOutput(job, "ids", AvroKeyOutputFormat.class, LONG);
    AvroMultipleOutputs.addNamedOutput(job, "byname", AvroKeyValueOutputFormat.class, STRING, EVENT);
    return job;
  }

  /** Writes {@code events} to the main output and to the named outputs in one task attempt, without committing. */
  private void writeAll(OutputTaskHarness harness, TaskAttemptContext attempt, List<GenericRecord> events)
      throws Exception {
    RecordWriter<AvroKey<GenericRecord>, NullWritable> main = harness.open(new AvroKeyOutputFormat<>(), attempt);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    for (GenericRecord e : events) {
      main.write(new AvroKey<>(e), NullWritable.get());
      outputs.write("ids", new AvroKey<>(e.get("id")));
      AvroKey<Object> name = new AvroKey<>(e.get("name"));
      AvroValue<GenericRecord> value = new AvroValue<>(e);
      outputs.write("byname", name, value);
      outputs.write("byname", name, value, "kinds/" + ((GenericEnum) e.get("kind")).symbol());
    }
    outputs.close();
    main.close(attempt);
  }

  @Test
  void namedOutputsWriteTheirOwnFilesWithTheirOwnSchemas() throws Exception {
    List<GenericRecord> events = events(40, 300, 0);
    OutputTaskHarness harness = new OutputTaskHarness(job().getConfiguration(), tmp.resolve("out"));
    TaskAttemptContext attempt = harness.attempt(TaskType.REDUCE, 2, 0);
    writeAll(harness, attempt, events);
    harness.commit(attempt);
    harness.commitJob();

    Path out = tmp.resolve("out");
    assertThat(visibleFiles(out)).containsExactly("byname-r-00002.avro", "ids-r-00002.avro",
        "kinds/A-r-00002.avro", "kinds/B-r-00002.avro", "kinds/C-r-00002.avro", "part-r-00002.avro");
    assertThat(readCore(out.resolve("part-r-00002.avro"))).isEqualTo(events);
    assertThat(readCore(out.resolve("ids-r-00002.avro"))).isEqualTo(events.stream().map(e -> e.get("id")).toList());
    RecordSchema pair = KeyValuePairSchema.of(STRING, EVENT);
    List<Object> pairs = new ArrayList<>();
    Map<String, List<Object>> byKind = new TreeMap<>();
    for (GenericRecord e : events) {
      GenericRecord p = new GenericRecord(pair).put("key", e.get("name")).put("value", e);
      pairs.add(p);
      byKind.computeIfAbsent(((GenericEnum) e.get("kind")).symbol(), k -> new ArrayList<>()).add(p);
    }
    assertThat(readCore(out.resolve("byname-r-00002.avro"))).isEqualTo(pairs);
    assertThat(readApache(out.resolve("byname-r-00002.avro"), pair)).isEqualTo(pairs);
    for (Map.Entry<String, List<Object>> kind : byKind.entrySet()) {
      assertThat(readCore(out.resolve("kinds/" + kind.getKey() + "-r-00002.avro"))).isEqualTo(kind.getValue());
    }
  }

  @Test
  void namedOutputsOfAFailedAttemptAreDiscardedWithIt() throws Exception {
    OutputTaskHarness harness = new OutputTaskHarness(job().getConfiguration(), tmp.resolve("out"));
    TaskAttemptContext failed = harness.attempt(TaskType.REDUCE, 0, 0);
    writeAll(harness, failed, events(41, 100, 0));
    harness.abort(failed);
    TaskAttemptContext retry = harness.attempt(TaskType.REDUCE, 0, 1);
    List<GenericRecord> events = events(42, 100, 1000);
    writeAll(harness, retry, events);
    harness.commit(retry);
    harness.commitJob();

    Path out = tmp.resolve("out");
    assertThat(visibleFiles(out)).hasSize(6).allMatch(f -> f.endsWith("-r-00000.avro"));
    assertThat(readCore(out.resolve("ids-r-00000.avro"))).isEqualTo(events.stream().map(e -> e.get("id")).toList());
    assertThat(readCore(out.resolve("part-r-00000.avro"))).isEqualTo(events);
  }

  @Test
  void inMapOnlyJobsTheNamedOutputSchemaWinsOverTheMapOutputSchema() throws Exception {
    Job job = job();
    job.setNumReduceTasks(0);
    job.getConfiguration().set(AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA, EVENT.toString());
    OutputTaskHarness harness = new OutputTaskHarness(job.getConfiguration(), tmp.resolve("out"));
    TaskAttemptContext attempt = harness.attempt(TaskType.MAP, 0, 0);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    outputs.write("ids", new AvroKey<>(7L));
    outputs.close();
    harness.commit(attempt);
    harness.commitJob();
    try (DataFileReader<Object> reader = DataFileReader.open(tmp.resolve("out/ids-m-00000.avro"))) {
      assertThat(reader.schema()).isEqualTo(LONG);
      assertThat(reader.next()).isEqualTo(7L);
    }
  }

  @Test
  void writingWithoutANamedOutputUsesTheJobsFormatUnderAnotherName() throws Exception {
    Job job = job();
    job.setOutputFormatClass(TextOutputFormat.class); // any FileOutputFormat: the base name is Hadoop's own key
    OutputTaskHarness harness = new OutputTaskHarness(job.getConfiguration(), tmp.resolve("out"));
    TaskAttemptContext attempt = harness.attempt(TaskType.REDUCE, 0, 0);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    outputs.write(new Text("k"), new Text("v"), "side/text");
    outputs.write("ids", new AvroKey<>(1L), NullWritable.get(), "side/ids");
    outputs.close();
    harness.commit(attempt);
    harness.commitJob();
    assertThat(visibleFiles(tmp.resolve("out"))).containsExactly("side/ids-r-00000.avro", "side/text-r-00000");
    assertThat(java.nio.file.Files.readString(tmp.resolve("out/side/text-r-00000"))).isEqualTo("k\tv\n");
  }

  @Test
  void countsRecordsPerNamedOutputWhenEnabled() throws Exception {
    Job job = job();
    AvroMultipleOutputs.setCountersEnabled(job, true);
    OutputTaskHarness harness = new OutputTaskHarness(job.getConfiguration(), tmp.resolve("out"));
    Counters counters = new Counters();
    TaskAttemptContext attempt = new TaskAttemptContextImpl(harness.job.getConfiguration(),
        OutputFixtures.attempt(TaskType.REDUCE, 0, 0), new CountersReporter(counters));
    new org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter(harness.outDir, attempt).setupTask(attempt);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    for (long i = 0; i < 5; i++) {
      outputs.write("ids", new AvroKey<>(i));
      outputs.write("ids", new AvroKey<>(i), NullWritable.get(), "more");
    }
    outputs.write("byname", new AvroKey<>("x"), new AvroValue<>(events(43, 1, 0).get(0)));
    outputs.close();
    Counter ids = counters.findCounter(AvroMultipleOutputs.COUNTERS_GROUP, "ids");
    Counter byName = counters.findCounter(AvroMultipleOutputs.COUNTERS_GROUP, "byname");
    assertThat(ids.getValue()).isEqualTo(10);
    assertThat(byName.getValue()).isEqualTo(1);
  }

  @Test
  void syncReturnsAPositionOfTheNamedOutputsFile() throws Exception {
    OutputTaskHarness harness = new OutputTaskHarness(job().getConfiguration(), tmp.resolve("out"));
    TaskAttemptContext attempt = harness.attempt(TaskType.REDUCE, 0, 0);
    new org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter(harness.outDir, attempt).setupTask(attempt);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    outputs.write("ids", new AvroKey<>(1L));
    long position = outputs.sync("ids", "ids");
    outputs.write("ids", new AvroKey<>(2L));
    outputs.close();
    harness.commit(attempt);
    harness.commitJob();
    try (DataFileReader<Object> reader = DataFileReader.open(tmp.resolve("out/ids-r-00000.avro"))) {
      reader.seek(position);
      assertThat(reader.next()).isEqualTo(2L);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void badNamesAndPathsAreRefused() throws Exception {
    Job job = job();
    assertThatThrownBy(() -> AvroMultipleOutputs.addNamedOutput(job, "ids", AvroKeyOutputFormat.class, LONG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already defined");
    assertThatThrownBy(() -> AvroMultipleOutputs.addNamedOutput(job, "a-b", AvroKeyOutputFormat.class, LONG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'-'");
    assertThatThrownBy(() -> AvroMultipleOutputs.addNamedOutput(job, "part", AvroKeyOutputFormat.class, LONG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("main output");
    assertThat(AvroMultipleOutputs.namedOutputs(job.getConfiguration())).containsExactly("ids", "byname");

    OutputTaskHarness harness = new OutputTaskHarness(job.getConfiguration(), tmp.resolve("out"));
    TaskAttemptContext attempt = harness.attempt(TaskType.REDUCE, 0, 0);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    AvroKey<Long> one = new AvroKey<>(1L);
    assertThatThrownBy(() -> outputs.write("nope", one))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"nope\" is not defined");
    for (String bad : List.of("/tmp/escape", "../escape", "a/../../b", "part", "dir/", "hdfs://x/y")) {
      assertThatThrownBy(() -> outputs.write("ids", one, NullWritable.get(), bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    outputs.write("ids", one, NullWritable.get(), "shared");
    assertThatThrownBy(() -> outputs.write("byname", new AvroKey<>("k"), new AvroValue<>(null), "shared"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already written by named output \"ids\"");
    outputs.close();
  }

  /** A reporter over real counters, as a task's context has. */
  private static final class CountersReporter extends StatusReporter {
    private final Counters counters;

    CountersReporter(Counters counters) {
      this.counters = counters;
    }

    @Override
    public Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {}

    @Override
    public float getProgress() {
      return 0;
    }

    @Override
    public void setStatus(String status) {}
  }
}
