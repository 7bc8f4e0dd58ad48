package io.lancaster.hadoop.mapreduce;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.readApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.output.KeyValuePairSchema;
import io.lancaster.hadoop.output.OutputDatums;
import io.lancaster.hadoop.output.OutputFixtures;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.ByteWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroKeyValueOutputFormatTest {
  @TempDir
  Path tmp;

  private <K, V> Path write(Configuration conf, List<K> keys, List<V> values) throws Exception {
    Path out = tmp.resolve("out");
    OutputTaskHarness job = new OutputTaskHarness(conf, out);
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<K, V> writer = job.open(new AvroKeyValueOutputFormat<K, V>(), attempt);
    for (int i = 0; i < keys.size(); i++) {
      writer.write(keys.get(i), values.get(i));
    }
    writer.close(attempt);
    job.commit(attempt);
    job.commitJob();
    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro");
    return out.resolve("part-r-00000.avro");
  }

  @Test
  void avroKeysAndValuesBecomeKeyValuePairRecordsAsAvroMapredWritesThem() throws Exception {
    Schema keySchema = PrimitiveSchema.of(Schema.Type.STRING);
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, keySchema.toString());
    conf.set(AvroConfigKeys.OUTPUT_VALUE_SCHEMA, EVENT.toString());
    conf.setClass(MRJobConfig.OUTPUT_KEY_CLASS, AvroKey.class, Object.class);
    conf.setClass(MRJobConfig.OUTPUT_VALUE_CLASS, AvroValue.class, Object.class);
    List<GenericRecord> events = events(30, 200, 0);
    List<AvroKey<String>> keys = new ArrayList<>();
    List<AvroValue<GenericRecord>> values = new ArrayList<>();
    RecordSchema pairSchema = KeyValuePairSchema.of(keySchema, EVENT);
    List<GenericRecord> expected = new ArrayList<>();
    for (GenericRecord e : events) {
      keys.add(new AvroKey<>((String) e.get("name")));
      values.add(new AvroValue<>(e));
      expected.add(new GenericRecord(pairSchema).put("key", e.get("name")).put("value", e));
    }
    Path file = write(conf, keys, values);

    assertThat(readCore(file)).isEqualTo(expected);
    assertThat(readApache(file, pairSchema)).isEqualTo(expected);
    try (org.apache.avro.file.DataFileReader<Object> apache = new org.apache.avro.file.DataFileReader<>(
        new java.io.File(file.toString()), new org.apache.avro.generic.GenericDatumReader<>())) {
      assertThat(apache.getSchema()).isEqualTo(org.apache.avro.hadoop.io.AvroKeyValue.getSchema(
          OutputFixtures.apache(keySchema), OutputFixtures.apache(EVENT)));
    }
  }

  @Test
  void basicWritablesTakeTheSchemasAvroMapredGivesThem() throws Exception {
    List<Class<? extends Writable>> types = List.of(Text.class, IntWritable.class,
        org.apache.hadoop.io.LongWritable.class, org.apache.hadoop.io.BooleanWritable.class,
        org.apache.hadoop.io.DoubleWritable.class, org.apache.hadoop.io.FloatWritable.class, BytesWritable.class,
        ByteWritable.class, NullWritable.class);
    org.apache.avro.hadoop.io.AvroDatumConverterFactory theirs =
        new org.apache.avro.hadoop.io.AvroDatumConverterFactory(new JobConf());
    for (Class<? extends Writable> type : types) {
      assertThat(OutputFixtures.apache(OutputDatums.writableSchema(type)))
          .as(type.getSimpleName())
          .isEqualTo(theirs.create(type).getWriterSchema());
    }
  }

  @Test
  void writableKeysAndValuesAreConverted() throws Exception {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.setClass(MRJobConfig.OUTPUT_KEY_CLASS, Text.class, Object.class);
    conf.setClass(MRJobConfig.OUTPUT_VALUE_CLASS, BytesWritable.class, Object.class);
    List<Text> keys = List.of(new Text("a"), new Text("\u00e9t\u00e9"), new Text(""));
    List<BytesWritable> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      BytesWritable b = new BytesWritable(new byte[] {1, 2, 3, 4, 5, 6, 7});
      b.setSize(i * 3); // the backing array is longer than the value
      values.add(b);
    }
    Path file = write(conf, keys, values);

    RecordSchema pair = KeyValuePairSchema.of(PrimitiveSchema.of(Schema.Type.STRING),
        PrimitiveSchema.of(Schema.Type.BYTES));
    List<Object> expected = List.of(
        new GenericRecord(pair).put("key", "a").put("value", ByteBuffer.wrap(new byte[0])),
        new GenericRecord(pair).put("key", "\u00e9t\u00e9").put("value", ByteBuffer.wrap(new byte[] {1, 2, 3})),
        new GenericRecord(pair).put("key", "").put("value", ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6})));
    assertThat(readCore(file)).isEqualTo(expected);
    assertThat(readApache(file, pair)).isEqualTo(expected);
  }

  @Test
  void aConfiguredSchemaWinsOverTheWritableClass() throws Exception {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.setClass(MRJobConfig.OUTPUT_KEY_CLASS, ByteWritable.class, Object.class);
    conf.set(AvroConfigKeys.OUTPUT_VALUE_SCHEMA, "[\"null\", \"long\"]");
    // the job forgot setOutputValueClass: LongWritable by default, yet the configured schema is used
    Path file = write(conf, List.of(new ByteWritable((byte) 7), new ByteWritable((byte) -1)),
        List.of(new AvroValue<>(5L), new AvroValue<Long>(null)));
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      RecordSchema pair = (RecordSchema) reader.schema();
      assertThat(pair.field("key").schema()).isEqualTo(OutputDatums.BYTE);
      assertThat(pair.field("value").schema().toString()).isEqualTo("[\"null\",\"long\"]");
      assertThat(reader.next()).isEqualTo(new GenericRecord(pair)
          .put("key", new GenericFixed(OutputDatums.BYTE, new byte[] {7})).put("value", 5L));
      assertThat(reader.next()).isEqualTo(new GenericRecord(pair)
          .put("key", new GenericFixed(OutputDatums.BYTE, new byte[] {-1})).put("value", null));
    }
  }

  @Test
  void avroWrappersWithoutASchemaFailNamingTheKey() throws Exception {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.setClass(MRJobConfig.OUTPUT_KEY_CLASS, AvroKey.class, Object.class);
    conf.setClass(MRJobConfig.OUTPUT_VALUE_CLASS, Text.class, Object.class);
    OutputTaskHarness job = new OutputTaskHarness(conf, tmp.resolve("out"));
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    assertThatThrownBy(() -> new AvroKeyValueOutputFormat<>().getRecordWriter(attempt))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(AvroConfigKeys.OUTPUT_KEY_SCHEMA)
        .hasMessageContaining(AvroKey.class.getName());
  }
}
