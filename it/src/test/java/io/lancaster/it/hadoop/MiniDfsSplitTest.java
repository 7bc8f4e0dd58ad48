package io.lancaster.it.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroWrapper;
import io.lancaster.hadoop.mapred.AvroInputFormat;
import io.lancaster.hadoop.mapreduce.AvroJob;
import io.lancaster.hadoop.mapreduce.AvroKeyInputFormat;
import io.lancaster.it.hadoop.Readings.Reading;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Avro files on a real HDFS with 64 KiB blocks, so that each spans several blocks, read split by split as map tasks
 * do: the input formats' own splits (HDFS block locations included) and one record reader per split, over
 * DataNode streams. Whatever the split sizes, every record must come out exactly once and in file order.
 *
 * <p>The files differ where splitting is hard: Avro blocks much smaller than HDFS blocks, about as large (so they
 * straddle block boundaries), larger (so some splits hold no sync marker and must read nothing), and a file
 * written by Apache Avro Java.
 */
class MiniDfsSplitTest {
  private static final Path INPUT = new Path("/data/readings");

  @TempDir
  static File tmp;

  private static MiniHdfs hdfs;
  /** Each input file's readings, in the order FileInputFormat lists the files (by name). */
  private static final Map<String, List<Reading>> FILES = new LinkedHashMap<>();

  @BeforeAll
  static void startHdfsAndWriteFiles() throws IOException {
    hdfs = MiniHdfs.start(tmp);
    List<Reading> a = Readings.generate(1, 0, 2500);
    List<Reading> b = Readings.generate(2, 10_000, 2500);
    List<Reading> c = Readings.generate(3, 20_000, 3500);
    List<Reading> d = Readings.generate(4, 30_000, 3000);
    hdfs.write(new Path(INPUT, "a-null.avro"), Readings.SCHEMA, CodecFactory.nullCodec(), 16 * 1024, lancaster(a));
    hdfs.write(new Path(INPUT, "b-deflate.avro"), Readings.SCHEMA, CodecFactory.deflate(6), 64_000, lancaster(b));
    hdfs.write(new Path(INPUT, "c-snappy.avro"), Readings.SCHEMA, CodecFactory.snappy(), 150_000, lancaster(c));
    writeWithApache(new Path(INPUT, "d-apache-zstd.avro"), d);
    FILES.put("a-null.avro", a);
    FILES.put("b-deflate.avro", b);
    FILES.put("c-snappy.avro", c);
    FILES.put("d-apache-zstd.avro", d);
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  private static List<Object> lancaster(List<Reading> readings) {
    return readings.stream().map(Readings::toLancaster).collect(Collectors.toList());
  }

  private static void writeWithApache(Path file, List<Reading> readings) throws IOException {
    FSDataOutputStream out = hdfs.fs().create(file, true, 4096, (short) 1, MiniHdfs.BLOCK_SIZE);
    try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> writer =
        new org.apache.avro.file.DataFileWriter<>(new org.apache.avro.generic.GenericDatumWriter<>())) {
      writer.setCodec(org.apache.avro.file.CodecFactory.zstandardCodec(3));
      writer.setSyncInterval(32 * 1024);
      writer.create(Readings.APACHE_SCHEMA, out);
      for (Reading r : readings) {
        writer.append(Readings.toApache(r));
      }
    }
  }

  private static List<Reading> allReadings() {
    List<Reading> all = new ArrayList<>();
    FILES.values().forEach(all::addAll);
    return all;
  }

  private static Job job() throws IOException {
    Job job = Job.getInstance(hdfs.conf());
    FileInputFormat.addInputPath(job, INPUT);
    return job;
  }

  @Test
  void theFilesSpanSeveralBlocks() throws IOException {
    for (String name : FILES.keySet()) {
      Path file = new Path(INPUT, name);
      assertThat(hdfs.blocks(file)).as("HDFS blocks of %s", name).isBetween(3, 8);
    }
  }

