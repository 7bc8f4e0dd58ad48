package io.lancaster.hadoop.mapred;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.apache;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.fromApache;
import static io.lancaster.hadoop.output.OutputFixtures.readApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroWrapper;
import io.lancaster.hadoop.output.ContainerBlocks;
import io.lancaster.hadoop.output.OutputFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.mapreduce.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroOutputFormatTest {
  @TempDir
  Path tmp;

  private Configuration conf() {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.set(AvroConfigKeys.OUTPUT_SCHEMA, EVENT.toString());
    return conf;
  }

  /** Writes {@code records} as the framework's reduce task 0 would, under the name "part-00000". */
  private static void write(JobConf attempt, List<?> records) throws IOException {
    RecordWriter<AvroWrapper<Object>, NullWritable> writer =
        new AvroOutputFormat<Object>().getRecordWriter(null, attempt, "part-00000", Reporter.NULL);
    for (Object r : records) {
      writer.write(new AvroWrapper<>(r), NullWritable.get());
    }
    writer.close(Reporter.NULL);
  }

  @Test
  void writesTheTasksFileWithTheConfiguredCodecLevelSyncIntervalAndMetadata() throws Exception {
    JobConf setup = new JobConf(conf());
    AvroOutputFormat.setDeflateLevel(setup, 1);
    AvroOutputFormat.setSyncInterval(setup, 2048);
    setup.set(AvroConfigKeys.TEXT_METADATA_PREFIX + "origin", "hive");
    OldApiTaskHarness job = new OldApiTaskHarness(setup, tmp.resolve("out"));
    List<GenericRecord> records = events(60, 500, 0);
    JobConf attempt = job.attempt(TaskType.REDUCE, 0, 0);
    write(attempt, records);
    job.commit(attempt);
    job.commitJob();

    Path out = tmp.resolve("out");
    assertThat(visibleFiles(out)).containsExactly("part-00000.avro");
    Path file = out.resolve("part-00000.avro");
    assertThat(readCore(file)).isEqualTo(records);
    assertThat(readApache(file, EVENT)).isEqualTo(records);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.codecName()).isEqualTo("deflate");
      assertThat(reader.metaString("origin")).isEqualTo("hive");
    }
    ContainerBlocks blocks = ContainerBlocks.of(file);
    assertThat(blocks.storedEquals(blocks.recompressed("deflate", 1))).isTrue();
    assertThat(blocks.storedEquals(blocks.recompressed("deflate", null))).isFalse();
    for (byte[] b : blocks.decoded().subList(0, blocks.decoded().size() - 1)) {
      assertThat(b.length).isBetween(2048, 2048 + 400);
    }
  }

  @Test
  void theOtherCodecKeysAreTheNewApisOnes() throws Exception {
    Configuration conf = conf();
    conf.setBoolean(org.apache.hadoop.mapreduce.lib.output.FileOutputFormat.COMPRESS, true);
    conf.set(AvroConfigKeys.OUTPUT_CODEC, "xz");
    conf.setInt(AvroConfigKeys.XZ_LEVEL, 2);
    OldApiTaskHarness job = new OldApiTaskHarness(conf, tmp.resolve("out"));
    List<GenericRecord> records = events(61, 300, 0);
    JobConf attempt = job.attempt(TaskType.REDUCE, 0, 0);
    write(attempt, records);
    job.commit(attempt);
    job.commitJob();
    Path file = tmp.resolve("out/part-00000.avro");
    assertThat(readApache(file, EVENT)).isEqualTo(records);
    ContainerBlocks blocks = ContainerBlocks.of(file);
    assertThat(blocks.storedEquals(blocks.recompressed("xz", 2))).isTrue();
  }

  @Test
  void aFailedAttemptLeavesNothingAndOnlyTheCommittedRetryIsPublished() throws Exception {
    OldApiTaskHarness job = new OldApiTaskHarness(conf(), tmp.resolve("out"));
    JobConf failed = job.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<AvroWrapper<Object>, NullWritable> dying =
        new AvroOutputFormat<Object>().getRecordWriter(null, failed, "part-00000", Reporter.NULL);
    for (GenericRecord r : events(62, 100, 0)) {
      dying.write(new AvroWrapper<>(r), NullWritable.get()); // never closed
    }
    job.abort(failed);
    JobConf retry = job.attempt(TaskType.REDUCE, 0, 1);
    List<GenericRecord> records = events(63, 100, 0);
    write(retry, records);
    assertThat(visibleFiles(tmp.resolve("out"))).allMatch(f -> f.startsWith("_temporary/"));
    job.commit(retry);
    job.commitJob();

    assertThat(visibleFiles(tmp.resolve("out"))).containsExactly("part-00000.avro");
    assertThat(readCore(tmp.resolve("out/part-00000.avro"))).isEqualTo(records);
  }

  @Test
  void mapOnlyJobsPreferTheMapOutputSchema() throws Exception {
    Configuration conf = conf();
    conf.setInt("mapreduce.job.reduces", 0);
    conf.set(AvroConfigKeys.MAP_OUTPUT_SCHEMA, "\"long\"");
    OldApiTaskHarness job = new OldApiTaskHarness(conf, tmp.resolve("out"));
    JobConf attempt = job.attempt(TaskType.MAP, 0, 0);
    write(attempt, List.of(1L, 2L));
    job.commit(attempt);
    job.commitJob();
    try (DataFileReader<Object> reader = DataFileReader.open(tmp.resolve("out/part-00000.avro"))) {
      assertThat(reader.schema()).isEqualTo(PrimitiveSchema.of(Schema.Type.LONG));
    }
    assertThat(readCore(tmp.resolve("out/part-00000.avro"))).containsExactly(1L, 2L);
  }

  @Test
  void withoutASchemaTheWriterFailsNamingTheKey() throws Exception {
    OldApiTaskHarness job = new OldApiTaskHarness(OutputFixtures.localConf(tmp), tmp.resolve("out"));
    JobConf attempt = job.attempt(TaskType.REDUCE, 0, 0);
    assertThatThrownBy(() -> new AvroOutputFormat<>().getRecordWriter(null, attempt, "part-00000", Reporter.NULL))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(AvroConfigKeys.OUTPUT_SCHEMA);
  }

  @Test
  void ourFilesAreReadByAvroMapredsOldApiInputFormatSplitBySplit() throws Exception {
    Configuration conf = conf();
    conf.setBoolean(org.apache.hadoop.mapreduce.lib.output.FileOutputFormat.COMPRESS, true);
    conf.set(AvroConfigKeys.OUTPUT_CODEC, "snappy");
    conf.setInt(AvroConfigKeys.SYNC_INTERVAL, 1024);
    OldApiTaskHarness job = new OldApiTaskHarness(conf, tmp.resolve("out"));
    List<GenericRecord> records = events(64, 1500, 0);
    JobConf attempt = job.attempt(TaskType.REDUCE, 0, 0);
    write(attempt, records);
    job.commit(attempt);
    job.commitJob();

    JobConf read = new JobConf(OutputFixtures.localConf(tmp));
    org.apache.avro.mapred.AvroJob.setInputSchema(read, apache(EVENT));
    FileInputFormat.setInputPaths(read, new org.apache.hadoop.fs.Path(tmp.resolve("out").toUri()));
    read.setLong("mapreduce.input.fileinputformat.split.minsize", 1);
    org.apache.avro.mapred.AvroInputFormat<Object> theirs = new org.apache.avro.mapred.AvroInputFormat<>();
    InputSplit[] splits = theirs.getSplits(read, 20);
    assertThat(splits.length).isGreaterThan(5);
    List<Object> got = new ArrayList<>();
    for (InputSplit split : splits) {
      RecordReader<org.apache.avro.mapred.AvroWrapper<Object>, NullWritable> reader =
          theirs.getRecordReader(split, read, Reporter.NULL);
      org.apache.avro.mapred.AvroWrapper<Object> key = reader.createKey();
      while (reader.next(key, reader.createValue())) {
        got.add(fromApache(key.datum(), apache(EVENT), EVENT));
      }
      reader.close();
    }
    assertThat(got).isEqualTo(records);
  }
}
