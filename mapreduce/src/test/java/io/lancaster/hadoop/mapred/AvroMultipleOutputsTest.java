package io.lancaster.hadoop.mapred;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.output.OutputFixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.mapred.Counters;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.mapreduce.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroMultipleOutputsTest {
  private static final Schema LONG = PrimitiveSchema.of(Schema.Type.LONG);
  private static final Schema STRING = PrimitiveSchema.of(Schema.Type.STRING);

  @TempDir
  Path tmp;

  private JobConf job() {
    JobConf job = new JobConf(OutputFixtures.localConf(tmp));
    job.set(AvroConfigKeys.OUTPUT_SCHEMA, EVENT.toString());
    AvroMultipleOutputs.addNamedOutput(job, "ids", AvroOutputFormat.class, LONG);
    AvroMultipleOutputs.addNamedOutput(job, "all", AvroOutputFormat.class, null);
    return job;
  }

  @Test
  void namedOutputsWriteTheirOwnFilesAndAreCommittedWithTheTask() throws Exception {
    OldApiTaskHarness harness = new OldApiTaskHarness(job(), tmp.resolve("out"));
    JobConf failed = harness.attempt(TaskType.REDUCE, 1, 0);
    AvroMultipleOutputs dying = new AvroMultipleOutputs(failed);
    dying.collect("ids", Reporter.NULL, -1L); // the attempt dies without closing
    harness.abort(failed);

    JobConf attempt = harness.attempt(TaskType.REDUCE, 1, 1);
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    List<GenericRecord> events = events(70, 200, 0);
    for (GenericRecord e : events) {
      outputs.collect("ids", Reporter.NULL, e.get("id"));
      outputs.collect("all", Reporter.NULL, e);
      outputs.collect("ids", Reporter.NULL, STRING, e.get("name"), "names/" + e.get("kind"));
    }
    outputs.close();
    harness.commit(attempt);
    harness.commitJob();

    Path out = tmp.resolve("out");
    assertThat(visibleFiles(out)).containsExactly("all-r-00001.avro", "ids-r-00001.avro", "names/A-r-00001.avro",
        "names/B-r-00001.avro", "names/C-r-00001.avro");
    assertThat(readCore(out.resolve("ids-r-00001.avro"))).isEqualTo(events.stream().map(e -> e.get("id")).toList());
    assertThat(readCore(out.resolve("all-r-00001.avro"))).isEqualTo(events);
    try (DataFileReader<Object> reader = DataFileReader.open(out.resolve("names/B-r-00001.avro"))) {
      assertThat(reader.schema()).isEqualTo(STRING);
    }
    assertThat(readCore(out.resolve("names/B-r-00001.avro"))).isEqualTo(events.stream()
        .filter(e -> e.get("kind").toString().equals("B")).map(e -> e.get("name")).toList());
  }

  @Test
  void countsRecordsPerFileWhenEnabled() throws Exception {
    JobConf job = job();
    AvroMultipleOutputs.setCountersEnabled(job, true);
    OldApiTaskHarness harness = new OldApiTaskHarness(job, tmp.resolve("out"));
    JobConf attempt = harness.attempt(TaskType.MAP, 0, 0);
    Counters counters = new Counters();
    Reporter reporter = new Reporter() {
      @Override
      public void setStatus(String status) {}

      @Override
      public Counters.Counter getCounter(Enum<?> name) {
        return counters.findCounter(name);
      }

      @Override
      public Counters.Counter getCounter(String group, String name) {
        return counters.findCounter(group, name);
      }

      @Override
      public void incrCounter(Enum<?> key, long amount) {
        counters.incrCounter(key, amount);
      }

      @Override
      public void incrCounter(String group, String counter, long amount) {
        counters.incrCounter(group, counter, amount);
      }

      @Override
      public org.apache.hadoop.mapred.InputSplit getInputSplit() {
        return null;
      }

      @Override
      public float getProgress() {
        return 0;
      }

      @Override
      public void progress() {}
    };
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(attempt);
    for (long i = 0; i < 4; i++) {
      outputs.collect("ids", reporter, i);
      outputs.collect("ids", reporter, LONG, i, "more");
    }
    outputs.collect("all", reporter, events(71, 1, 0).get(0));
    outputs.close();
    assertThat(counters.findCounter(AvroMultipleOutputs.COUNTERS_GROUP, "ids").getValue()).isEqualTo(8);
    assertThat(counters.findCounter(AvroMultipleOutputs.COUNTERS_GROUP, "all").getValue()).isEqualTo(1);
  }

  @Test
  void conflictsAndBadPathsAreRefused() throws Exception {
    JobConf job = job();
    assertThatThrownBy(() -> AvroMultipleOutputs.addNamedOutput(job, "ids", AvroOutputFormat.class, LONG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already defined");
    assertThatThrownBy(() -> AvroMultipleOutputs.addNamedOutput(job, "my_out", AvroOutputFormat.class, LONG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_'");
    OldApiTaskHarness harness = new OldApiTaskHarness(job, tmp.resolve("out"));
    AvroMultipleOutputs outputs = new AvroMultipleOutputs(harness.attempt(TaskType.REDUCE, 0, 0));
    assertThatThrownBy(() -> outputs.collect("nope", Reporter.NULL, 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"nope\" is not defined");
    assertThatThrownBy(() -> outputs.collect("ids", Reporter.NULL, LONG, 1L, "../up"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the output directory");
    outputs.collect("ids", Reporter.NULL, 1L);
    assertThatThrownBy(() -> outputs.collect("ids", Reporter.NULL, STRING, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already written with schema");
    assertThatThrownBy(() -> outputs.collect("all", Reporter.NULL, null, 1L, "ids"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named output \"ids\"");
    outputs.close();
  }
}
