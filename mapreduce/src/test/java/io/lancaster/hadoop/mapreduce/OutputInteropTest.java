package io.lancaster.hadoop.mapreduce;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.apache;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.fromApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.output.KeyValuePairSchema;
import io.lancaster.hadoop.output.OutputFixtures;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of our output formats read by avro-mapred's input formats, and avro-mapred's output read by the core. */
class OutputInteropTest {
  private static final Schema STRING = PrimitiveSchema.of(Schema.Type.STRING);

  @TempDir
  Path tmp;

  private Configuration compressed(String codec) {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.setBoolean(FileOutputFormat.COMPRESS, true);
    conf.set(AvroConfigKeys.OUTPUT_CODEC, codec);
    conf.setInt(AvroConfigKeys.SYNC_INTERVAL, 1024);
    return conf;
  }

  /**
   * Everything avro-mapred's input format reads from {@code dir}, split by at most {@code splitSize} bytes, each
   * pair converted as it is read (the readers reuse their objects).
   */
  private static <K, V> List<Object> readWithAvroMapred(org.apache.hadoop.mapreduce.InputFormat<K, V> format,
      Job job, Path dir, long splitSize, int minSplits, BiFunction<K, V, Object> convert) throws Exception {
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(dir.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, splitSize);
    List<InputSplit> splits = format.getSplits(job);
    assertThat(splits).hasSizeGreaterThanOrEqualTo(minSplits);
    List<Object> pairs = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      TaskAttemptContext task = new TaskAttemptContextImpl(job.getConfiguration(),
          OutputFixtures.attempt(TaskType.MAP, i, 0));
      try (RecordReader<K, V> reader = format.createRecordReader(splits.get(i), task)) {
        reader.initialize(splits.get(i), task);
        while (reader.nextKeyValue()) {
          pairs.add(convert.apply(reader.getCurrentKey(), reader.getCurrentValue()));
        }
      }
    }
    return pairs;
  }

  @Test
  void ourKeyFilesAreReadByAvroMapredsAvroKeyInputFormatSplitBySplit() throws Exception {
    List<GenericRecord> events = events(50, 2000, 0);
    List<AvroKey<GenericRecord>> keys = events.stream().map(AvroKey::new).toList();
    Configuration conf = compressed("deflate");
    conf.set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, EVENT.toString());
    Path out = tmp.resolve("out");
    new OutputTaskHarness(conf, out).writeAndCommit(new AvroKeyOutputFormat<GenericRecord>(), keys,
        NullWritable.get());

    Job job = Job.getInstance(OutputFixtures.localConf(tmp));
    org.apache.avro.mapreduce.AvroJob.setInputKeySchema(job, apache(EVENT));
    org.apache.avro.Schema schema = apache(EVENT);
    List<Object> read = readWithAvroMapred(new org.apache.avro.mapreduce.AvroKeyInputFormat<Object>(), job, out,
        8192, 8, (key, value) -> fromApache(key.datum(), schema, EVENT));
    assertThat(read).isEqualTo(events);
  }

  @Test
  void ourKeyValueFilesAreReadByAvroMapredsAvroKeyValueInputFormat() throws Exception {
    List<GenericRecord> events = events(51, 500, 0);
    Configuration conf = compressed("snappy");
    conf.set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, STRING.toString());
    conf.set(AvroConfigKeys.OUTPUT_VALUE_SCHEMA, EVENT.toString());
    conf.setClass(MRJobConfig.OUTPUT_KEY_CLASS, AvroKey.class, Object.class);
    conf.setClass(MRJobConfig.OUTPUT_VALUE_CLASS, AvroValue.class, Object.class);
    Path out = tmp.resolve("out");
    OutputTaskHarness harness = new OutputTaskHarness(conf, out);
    TaskAttemptContext attempt = harness.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<AvroKey<Object>, AvroValue<GenericRecord>> writer =
        harness.open(new AvroKeyValueOutputFormat<>(), attempt);
    for (GenericRecord e : events) {
      writer.write(new AvroKey<>(e.get("name")), new AvroValue<>(e));
    }
    writer.close(attempt);
    harness.commit(attempt);
    harness.commitJob();

    Job job = Job.getInstance(OutputFixtures.localConf(tmp));
    org.apache.avro.mapreduce.AvroJob.setInputKeySchema(job, apache(STRING));
    org.apache.avro.mapreduce.AvroJob.setInputValueSchema(job, apache(EVENT));
    org.apache.avro.Schema schema = apache(EVENT);
    List<Object> pairs = readWithAvroMapred(new org.apache.avro.mapreduce.AvroKeyValueInputFormat<Object, Object>(),
        job, out, 4096, 4, (key, value) -> List.of(key.datum().toString(), fromApache(value.datum(), schema, EVENT)));
    List<Object> expected = events.stream().map(e -> (Object) List.of(e.get("name"), e)).toList();
    assertThat(pairs).isEqualTo(expected);
  }

  /** Apache Avro records equal to {@code events}: written by the core, read back by Apache Avro. */
  private List<Object> asApacheRecords(List<GenericRecord> events) throws Exception {
    Path file = tmp.resolve("source.avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(EVENT, file)) {
      for (GenericRecord e : events) {
        w.append(e);
      }
    }
    List<Object> records = new ArrayList<>();
    try (org.apache.avro.file.DataFileReader<Object> r = new org.apache.avro.file.DataFileReader<>(
        new File(file.toString()), new org.apache.avro.generic.GenericDatumReader<>())) {
      r.forEach(records::add);
    }
    return records;
  }

  @Test
  void avroMapredsKeyOutputIsReadByTheCore() throws Exception {
    List<GenericRecord> events = events(52, 800, 0);
    List<Object> apacheRecords = asApacheRecords(events);
    Job setup = Job.getInstance(compressed("zstandard"));
    org.apache.avro.mapreduce.AvroJob.setOutputKeySchema(setup, apache(EVENT));
    Path out = tmp.resolve("out");
    new OutputTaskHarness(setup.getConfiguration(), out).writeAndCommit(
        new org.apache.avro.mapreduce.AvroKeyOutputFormat<Object>(),
        apacheRecords.stream().map(org.apache.avro.mapred.AvroKey::new).toList(), NullWritable.get());

    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro"); // the same file names as ours
    Path file = out.resolve("part-r-00000.avro");
    assertThat(readCore(file)).isEqualTo(events);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.codecName()).isEqualTo("zstandard");
    }
  }

  @Test
  void avroMapredsKeyValueOutputIsReadByTheCoreAsTheSamePairRecord() throws Exception {
    List<GenericRecord> events = events(53, 300, 0);
    List<Object> apacheRecords = asApacheRecords(events);
    Job setup = Job.getInstance(compressed("deflate"));
    org.apache.avro.mapreduce.AvroJob.setOutputKeySchema(setup, apache(STRING));
    org.apache.avro.mapreduce.AvroJob.setOutputValueSchema(setup, apache(EVENT));
    setup.setOutputKeyClass(org.apache.avro.mapred.AvroKey.class);
    setup.setOutputValueClass(org.apache.avro.mapred.AvroValue.class);
    Path out = tmp.resolve("out");
    OutputTaskHarness harness = new OutputTaskHarness(setup.getConfiguration(), out);
    TaskAttemptContext attempt = harness.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<org.apache.avro.mapred.AvroKey<Object>, org.apache.avro.mapred.AvroValue<Object>> writer =
        harness.open(new org.apache.avro.mapreduce.AvroKeyValueOutputFormat<>(), attempt);
    for (Object r : apacheRecords) {
      Object name = ((org.apache.avro.generic.GenericRecord) r).get("name");
      writer.write(new org.apache.avro.mapred.AvroKey<>(name), new org.apache.avro.mapred.AvroValue<>(r));
    }
    writer.close(attempt);
    harness.commit(attempt);
    harness.commitJob();

    RecordSchema pair = KeyValuePairSchema.of(STRING, EVENT);
    List<Object> expected = new ArrayList<>();
    for (GenericRecord e : events) {
      expected.add(new GenericRecord(pair).put("key", e.get("name")).put("value", e));
    }
    Path file = out.resolve("part-r-00000.avro");
    assertThat(readCore(file)).isEqualTo(expected);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.schema()).isEqualTo(pair);
    }
  }
}