  @Test
  void blockSizedSplitsReadEveryRecordOnceInOrder() throws Exception {
    Job job = job();
    List<InputSplit> splits = new AvroKeyInputFormat<>().getSplits(job);

    Map<String, List<List<Reading>>> byFile = new LinkedHashMap<>();
    for (InputSplit split : splits) {
      FileSplit file = (FileSplit) split;
      assertThat(file.getStart() % MiniHdfs.BLOCK_SIZE).as("start of %s", file).isZero();
      assertThat(file.getLocations()).as("the DataNode holding %s", file).isNotEmpty();
      byFile.computeIfAbsent(file.getPath().getName(), k -> new ArrayList<>()).add(readNewApi(split, job));
    }

    assertThat(byFile.keySet()).containsExactlyElementsOf(FILES.keySet());
    for (Map.Entry<String, List<List<Reading>>> e : byFile.entrySet()) {
      String name = e.getKey();
      int blocks = hdfs.blocks(new Path(INPUT, name));
      // one split per block, but a short last block joins the split before it (FileInputFormat's 10% slop)
      assertThat(e.getValue().size()).as("splits of %s", name).isBetween(Math.max(3, blocks - 1), blocks);
      assertThat(e.getValue().stream().flatMap(List::stream)).as("records of %s, split by split", name)
          .containsExactlyElementsOf(FILES.get(name));
    }
    // c-snappy's Avro blocks (150,000 bytes before compression) outgrow a split: splits without a sync marker read
    // nothing, and the reader of the split before reads the block to its end across the HDFS block boundary.
    assertThat(byFile.get("c-snappy.avro")).as("splits of c-snappy.avro without a block start")
        .filteredOn(List::isEmpty).isNotEmpty();
    // b-deflate's compressed Avro blocks, a little smaller than a split, straddle HDFS block boundaries, yet each
    // split holds the start of one and reads it.
    assertThat(byFile.get("b-deflate.avro")).noneMatch(List::isEmpty);
  }

  /** Splits smaller than a block, not aligned to anything, and larger than a block (spanning DataNode blocks). */
  @ParameterizedTest
  @ValueSource(longs = {9_999, 40_000, 150_000})
  void anySplitSizeReadsEveryRecordOnceInOrder(long splitSize) throws Exception {
    Job job = job();
    if (splitSize < MiniHdfs.BLOCK_SIZE) {
      FileInputFormat.setMaxInputSplitSize(job, splitSize);
    } else {
      FileInputFormat.setMinInputSplitSize(job, splitSize);
    }
    List<InputSplit> splits = new AvroKeyInputFormat<>().getSplits(job);
    List<Reading> read = new ArrayList<>();
    for (InputSplit split : splits) {
      assertThat(((FileSplit) split).getLength()).isLessThanOrEqualTo((long) (splitSize * 1.1) + 1);
      read.addAll(readNewApi(split, job));
    }

    assertThat(splits.size()).as("splits of %d bytes", splitSize).isGreaterThan(FILES.size());
    assertThat(read).containsExactlyElementsOf(allReadings());
  }

  @Test
  void readerSchemaFromTheJobResolvesEveryFilesWriterSchema() throws Exception {
    Schema reader = Schema.parse("""
        {"type": "record", "name": "Reading", "namespace": "io.lancaster.it", "fields": [
          {"name": "kind", "type": {"type": "enum", "name": "Kind",
            "symbols": ["WIND", "PRESSURE", "HUMIDITY", "TEMPERATURE"]}},
          {"name": "id", "type": "long"},
          {"name": "site", "type": "string", "default": "unknown"},
          {"name": "level", "type": "long"},
          {"name": "note", "type": ["null", "string"], "default": null}]}""");
    Job job = job();
    AvroJob.setInputKeySchema(job, reader);
    List<Object> read = new ArrayList<>();
    for (InputSplit split : new AvroKeyInputFormat<>().getSplits(job)) {
      read.addAll(readNewApi(split, job, r -> {
        assertThat(r.schema()).isEqualTo(reader);
        return Arrays.asList(((GenericEnum) r.get("kind")).symbol(), r.get("id"), r.get("site"), r.get("level"),
            r.get("note"));
      }));
    }

    List<Object> expected = allReadings().stream()
        .map(r -> (Object) Arrays.asList(r.kind(), r.id(), "unknown", (long) r.level(), r.note()))
        .collect(Collectors.toList());
    assertThat(read).containsExactlyElementsOf(expected);
  }

