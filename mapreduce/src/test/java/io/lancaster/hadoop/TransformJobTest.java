package io.lancaster.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.mapreduce.AvroJob;
import io.lancaster.hadoop.mapreduce.AvroKeyInputFormat;
import io.lancaster.hadoop.mapreduce.AvroKeyOutputFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole map-only job on the LocalJobRunner: Avro files of two schema versions, split inside the files, are read
 * as one reader schema, each record is transformed, and the results are written as compressed Avro files that
 * Apache Avro Java reads back: every record exactly once.
 */
class TransformJobTest {
  /** The older writer schema: no user, milliseconds as an int. */
  static final Schema PAGE_VIEW_V0 = Schema.parse("""
      {"type": "record", "name": "PageView", "namespace": "web", "fields": [
        {"name": "id", "type": "long"}, {"name": "url", "type": "string"}, {"name": "millis", "type": "int"}]}""");
  static final Schema PAGE_VIEW_V1 = Schema.parse("""
      {"type": "record", "name": "PageView", "namespace": "web", "fields": [
        {"name": "id", "type": "long"}, {"name": "url", "type": "string"}, {"name": "user", "type": "string"},
        {"name": "millis", "type": "long"}]}""");
  /** What the job reads every file as. */
  static final Schema PAGE_VIEW_READER = Schema.parse("""
      {"type": "record", "name": "PageView", "namespace": "web", "fields": [
        {"name": "id", "type": "long"}, {"name": "url", "type": "string"},
        {"name": "user", "type": "string", "default": "anonymous"}, {"name": "millis", "type": "long"},
        {"name": "referrer", "type": ["null", "string"], "default": null}]}""");
  static final Schema VISIT = Schema.parse("""
      {"type": "record", "name": "Visit", "namespace": "web", "fields": [
        {"name": "id", "type": "long"}, {"name": "host", "type": "string"}, {"name": "user", "type": "string"},
        {"name": "second", "type": "long"}]}""");
  static final int PER_FILE = 800;

  @TempDir
  Path tmp;

  /** The transformation under test; the test computes its expected output with it too. */
  static GenericRecord visit(GenericRecord view) {
    return new GenericRecord((RecordSchema) VISIT)
        .put("id", view.get("id"))
        .put("host", URI.create((String) view.get("url")).getHost())
        .put("user", ((String) view.get("user")).toUpperCase(Locale.ROOT))
        .put("second", (Long) view.get("millis") / 1000);
  }

  static class VisitMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, AvroKey<GenericRecord>, NullWritable> {
    private final AvroKey<GenericRecord> out = new AvroKey<>();

    @Override
    protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context)
        throws IOException, InterruptedException {
      if (!key.datum().schema().equals(PAGE_VIEW_READER)) {
        throw new IOException("record not in the reader schema: " + key.datum());
      }
      out.datum(visit(key.datum()));
      context.write(out, NullWritable.get());
    }
  }

  private static List<GenericRecord> pageViews(Schema schema, long firstId, Random random) {
    RecordSchema record = (RecordSchema) schema;
    List<GenericRecord> views = new ArrayList<>();
    for (int i = 0; i < PER_FILE; i++) {
      GenericRecord r = new GenericRecord(record).put("id", firstId + i)
          .put("url", "https://h" + random.nextInt(20) + ".example.org/p/" + random.nextInt(1000));
      int millis = random.nextInt(Integer.MAX_VALUE);
      if (record.field("user") != null) {
        r.put("user", "user" + random.nextInt(50)).put("millis", millis * 1000L + random.nextInt(1000));
      } else {
        r.put("millis", millis);
      }
      views.add(r);
    }
    return views;
  }

  /** A record of any writer version as the reader schema sees it. */
  private static GenericRecord asReader(GenericRecord r) {
    RecordSchema writer = r.schema();
    return new GenericRecord((RecordSchema) PAGE_VIEW_READER).put("id", r.get("id")).put("url", r.get("url"))
        .put("user", writer.field("user") != null ? r.get("user") : "anonymous")
        .put("millis", ((Number) r.get("millis")).longValue());
  }

  @Test
  void everyRecordOfEveryVersionIsTransformedExactlyOnce() throws Exception {
    Random random = new Random(2024);
    Path in = tmp.resolve("in");
    List<GenericRecord> inputs = new ArrayList<>();
    List<GenericRecord> v0 = pageViews(PAGE_VIEW_V0, 0, random);
    List<GenericRecord> v1a = pageViews(PAGE_VIEW_V1, PER_FILE, random);
    List<GenericRecord> v1b = pageViews(PAGE_VIEW_V1, 2 * PER_FILE, random);
    LocalJobs.write(in.resolve("old.avro"), PAGE_VIEW_V0, CodecFactory.nullCodec(), v0);
    LocalJobs.write(in.resolve("deflated.avro"), PAGE_VIEW_V1, CodecFactory.deflate(6), v1a);
    LocalJobs.write(in.resolve("zstd.avro"), PAGE_VIEW_V1, CodecFactory.zstandard(3, true), v1b);
    inputs.addAll(v0);
    inputs.addAll(v1a);
    inputs.addAll(v1b);

    Job job = Job.getInstance(LocalJobs.conf(tmp), "transform");
    job.setInputFormatClass(AvroKeyInputFormat.class);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(in.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 8 * 1024); // several splits per file
    AvroJob.setInputKeySchema(job, PAGE_VIEW_READER);
    job.setMapperClass(VisitMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(AvroKeyOutputFormat.class);
    AvroJob.setOutputKeySchema(job, VISIT);
    Path out = tmp.resolve("out");
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    FileOutputFormat.setCompressOutput(job, true);
    job.getConfiguration().set(AvroConfigKeys.OUTPUT_CODEC, "deflate");
    job.getConfiguration().setInt(AvroConfigKeys.DEFLATE_LEVEL, 9);
    job.getConfiguration().set(AvroConfigKeys.TEXT_METADATA_PREFIX + "pipeline", "transform");

    assertThat(job.waitForCompletion(false)).isTrue();

    int splits = new AvroKeyInputFormat<>().getSplits(job).size();
    assertThat(splits).as("splits").isGreaterThan(3 * 2);
    assertThat(job.getCounters().findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue()).isEqualTo(inputs.size());
    List<Path> parts = LocalJobs.parts(out);
    assertThat(parts).as("one file per map task").hasSize(splits);
    for (Path part : parts) {
      try (DataFileReader<Object> reader = DataFileReader.open(part)) {
        assertThat(reader.codecName()).isEqualTo("deflate");
        assertThat(reader.metaString("pipeline")).isEqualTo("transform");
      }
    }
    List<Object> expected = new ArrayList<>();
    for (GenericRecord r : inputs) {
      expected.add(visit(asReader(r)));
    }
    List<Object> actual = LocalJobs.readApache(parts, VISIT);
    Comparator<Object> byId = Comparator.comparingLong(r -> (Long) ((GenericRecord) r).get("id"));
    actual.sort(byId);
    assertThat(actual).hasSize(inputs.size()).isEqualTo(expected);
  }
}
