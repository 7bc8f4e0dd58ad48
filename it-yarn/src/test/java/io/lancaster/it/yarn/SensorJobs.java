package io.lancaster.it.yarn;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.it.yarn.Readings.Reading;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The mappers, reducers and schemas of the YARN tests' jobs over {@link Readings} (a copy of the {@code it} module's,
 * as modules share no test classes): a filtering transform and an aggregation keyed by Avro records (with a
 * descending and an ignored field, so that the sort order matters).
 * Plain Hadoop classes over Lancaster's generic data, as a user's job would have.
 */
final class SensorJobs {
  private static final String KIND = """
      {"type": "enum", "name": "Kind", "symbols": ["TEMPERATURE", "HUMIDITY", "PRESSURE", "WIND"]}""";

  /** The transform's output: a reading of level -500 or more, with the mean of its values. */
  static final Schema ALERT = Schema.parse("""
      {"type": "record", "name": "Alert", "namespace": "io.lancaster.it", "fields": [
        {"name": "id", "type": "long"},
        {"name": "sensor", "type": "string"},
        {"name": "kind", "type": %s},
        {"name": "level", "type": "long"},
        {"name": "mean", "type": ["null", "double"]}]}""".formatted(KIND));
  /** The shuffle key: sensors ascending, kinds descending; the sample reading's id is ignored by the order. */
  static final Schema KEY = Schema.parse("""
      {"type": "record", "name": "SensorKey", "namespace": "io.lancaster.it", "fields": [
        {"name": "sensor", "type": "string"},
        {"name": "kind", "type": %s, "order": "descending"},
        {"name": "sample", "type": "long", "order": "ignore"}]}""".formatted(KIND));
  static final Schema TALLY = Schema.parse("""
      {"type": "record", "name": "Tally", "namespace": "io.lancaster.it", "fields": [
        {"name": "count", "type": "long"}, {"name": "levelSum", "type": "long"}]}""");
  static final Schema TOTAL = Schema.parse("""
      {"type": "record", "name": "SensorTotal", "namespace": "io.lancaster.it", "fields": [
        {"name": "sensor", "type": "string"},
        {"name": "kind", "type": %s},
        {"name": "count", "type": "long"},
        {"name": "levelSum", "type": "long"}]}""".formatted(KIND));
  /**
   * {@link #KEY}'s sort order on (sensor, kind symbol): sensors by code point (the order of their UTF-8 bytes, as
   * the spec orders strings), then kinds by descending symbol index.
   */
  static final Comparator<List<String>> KEY_ORDER = Comparator
      .comparing((List<String> k) -> k.get(0), SensorJobs::byCodePoint)
      .thenComparing(k -> Readings.KINDS.indexOf(k.get(1)), Comparator.reverseOrder());

  private SensorJobs() {}

  static boolean isAlert(Reading r) {
    return r.level() >= -500;
  }

  static Double mean(List<Double> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
  }

  static int byCodePoint(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  private static GenericEnum kind(Schema record, Object symbol) {
    return new GenericEnum((EnumSchema) ((RecordSchema) record).field("kind").schema(),
        ((GenericEnum) symbol).symbol());
  }

  /** Map only: keeps the alerts among the readings. */
  static class AlertMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, AvroKey<GenericRecord>,
      NullWritable> {
    private final AvroKey<GenericRecord> out = new AvroKey<>();

    @Override
    protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context)
        throws IOException, InterruptedException {
      Reading r = Readings.fromLancaster(key.datum());
      if (isAlert(r)) {
        out.datum(new GenericRecord((RecordSchema) ALERT).put("id", r.id()).put("sensor", r.sensor())
            .put("kind", kind(ALERT, key.datum().get("kind"))).put("level", (long) r.level())
            .put("mean", mean(r.values())));
        context.write(out, NullWritable.get());
      }
    }
  }

  /** Each reading as a {@link #KEY} with a tally of one. */
  static class TallyMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, AvroKey<GenericRecord>,
      AvroValue<GenericRecord>> {
    private final AvroKey<GenericRecord> key = new AvroKey<>();
    private final AvroValue<GenericRecord> value = new AvroValue<>();

    @Override
    protected void map(AvroKey<GenericRecord> reading, NullWritable ignored, Context context)
        throws IOException, InterruptedException {
      GenericRecord r = reading.datum();
      // a different sample in every key: only the sort order's "ignore" lets equal sensors and kinds meet
      key.datum(new GenericRecord((RecordSchema) KEY).put("sensor", r.get("sensor"))
          .put("kind", kind(KEY, r.get("kind"))).put("sample", r.get("id")));
      value.datum(tally(1, (Integer) r.get("level")));
      context.write(key, value);
    }
  }

  /** The combiner: partial tallies, under the group's first key. */
  static class TallyCombiner extends Reducer<AvroKey<GenericRecord>, AvroValue<GenericRecord>,
      AvroKey<GenericRecord>, AvroValue<GenericRecord>> {
    @Override
    protected void reduce(AvroKey<GenericRecord> key, Iterable<AvroValue<GenericRecord>> values, Context context)
        throws IOException, InterruptedException {
      context.write(key, new AvroValue<>(sum(values)));
    }
  }

  static class TotalReducer extends Reducer<AvroKey<GenericRecord>, AvroValue<GenericRecord>,
      AvroKey<GenericRecord>, NullWritable> {
    @Override
    protected void reduce(AvroKey<GenericRecord> key, Iterable<AvroValue<GenericRecord>> values, Context context)
        throws IOException, InterruptedException {
      GenericRecord total = sum(values);
      context.write(new AvroKey<>(new GenericRecord((RecordSchema) TOTAL).put("sensor", key.datum().get("sensor"))
          .put("kind", kind(TOTAL, key.datum().get("kind")))
          .put("count", total.get("count")).put("levelSum", total.get("levelSum"))), NullWritable.get());
    }
  }

  static GenericRecord tally(long count, long levelSum) {
    return new GenericRecord((RecordSchema) TALLY).put("count", count).put("levelSum", levelSum);
  }

  static GenericRecord sum(Iterable<AvroValue<GenericRecord>> values) {
    long count = 0;
    long levelSum = 0;
    for (AvroValue<GenericRecord> v : values) {
      count += (Long) v.datum().get("count");
      levelSum += (Long) v.datum().get("levelSum");
    }
    return tally(count, levelSum);
  }
}
