package io.lancaster.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.order.GenericComparator;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.mapreduce.AvroJob;
import io.lancaster.hadoop.mapreduce.AvroKeyInputFormat;
import io.lancaster.hadoop.mapreduce.AvroKeyOutputFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro records as shuffle keys on the LocalJobRunner: web events are grouped by a record key {country, device} with
 * a combiner and a reducer. The reducer's output comes in the spec's sort order of the key schema, whose device is
 * descending and whose sample URL is ignored: keys differing only in the URL meet in one reduce call.
 */
class ShuffleAggregationJobTest {
  static final Schema DEVICE = Schema.parse("""
      {"type": "enum", "name": "Device", "namespace": "web", "symbols": ["DESKTOP", "MOBILE", "TABLET", "TV"]}""");
  static final Schema EVENT = new io.lancaster.avro.schema.SchemaParser().addType((EnumSchema) DEVICE).parse("""
      {"type": "record", "name": "Event", "namespace": "web", "fields": [
        {"name": "country", "type": "string"}, {"name": "device", "type": "Device"},
        {"name": "url", "type": "string"}, {"name": "bytes", "type": "long"}]}""");
  static final Schema KEY = new io.lancaster.avro.schema.SchemaParser().addType((EnumSchema) DEVICE).parse("""
      {"type": "record", "name": "Segment", "namespace": "web", "fields": [
        {"name": "country", "type": "string"},
        {"name": "device", "type": "Device", "order": "descending"},
        {"name": "sampleUrl", "type": "string", "order": "ignore"}]}""");
  static final Schema STATS = Schema.parse("""
      {"type": "record", "name": "Stats", "namespace": "web", "fields": [
        {"name": "events", "type": "long"}, {"name": "bytes", "type": "long"}]}""");
  static final Schema SUMMARY = new io.lancaster.avro.schema.SchemaParser().addType((EnumSchema) DEVICE).parse("""
      {"type": "record", "name": "Summary", "namespace": "web", "fields": [
        {"name": "country", "type": "string"}, {"name": "device", "type": "Device"},
        {"name": "events", "type": "long"}, {"name": "bytes", "type": "long"}]}""");
  /** Non-ASCII names too: the shuffle orders strings by code point (unsigned UTF-8 bytes). */
  static final List<String> COUNTRIES = List.of("NZ", "DE", "Åland", "AT", "BR", "Ísland", "US", "FR", "JP", "ZA",
      "Österreich", "CA");

  @TempDir
  Path tmp;

  static class SegmentMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, AvroKey<GenericRecord>,
      AvroValue<GenericRecord>> {
    private final AvroKey<GenericRecord> key = new AvroKey<>();
    private final AvroValue<GenericRecord> value = new AvroValue<>();

    @Override
    protected void map(AvroKey<GenericRecord> event, NullWritable ignored, Context context)
        throws IOException, InterruptedException {
      GenericRecord e = event.datum();
      key.datum(new GenericRecord((RecordSchema) KEY).put("country", e.get("country"))
          .put("device", new GenericEnum((EnumSchema) DEVICE, ((GenericEnum) e.get("device")).symbol()))
          .put("sampleUrl", e.get("url")));
      value.datum(stats(1, (Long) e.get("bytes")));
      context.write(key, value);
    }
  }

  /** The combiner: partial sums, under the group's first key. */
  static class StatsCombiner extends Reducer<AvroKey<GenericRecord>, AvroValue<GenericRecord>, AvroKey<GenericRecord>,
      AvroValue<GenericRecord>> {
    @Override
    protected void reduce(AvroKey<GenericRecord> key, Iterable<AvroValue<GenericRecord>> values, Context context)
        throws IOException, InterruptedException {
      context.write(key, new AvroValue<>(sum(values)));
    }
  }

  static class SummaryReducer extends Reducer<AvroKey<GenericRecord>, AvroValue<GenericRecord>,
      AvroKey<GenericRecord>, NullWritable> {
    @Override
    protected void reduce(AvroKey<GenericRecord> key, Iterable<AvroValue<GenericRecord>> values, Context context)
        throws IOException, InterruptedException {
      GenericRecord total = sum(values);
      GenericRecord k = key.datum();
      context.write(new AvroKey<>(summary((String) k.get("country"), ((GenericEnum) k.get("device")).symbol(),
          (Long) total.get("events"), (Long) total.get("bytes"))), NullWritable.get());
    }
  }

  static GenericRecord stats(long events, long bytes) {
    return new GenericRecord((RecordSchema) STATS).put("events", events).put("bytes", bytes);
  }

