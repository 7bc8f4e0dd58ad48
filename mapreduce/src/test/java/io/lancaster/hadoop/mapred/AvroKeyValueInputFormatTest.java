package io.lancaster.hadoop.mapred;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.input.InputTestData;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroKeyValueInputFormatTest {
  private static final RecordSchema PAIR = (RecordSchema) new SchemaParser().parse("""
      {"type": "record", "name": "KeyValuePair", "namespace": "org.apache.avro.mapreduce", "fields": [
        {"name": "key", "type": "int"}, {"name": "value", "type": "string"}]}""");

  @TempDir java.nio.file.Path tmp;

  @Test
  void readsPairsOnceAcrossSplitsWithAKeyReaderSchema() throws Exception {
    List<Object> pairs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      pairs.add(new GenericRecord(PAIR).put("key", i).put("value", "v" + i));
    }
    java.nio.file.Path file = InputTestData.write(tmp.resolve("kv.avro"), PAIR, pairs, CodecFactory.deflate(6), 300);
    JobConf job = new JobConf(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(file.toUri()));
    job.set(AvroConfigKeys.INPUT_KEY_SCHEMA, "\"long\"");

    List<Object> read = OldApiReads.all(new AvroKeyValueInputFormat<Object, Object>(), job, 25,
        (AvroKey<Object> k, AvroValue<Object> v) -> List.of(k.datum(), v.datum()));
    List<Object> expected = new ArrayList<>();
    for (long i = 0; i < 2000; i++) {
      expected.add(List.of(i, "v" + i));
    }
    assertThat(read).isEqualTo(expected);
  }
}
