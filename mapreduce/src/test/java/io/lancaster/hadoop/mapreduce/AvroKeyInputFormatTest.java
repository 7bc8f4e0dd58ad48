package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.input.InputTestData;
import io.lancaster.hadoop.io.AvroKey;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroKeyInputFormatTest {
  @TempDir java.nio.file.Path tmp;

  private Job job(java.nio.file.Path input) throws IOException {
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(input.toUri()));
    return job;
  }

  private static Object datum(AvroKey<Object> key, NullWritable value) {
    assertThat(value).isSameAs(NullWritable.get());
    return key.datum();
  }

  private static long id(Object record) {
    return (Long) ((GenericRecord) record).get("id");
  }

  @ParameterizedTest
  @ValueSource(longs = {64, 150, 333, 1024, 5000, 40_000, Long.MAX_VALUE})
  void everyRecordIsReadExactlyOnceWhateverTheMaximumSplitSize(long maxSplitSize) throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    List<Object> first = InputTestData.events(1200, 0, 1);
    List<Object> second = InputTestData.events(800, 10_000, 2);
    InputTestData.write(dir.resolve("part-0.avro"), InputTestData.EVENT, first, CodecFactory.deflate(6), 400);
    InputTestData.write(dir.resolve("part-1.avro"), InputTestData.EVENT, second, CodecFactory.nullCodec(), 250);
    Job job = job(dir);
    FileInputFormat.setMaxInputSplitSize(job, maxSplitSize);

    AvroKeyInputFormat<Object> format = new AvroKeyInputFormat<>();
    List<InputSplit> splits = format.getSplits(job);
    long bytes = Files.size(dir.resolve("part-0.avro")) + Files.size(dir.resolve("part-1.avro"));
    assertThat(splits.size()).isGreaterThanOrEqualTo((int) Math.min(2, bytes / maxSplitSize));

    List<Object> read = NewApiReads.all(format, job, AvroKeyInputFormatTest::datum);
    List<Object> expected = new ArrayList<>(first);
    expected.addAll(second);
    read.sort(Comparator.comparingLong(AvroKeyInputFormatTest::id));
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void smallSplitsOfOneFileReadItsRecordsInOrder() throws Exception {
    List<Object> records = InputTestData.events(1000, 0, 3);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        CodecFactory.snappy(), 300);
    Job job = job(file);
    FileInputFormat.setMaxInputSplitSize(job, 200);
    List<List<Object>> bySplit = NewApiReads.bySplit(new AvroKeyInputFormat<>(), job, AvroKeyInputFormatTest::datum);
    assertThat(bySplit.size()).isGreaterThan(50);
    assertThat(bySplit).anyMatch(List::isEmpty); // splits without a marker in them hold no block
    List<Object> read = new ArrayList<>();
    bySplit.forEach(read::addAll);
    assertThat(read).isEqualTo(records);
  }

  @Test
  void aReaderSchemaInTheConfigurationResolvesEachFileFromItsOwnWriterSchema() throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    List<Object> current = InputTestData.events(300, 0, 4);
    InputTestData.write(dir.resolve("new.avro"), InputTestData.EVENT, current, CodecFactory.deflate(1), 500);
    Schema old = new SchemaParser().parse("""
        {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
          {"name": "id", "type": "long"}, {"name": "name", "type": "string"}]}""");
    List<Object> oldRecords = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      oldRecords.add(new GenericRecord((io.lancaster.avro.schema.RecordSchema) old).put("id", 5000L + i)
          .put("name", "old " + i));
    }
    InputTestData.write(dir.resolve("old.avro"), old, oldRecords, CodecFactory.nullCodec(), 300);
    Schema reader = new SchemaParser().parse("""
        {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
          {"name": "id", "type": "long"},
          {"name": "title", "type": "string", "aliases": ["name"]},
          {"name": "country", "type": "string", "default": "NL"},
          {"name": "attrs", "type": {"type": "map", "values": "long"}, "default": {}},
          {"name": "score", "type": ["null", "double"], "default": null}]}""");
    Job job = job(dir);
    job.getConfiguration().set(AvroConfigKeys.INPUT_KEY_SCHEMA, reader.toString());
    FileInputFormat.setMaxInputSplitSize(job, 700);

    List<Object> read = NewApiReads.all(new AvroKeyInputFormat<>(), job, AvroKeyInputFormatTest::datum);
    read.sort(Comparator.comparingLong(AvroKeyInputFormatTest::id));
    assertThat(read).hasSize(500);
    for (int i = 0; i < 300; i++) {
      GenericRecord r = (GenericRecord) read.get(i);
      GenericRecord w = (GenericRecord) current.get(i);
      assertThat(r.schema()).isEqualTo(reader);
      assertThat(r.get("id")).isEqualTo(w.get("id"));
      assertThat(r.get("title")).isEqualTo(w.get("name"));
      assertThat(r.get("country")).isEqualTo("NL");
      assertThat(r.get("score")).isEqualTo(w.get("score"));
      Map<?, ?> attrs = (Map<?, ?>) r.get("attrs");
      Map<?, ?> writtenAttrs = (Map<?, ?>) w.get("attrs");
      assertThat(attrs.keySet()).isEqualTo(writtenAttrs.keySet());
      attrs.forEach((k, v) -> assertThat(v).isEqualTo(((Integer) writtenAttrs.get(k)).longValue()));
    }
    for (int i = 0; i < 200; i++) {
      GenericRecord r = (GenericRecord) read.get(300 + i);
      assertThat(r.get("title")).isEqualTo("old " + i);
      assertThat(r.get("attrs")).isEqualTo(Map.of());
      assertThat(r.get("score")).isNull();
    }
  }

  @Test
  void readsEveryListedFileUnlessTheExtensionIsRequired() throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    InputTestData.write(dir.resolve("a.avro"), InputTestData.EVENT, InputTestData.events(30, 0, 1),
        CodecFactory.nullCodec(), 1000);
    InputTestData.write(dir.resolve("b.data"), InputTestData.EVENT, InputTestData.events(20, 100, 2),
        CodecFactory.nullCodec(), 1000);
    Files.write(dir.resolve("_SUCCESS"), new byte[0]);
    Job job = job(dir);
    assertThat(NewApiReads.all(new AvroKeyInputFormat<>(), job, AvroKeyInputFormatTest::datum)).hasSize(50);

    job.getConfiguration().setBoolean(AvroConfigKeys.IGNORE_INPUTS_WITHOUT_EXTENSION, true);
    assertThat(NewApiReads.all(new AvroKeyInputFormat<>(), job, AvroKeyInputFormatTest::datum))
        .hasSize(30).allMatch(r -> id(r) < 100);
  }

  @Test
  void theReaderReusesItsKeyAndClearsItAtTheEnd() throws Exception {
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT,
        InputTestData.events(40, 0, 1), CodecFactory.nullCodec(), 200);
    Job job = job(file);
    Set<Object> keys = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Object> read = NewApiReads.all(new AvroKeyInputFormat<>(), job, (k, v) -> {
      keys.add(k);
      return k.datum();
    });
    assertThat(read).hasSize(40).doesNotContainNull();
    assertThat(keys).hasSize(1);
    assertThat(((AvroKey<?>) keys.iterator().next()).datum()).isNull();
  }

  @Test
  void aCorruptFileFailsTheReaderWithTheCoresMessage() throws Exception {
    java.nio.file.Path file = InputTestData.write(tmp.resolve("bad.avro"), InputTestData.EVENT,
        InputTestData.events(200, 0, 1), CodecFactory.deflate(6), 400);
    byte[] bytes = Files.readAllBytes(file);
    long header;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      header = r.header().length();
    }
    for (int i = (int) header + 40; i < header + 60; i++) {
      bytes[i] ^= (byte) 0xA5; // inside the first block's compressed data
    }
    Files.write(file, bytes);
    Job job = job(file);
    assertThatThrownBy(() -> NewApiReads.all(new AvroKeyInputFormat<>(), job, AvroKeyInputFormatTest::datum))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining("bad.avro")
        .hasMessageContaining("block 0")
        .hasMessageContaining("offset " + header);
  }
}