  static GenericRecord sum(Iterable<AvroValue<GenericRecord>> values) {
    long events = 0;
    long bytes = 0;
    for (AvroValue<GenericRecord> v : values) {
      events += (Long) v.datum().get("events");
      bytes += (Long) v.datum().get("bytes");
    }
    return stats(events, bytes);
  }

  static GenericRecord summary(String country, String device, long events, long bytes) {
    return new GenericRecord((RecordSchema) SUMMARY).put("country", country)
        .put("device", new GenericEnum((EnumSchema) DEVICE, device)).put("events", events).put("bytes", bytes);
  }

  @Test
  void groupsComeOutInTheKeySchemasSortOrder() throws Exception {
    Random random = new Random(99);
    EnumSchema device = (EnumSchema) DEVICE;
    List<GenericRecord> events = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      events.add(new GenericRecord((RecordSchema) EVENT)
          .put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())))
          .put("device", new GenericEnum(device, device.symbols().get(random.nextInt(device.symbols().size()))))
          .put("url", "/page/" + random.nextInt(500))
          .put("bytes", (long) random.nextInt(100_000)));
    }
    Path in = tmp.resolve("in");
    LocalJobs.write(in.resolve("a.avro"), EVENT, CodecFactory.deflate(1), events.subList(0, 1700));
    LocalJobs.write(in.resolve("b.avro"), EVENT, CodecFactory.snappy(), events.subList(1700, events.size()));

    Job job = Job.getInstance(LocalJobs.conf(tmp), "aggregate");
    job.setInputFormatClass(AvroKeyInputFormat.class);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(in.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 16 * 1024);
    AvroJob.setInputKeySchema(job, EVENT);
    job.setMapperClass(SegmentMapper.class);
    AvroJob.setMapOutputKeySchema(job, KEY);
    AvroJob.setMapOutputValueSchema(job, STATS);
    job.setCombinerClass(StatsCombiner.class);
    job.setReducerClass(SummaryReducer.class);
    job.setNumReduceTasks(1);
    job.setOutputFormatClass(AvroKeyOutputFormat.class);
    AvroJob.setOutputKeySchema(job, SUMMARY);
    Path out = tmp.resolve("out");
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));

    assertThat(job.waitForCompletion(false)).isTrue();

    // expected: one summary per (country, device), in the key schema's order
    Map<List<String>, long[]> totals = new LinkedHashMap<>();
    for (GenericRecord e : events) {
      long[] t = totals.computeIfAbsent(List.of((String) e.get("country"), ((GenericEnum) e.get("device")).symbol()),
          k -> new long[2]);
      t[0]++;
      t[1] += (Long) e.get("bytes");
    }
    List<GenericRecord> keys = new ArrayList<>();
    for (List<String> k : totals.keySet()) {
      keys.add(new GenericRecord((RecordSchema) KEY).put("country", k.get(0))
          .put("device", new GenericEnum(device, k.get(1))).put("sampleUrl", "any"));
    }
    keys.sort(new GenericComparator(KEY));
    List<Object> expected = new ArrayList<>();
    for (GenericRecord k : keys) {
      String country = (String) k.get("country");
      String symbol = ((GenericEnum) k.get("device")).symbol();
      long[] t = totals.get(List.of(country, symbol));
      expected.add(summary(country, symbol, t[0], t[1]));
    }

    List<Path> parts = LocalJobs.parts(out);
    assertThat(parts).hasSize(1);
    List<Object> actual = LocalJobs.readApache(parts, SUMMARY);
    assertThat(actual).hasSize(COUNTRIES.size() * device.symbols().size()).isEqualTo(expected);
    assertThat(job.getCounters().findCounter(TaskCounter.REDUCE_INPUT_GROUPS).getValue()).isEqualTo(expected.size());
    assertThat(job.getCounters().findCounter(TaskCounter.COMBINE_INPUT_RECORDS).getValue())
        .as("the combiner ran").isEqualTo(events.size());

    // the order spelled out: countries by code point, devices descending within a country
    GenericRecord first = (GenericRecord) actual.get(0);
    GenericRecord second = (GenericRecord) actual.get(1);
    GenericRecord last = (GenericRecord) actual.get(actual.size() - 1);
    assertThat(List.of(first.get("country"), first.get("device").toString())).containsExactly("AT", "TV");
    assertThat(List.of(second.get("country"), second.get("device").toString())).containsExactly("AT", "TABLET");
    assertThat(List.of(last.get("country"), last.get("device").toString())).containsExactly("Österreich", "DESKTOP");
  }
}
