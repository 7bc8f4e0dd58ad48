package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.input.InputTestData;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroKeyValueInputFormatTest {
  /** avro-mapred's AvroKeyValue.getSchema(string, Event), as Apache Avro prints it. */
  static final RecordSchema PAIR = (RecordSchema) new SchemaParser().parse(
      org.apache.avro.hadoop.io.AvroKeyValue.getSchema(
          org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING),
          new org.apache.avro.Schema.Parser().parse(InputTestData.EVENT_JSON)).toString());

  @TempDir java.nio.file.Path tmp;

  private record KeyValue(Object key, Object value) {}

  static List<Object> pairs(List<Object> events) {
    List<Object> pairs = new ArrayList<>();
    for (Object e : events) {
      pairs.add(new GenericRecord(PAIR).put("key", "k" + ((GenericRecord) e).get("id")).put("value", e));
    }
    return pairs;
  }

  private Job job(java.nio.file.Path input) throws Exception {
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(input.toUri()));
    return job;
  }

  private static long id(Object keyValue) {
    return (Long) ((GenericRecord) ((KeyValue) keyValue).value()).get("id");
  }

  @Test
  void readsTheKeyAndValueFieldsOfPairRecordsOnceAcrossSplits() throws Exception {
    assertThat(PAIR.fullName()).isEqualTo("org.apache.avro.mapreduce.KeyValuePair");
    List<Object> events = InputTestData.events(900, 0, 31);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("kv.avro"), PAIR, pairs(events),
        CodecFactory.deflate(6), 400);
    Job job = job(file);
    FileInputFormat.setMaxInputSplitSize(job, 500);

    List<Object> read = NewApiReads.all(new AvroKeyValueInputFormat<Object, Object>(), job,
        (AvroKey<Object> k, AvroValue<Object> v) -> new KeyValue(k.datum(), v.datum()));
    read.sort(Comparator.comparingLong(AvroKeyValueInputFormatTest::id));
    assertThat(read).hasSize(900);
    for (int i = 0; i < 900; i++) {
      KeyValue kv = (KeyValue) read.get(i);
      assertThat(kv.key()).isEqualTo("k" + i);
      assertThat(kv.value()).isEqualTo(events.get(i));
    }
  }

  @Test
  void aValueReaderSchemaAloneResolvesTheValueAndKeepsTheFilesKey() throws Exception {
    List<Object> events = InputTestData.events(100, 0, 32);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("kv.avro"), PAIR, pairs(events),
        CodecFactory.nullCodec(), 400);
    Schema valueReader = new SchemaParser().parse("""
        {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
          {"name": "id", "type": "double"},
          {"name": "attrs", "type": {"type": "map", "values": "long"}}]}""");
    Job job = job(file);
    job.getConfiguration().set(AvroConfigKeys.INPUT_VALUE_SCHEMA, valueReader.toString());

    List<Object> read = NewApiReads.all(new AvroKeyValueInputFormat<Object, Object>(), job,
        (AvroKey<Object> k, AvroValue<Object> v) -> new KeyValue(k.datum(), v.datum()));
    assertThat(read).hasSize(100);
    for (int i = 0; i < 100; i++) {
      KeyValue kv = (KeyValue) read.get(i);
      GenericRecord value = (GenericRecord) kv.value();
      assertThat(kv.key()).isEqualTo("k" + i);
      assertThat(value.schema()).isEqualTo(valueReader);
      assertThat(value.get("id")).isEqualTo((double) i);
      Map<?, ?> written = (Map<?, ?>) ((GenericRecord) events.get(i)).get("attrs");
      assertThat(((Map<?, ?>) value.get("attrs")).keySet()).isEqualTo(written.keySet());
    }
  }

  @Test
  void aFileThatIsNotOfPairsFailsNamingIt() throws Exception {
    java.nio.file.Path file = InputTestData.write(tmp.resolve("events.avro"), InputTestData.EVENT,
        InputTestData.events(10, 0, 1), CodecFactory.nullCodec(), 400);
    Job job = job(file);
    assertThatThrownBy(() -> NewApiReads.all(new AvroKeyValueInputFormat<Object, Object>(), job,
        (AvroKey<Object> k, AvroValue<Object> v) -> k))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining("events.avro")
        .hasMessageContaining("not a key/value file");
  }

  @Test
  void theCombineFormatReadsPairsOfManySmallFiles() throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    List<Object> events = new ArrayList<>();
    for (int f = 0; f < 6; f++) {
      List<Object> part = InputTestData.events(40, f * 40L, f);
      events.addAll(part);
      InputTestData.write(dir.resolve("part-" + f + ".avro"), PAIR, pairs(part), CodecFactory.nullCodec(), 400);
    }
    Job job = job(dir);
    FileInputFormat.setMaxInputSplitSize(job, 20_000);
    CombineAvroKeyValueInputFormat<Object, Object> format = new CombineAvroKeyValueInputFormat<>();
    assertThat(format.getSplits(job)).hasSizeLessThan(6);
    List<Object> read = NewApiReads.all(format, job,
        (AvroKey<Object> k, AvroValue<Object> v) -> new KeyValue(k.datum(), v.datum()));
    read.sort(Comparator.comparingLong(AvroKeyValueInputFormatTest::id));
    List<Object> values = new ArrayList<>();
    read.forEach(kv -> values.add(((KeyValue) kv).value()));
    assertThat(values).isEqualTo(events);
  }
}