  @Test
  void oldApiSplitsReadEveryRecordOnceInOrder() throws Exception {
    JobConf job = new JobConf(hdfs.conf());
    org.apache.hadoop.mapred.FileInputFormat.setInputPaths(job, INPUT);
    AvroInputFormat<GenericRecord> format = new AvroInputFormat<>();
    // the old API's hint: about 40 splits of the ~1 MB, each then capped at the block size
    org.apache.hadoop.mapred.InputSplit[] splits = format.getSplits(job, 40);
    List<Reading> read = new ArrayList<>();
    for (org.apache.hadoop.mapred.InputSplit split : splits) {
      read.addAll(readOldApi(format, split, job));
    }

    assertThat(splits.length).isGreaterThan(20);
    assertThat(read).containsExactlyElementsOf(allReadings());
  }

  @Test
  void oldApiReaderSchemaResolvesEveryFile() throws Exception {
    Schema reader = Schema.parse("""
        {"type": "record", "name": "Reading", "namespace": "io.lancaster.it", "fields": [
          {"name": "id", "type": "long"},
          {"name": "level", "type": "double"},
          {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []}]}""");
    JobConf job = new JobConf(hdfs.conf());
    org.apache.hadoop.mapred.FileInputFormat.setInputPaths(job, INPUT);
    io.lancaster.hadoop.mapred.AvroJob.setInputSchema(job, reader);
    AvroInputFormat<GenericRecord> format = new AvroInputFormat<>();
    List<Object> read = new ArrayList<>();
    for (org.apache.hadoop.mapred.InputSplit split : format.getSplits(job, 10)) {
      org.apache.hadoop.mapred.RecordReader<AvroWrapper<GenericRecord>, NullWritable> records =
          format.getRecordReader(split, job, Reporter.NULL);
      try {
        AvroWrapper<GenericRecord> key = records.createKey();
        while (records.next(key, records.createValue())) {
          read.add(List.of(key.datum().get("id"), key.datum().get("level"), key.datum().get("tags")));
        }
      } finally {
        records.close();
      }
    }

    List<Object> expected = allReadings().stream()
        .map(r -> (Object) List.of(r.id(), (double) r.level(), List.of()))
        .collect(Collectors.toList());
    assertThat(read).containsExactlyElementsOf(expected);
  }

  /** Reads one split as a map task would, checking that progress goes from 0 to 1 without going back. */
  private static List<Reading> readNewApi(InputSplit split, Job job) throws Exception {
    return readNewApi(split, job, Readings::fromLancaster);
  }

  private static <T> List<T> readNewApi(InputSplit split, Job job, Function<GenericRecord, T> take)
      throws Exception {
    TaskAttemptContext context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
    AvroKeyInputFormat<GenericRecord> format = new AvroKeyInputFormat<>();
    List<T> records = new ArrayList<>();
    List<Float> progress = new ArrayList<>();
    try (RecordReader<AvroKey<GenericRecord>, NullWritable> reader = format.createRecordReader(split, context)) {
      reader.initialize(split, context);
      progress.add(reader.getProgress());
      while (reader.nextKeyValue()) {
        records.add(take.apply(reader.getCurrentKey().datum()));
        progress.add(reader.getProgress());
      }
      progress.add(reader.getProgress());
    }
    assertThat(progress.get(0)).as("progress at the start of %s", split).isEqualTo(0.0f);
    assertThat(progress.get(progress.size() - 1)).as("progress at the end of %s", split).isEqualTo(1.0f);
    assertThat(progress).as("progress through %s", split).isSorted();
    return records;
  }

  private static List<Reading> readOldApi(AvroInputFormat<GenericRecord> format,
      org.apache.hadoop.mapred.InputSplit split, JobConf job) throws IOException {
    org.apache.hadoop.mapred.RecordReader<AvroWrapper<GenericRecord>, NullWritable> reader =
        format.getRecordReader(split, job, Reporter.NULL);
    List<Reading> records = new ArrayList<>();
    try {
      AvroWrapper<GenericRecord> key = reader.createKey();
      NullWritable value = reader.createValue();
      while (reader.next(key, value)) {
        records.add(Readings.fromLancaster(key.datum()));
      }
      assertThat(reader.getProgress()).as("progress at the end of %s", split).isEqualTo(1.0f);
    } finally {
      reader.close();
    }
    return records;
  }
}
