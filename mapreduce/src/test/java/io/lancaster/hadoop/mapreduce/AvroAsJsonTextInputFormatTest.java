package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.input.InputTestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroAsJsonTextInputFormatTest {
  @TempDir java.nio.file.Path tmp;

  private record Line(long key, String json) {}

  @Test
  void eachRecordIsOneLineOfTheSpecJsonKeyedByItsBlocksOffset() throws Exception {
    List<Object> records = InputTestData.events(700, 0, 21);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        CodecFactory.deflate(6), 500);
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(file.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 900);

    List<Object> lines = NewApiReads.all(new AvroAsJsonTextInputFormat(), job,
        (k, v) -> new Line(k.get(), v.toString()));

    List<String> json = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    for (Object o : lines) {
      json.add(((Line) o).json());
      keys.add(((Line) o).key());
    }
    assertThat(InputTestData.readBack(file)).isEqualTo(records);
    // Maps print in the order of the map the reader makes, so the expected text is made from records read back.
    assertThat(json).isEqualTo(InputTestData.json(InputTestData.EVENT, InputTestData.readBack(file))).noneMatch(s -> s.contains("\n"));
    assertThat(keys).isSorted();
    // A key is where the record's block starts: seeking there re-reads the block from its first record.
    Map<Long, Integer> firstIndex = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      firstIndex.putIfAbsent(keys.get(i), i);
    }
    assertThat(firstIndex).hasSizeGreaterThan(20);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      for (Map.Entry<Long, Integer> e : firstIndex.entrySet()) {
        reader.seek(e.getKey());
        assertThat(reader.next()).isEqualTo(records.get(e.getValue()));
      }
    }
  }

  @Test
  void aReaderSchemaShapesTheJson() throws Exception {
    List<Object> records = InputTestData.events(50, 0, 22);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        CodecFactory.nullCodec(), 500);
    Schema reader = new SchemaParser().parse("""
        {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
          {"name": "id", "type": "long"}, {"name": "country", "type": "string", "default": "?"}]}""");
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(file.toUri()));
    job.getConfiguration().set(AvroConfigKeys.INPUT_KEY_SCHEMA, reader.toString());

    List<Object> lines = NewApiReads.all(new AvroAsJsonTextInputFormat(), job, (k, v) -> v.toString());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add("{\"id\":" + i + ",\"country\":\"?\"}");
    }
    assertThat(lines).isEqualTo(expected);
  }
}
