package io.lancaster.hadoop.mapred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.input.InputTestData;
import io.lancaster.hadoop.io.AvroWrapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroInputFormatTest {
  @TempDir java.nio.file.Path tmp;

  private JobConf job(java.nio.file.Path input) {
    JobConf job = new JobConf(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(input.toUri()));
    return job;
  }

  private static Object datum(AvroWrapper<Object> key, NullWritable value) {
    assertThat(value).isSameAs(NullWritable.get());
    return key.datum();
  }

  private static long id(Object record) {
    return (Long) ((GenericRecord) record).get("id");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 50, 400})
  void everyRecordIsReadExactlyOnceWhateverTheNumberOfSplits(int numSplits) throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    List<Object> first = InputTestData.events(1200, 0, 1);
    List<Object> second = InputTestData.events(800, 10_000, 2);
    InputTestData.write(dir.resolve("part-0.avro"), InputTestData.EVENT, first, CodecFactory.deflate(6), 400);
    InputTestData.write(dir.resolve("part-1.avro"), InputTestData.EVENT, second, CodecFactory.nullCodec(), 250);
    JobConf job = job(dir);
    AvroInputFormat<Object> format = new AvroInputFormat<>();
    assertThat(format.getSplits(job, numSplits).length).isGreaterThanOrEqualTo(Math.min(numSplits, 2));

    List<Object> read = OldApiReads.all(format, job, numSplits, AvroInputFormatTest::datum);
    List<Object> expected = new ArrayList<>(first);
    expected.addAll(second);
    read.sort(Comparator.comparingLong(AvroInputFormatTest::id));
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void theInputSchemaResolvesEveryFile() throws Exception {
    List<Object> records = InputTestData.events(400, 0, 5);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        CodecFactory.deflate(6), 300);
    Schema reader = new SchemaParser().parse("""
        {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
          {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["C", "B", "A", "D"]}},
          {"name": "id", "type": "float"},
          {"name": "extra", "type": ["null", "string"], "default": null}]}""");
    JobConf job = job(file);
    job.set(AvroConfigKeys.INPUT_SCHEMA, reader.toString());

    List<Object> read = OldApiReads.all(new AvroInputFormat<>(), job, 30, AvroInputFormatTest::datum);
    assertThat(read).hasSize(400);
    for (int i = 0; i < 400; i++) {
      GenericRecord r = (GenericRecord) read.get(i);
      assertThat(r.schema()).isEqualTo(reader);
      assertThat(r.get("id")).isEqualTo((float) i);
      assertThat(r.get("kind").toString()).isEqualTo(((GenericRecord) records.get(i)).get("kind").toString());
      assertThat(r.get("extra")).isNull();
    }
  }

  @Test
  void skipsFilesWithoutTheExtensionUnlessToldNotTo() throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    InputTestData.write(dir.resolve("a.avro"), InputTestData.EVENT, InputTestData.events(30, 0, 1),
        CodecFactory.nullCodec(), 1000);
    InputTestData.write(dir.resolve("b.data"), InputTestData.EVENT, InputTestData.events(20, 100, 2),
        CodecFactory.nullCodec(), 1000);
    Files.write(dir.resolve("_SUCCESS"), new byte[0]);
    JobConf job = job(dir);
    assertThat(OldApiReads.all(new AvroInputFormat<>(), job, 1, AvroInputFormatTest::datum))
        .hasSize(30).allMatch(r -> id(r) < 100);

    job.setBoolean(AvroConfigKeys.IGNORE_INPUTS_WITHOUT_EXTENSION, false);
    assertThat(OldApiReads.all(new AvroInputFormat<>(), job, 1, AvroInputFormatTest::datum)).hasSize(50);
  }

  @Test
  void aCorruptFileFailsWithTheCoresMessage() throws Exception {
    java.nio.file.Path file = InputTestData.write(tmp.resolve("bad.avro"), InputTestData.EVENT,
        InputTestData.events(100, 0, 1), CodecFactory.nullCodec(), 400);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x7F; // the last block's sync marker
    Files.write(file, bytes);
    JobConf job = job(file);
    assertThatThrownBy(() -> OldApiReads.all(new AvroInputFormat<>(), job, 1, AvroInputFormatTest::datum))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining("bad.avro")
        .hasMessageContaining("block ")
        .hasMessageContaining("offset ");
  }
}
