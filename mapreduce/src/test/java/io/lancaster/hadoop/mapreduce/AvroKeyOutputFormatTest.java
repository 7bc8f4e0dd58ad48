package io.lancaster.hadoop.mapreduce;

import static io.lancaster.hadoop.output.OutputFixtures.EVENT;
import static io.lancaster.hadoop.output.OutputFixtures.events;
import static io.lancaster.hadoop.output.OutputFixtures.readApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.output.ContainerBlocks;
import io.lancaster.hadoop.output.OutputFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroKeyOutputFormatTest {
  @TempDir
  Path tmp;

  private Configuration conf() {
    Configuration conf = OutputFixtures.localConf(tmp);
    conf.set(AvroConfigKeys.OUTPUT_KEY_SCHEMA, EVENT.toString());
    return conf;
  }

  private static List<AvroKey<GenericRecord>> keys(List<GenericRecord> records) {
    List<AvroKey<GenericRecord>> keys = new ArrayList<>();
    records.forEach(r -> keys.add(new AvroKey<>(r)));
    return keys;
  }

  private Path write(Configuration conf, List<GenericRecord> records) throws Exception {
    Path out = tmp.resolve("out");
    new OutputTaskHarness(conf, out).writeAndCommit(new AvroKeyOutputFormat<GenericRecord>(), keys(records),
        NullWritable.get());
    return out;
  }

  @Test
  void writesOneUncompressedPartFileReadableByBothLibraries() throws Exception {
    List<GenericRecord> records = events(1, 300, 0);
    Configuration conf = conf();
    conf.set(AvroConfigKeys.OUTPUT_CODEC, "snappy"); // ignored: compression is off
    Path out = write(conf, records);

    assertThat(visibleFiles(out)).containsExactly("part-r-00000.avro");
    Path file = out.resolve("part-r-00000.avro");
    assertThat(readCore(file)).isEqualTo(records);
    assertThat(readApache(file, EVENT)).isEqualTo(records);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.codecName()).isEqualTo("null");
      assertThat(reader.schema()).isEqualTo(EVENT);
    }
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource(nullValues = "-", value = {
      "-,         -,                         -,  deflate,   -1",
      "deflate,   -,                         -,  deflate,   -1",
      "deflate,   avro.mapred.deflate.level, 1,  deflate,   1",
      "deflate,   avro.mapred.deflate.level, 0,  deflate,   0",
      "snappy,    -,                         -,  snappy,    -",
      "zstandard, -,                         -,  zstandard, 3",
      "zstd,      avro.mapred.zstd.level,    -3, zstandard, -3",
      "zstandard, avro.mapred.zstd.level,    12, zstandard, 12",
      "bzip2,     -,                         -,  bzip2,     -",
      "xz,        -,                         -,  xz,        6",
      "xz,        avro.mapred.xz.level,      1,  xz,        1",
      "null,      -,                         -,  null,      -"})
  void everyCodecAndLevelKeyIsHonoured(String codec, String levelKey, String level, String expectedCodec,
      Integer expectedLevel) throws Exception {
    List<GenericRecord> records = events(2, 400, 1000);
    Configuration conf = conf();
    conf.setBoolean(FileOutputFormat.COMPRESS, true);
    conf.setInt(AvroConfigKeys.SYNC_INTERVAL, 4096);
    if (codec != null) {
      conf.set(AvroConfigKeys.OUTPUT_CODEC, codec);
    }
    if (levelKey != null) {
      conf.set(levelKey, level);
    }
    Path file = write(conf, records).resolve("part-r-00000.avro");

    assertThat(readCore(file)).isEqualTo(records);
    assertThat(readApache(file, EVENT)).isEqualTo(records);
    try (org.apache.avro.file.DataFileReader<Object> apache = new org.apache.avro.file.DataFileReader<>(
        new File(file.toString()), new org.apache.avro.generic.GenericDatumReader<>())) {
      assertThat(apache.getMetaString("avro.codec")).isEqualTo(expectedCodec);
    }
    ContainerBlocks blocks = ContainerBlocks.of(file);
    assertThat(blocks.stored()).hasSizeGreaterThan(3);
    assertThat(blocks.storedEquals(blocks.recompressed(expectedCodec, expectedLevel)))
        .as("blocks are %s at level %s", expectedCodec, expectedLevel).isTrue();
    if (levelKey != null) {
      assertThat(blocks.storedEquals(blocks.recompressed(expectedCodec, null)))
          .as("level %s differs from the default", level).isFalse();
    }
  }

  @Test
  void metadataKeysBecomeFileMetadata() throws Exception {
    Configuration conf = conf();
    conf.set(AvroConfigKeys.TEXT_METADATA_PREFIX + "job.owner", "\u00e9quipe");
    conf.set(AvroConfigKeys.BINARY_METADATA_PREFIX + "job.magic", "%CA%FE%00");
    Path file = write(conf, events(3, 10, 0)).resolve("part-r-00000.avro");

    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.metaString("job.owner")).isEqualTo("\u00e9quipe");
      assertThat(reader.meta("job.magic")).containsExactly(0xCA, 0xFE, 0x00);
    }
    try (org.apache.avro.file.DataFileReader<Object> apache = new org.apache.avro.file.DataFileReader<>(
        new File(file.toString()), new org.apache.avro.generic.GenericDatumReader<>())) {
      assertThat(apache.getMeta("job.owner")).isEqualTo("\u00e9quipe".getBytes(StandardCharsets.UTF_8));
      assertThat(apache.getMeta("job.magic")).containsExactly(0xCA, 0xFE, 0x00);
    }
  }

  @Test
  void syncIntervalKeySetsTheBlockSize() throws Exception {
    Configuration conf = conf();
    conf.setInt(AvroConfigKeys.SYNC_INTERVAL, 1024);
    List<GenericRecord> records = events(4, 500, 0);
    Path file = write(conf, records).resolve("part-r-00000.avro");

    ContainerBlocks blocks = ContainerBlocks.of(file);
    assertThat(blocks.decoded().size()).isGreaterThan(10);
    for (byte[] b : blocks.decoded().subList(0, blocks.decoded().size() - 1)) {
      assertThat(b.length).isBetween(1024, 1024 + 400);
    }
    assertThat(readCore(file)).isEqualTo(records);
  }

  @Test
  void mapOnlyJobsPreferTheMapOutputSchemaAndNameTheFileAfterTheMapTask() throws Exception {
    Schema narrow = Schema.parse("{\"type\":\"record\",\"name\":\"Id\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    Configuration conf = conf();
    conf.setInt(MRJobConfig.NUM_REDUCES, 0);
    conf.set(AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA, narrow.toString());
    OutputTaskHarness job = new OutputTaskHarness(conf, tmp.resolve("out"));
    AvroKeyOutputFormat<GenericRecord> format = new AvroKeyOutputFormat<>();
    TaskAttemptContext attempt = job.attempt(TaskType.MAP, 3, 0);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> writer = job.open(format, attempt);
    GenericRecord id = new GenericRecord((io.lancaster.avro.schema.RecordSchema) narrow).put("id", 42L);
    writer.write(new AvroKey<>(id), NullWritable.get());
    writer.close(attempt);
    job.commit(attempt);
    job.commitJob();

    assertThat(visibleFiles(tmp.resolve("out"))).containsExactly("part-m-00003.avro");
    assertThat(readCore(tmp.resolve("out/part-m-00003.avro"))).containsExactly(id);
  }

  @Test
  void avroMapredNamedOutputKeyNamesTheFile() throws Exception {
    Configuration conf = conf();
    conf.set(AvroOutputFormatBase.AVRO_MAPRED_NAMED_OUTPUT, "stats");
    Path out = write(conf, events(5, 3, 0));
    assertThat(visibleFiles(out)).containsExactly("stats-r-00000.avro");
  }

  @Test
  void withoutASchemaTheWriterFailsNamingTheKey() throws Exception {
    Configuration conf = OutputFixtures.localConf(tmp);
    OutputTaskHarness job = new OutputTaskHarness(conf, tmp.resolve("out"));
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    assertThatThrownBy(() -> new AvroKeyOutputFormat<>().getRecordWriter(attempt))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(AvroConfigKeys.OUTPUT_KEY_SCHEMA);
  }

  @Test
  void aDatumThatDoesNotFitIsRefusedNamingFileAndFieldAndLeftOut() throws Exception {
    List<GenericRecord> records = events(6, 20, 0);
    OutputTaskHarness job = new OutputTaskHarness(conf(), tmp.resolve("out"));
    AvroKeyOutputFormat<GenericRecord> format = new AvroKeyOutputFormat<>();
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> writer = job.open(format, attempt);
    for (int i = 0; i < records.size(); i++) {
      writer.write(new AvroKey<>(records.get(i)), NullWritable.get());
      if (i == 9) {
        GenericRecord bad = events(7, 1, 0).get(0).put("score", "high");
        assertThatThrownBy(() -> writer.write(new AvroKey<>(bad), NullWritable.get()))
            .isInstanceOf(AvroTypeException.class)
            .hasMessageContaining("cannot write record 10 to ")
            .hasMessageContaining("part-r-00000.avro")
            .hasMessageContaining("score");
      }
    }
    writer.close(attempt);
    job.commit(attempt);
    job.commitJob();
    assertThat(readCore(tmp.resolve("out/part-r-00000.avro"))).isEqualTo(records);
  }

  @Test
  void syncEndsTheBlockAtAPositionReadersCanSeekTo() throws Exception {
    List<GenericRecord> records = events(8, 50, 0);
    OutputTaskHarness job = new OutputTaskHarness(conf(), tmp.resolve("out"));
    AvroKeyOutputFormat<GenericRecord> format = new AvroKeyOutputFormat<>();
    TaskAttemptContext attempt = job.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> writer = job.open(format, attempt);
    long position = -1;
    for (int i = 0; i < records.size(); i++) {
      if (i == 30) {
        position = ((io.lancaster.hadoop.output.Syncable) writer).sync();
      }
      writer.write(new AvroKey<>(records.get(i)), NullWritable.get());
    }
    writer.close(attempt);
    job.commit(attempt);
    job.commitJob();
    try (DataFileReader<Object> reader = DataFileReader.open(tmp.resolve("out/part-r-00000.avro"))) {
      reader.seek(position);
      List<Object> tail = new ArrayList<>();
      while (reader.hasNext()) {
        tail.add(reader.next());
      }
      assertThat(tail).isEqualTo(records.subList(30, 50));
    }
  }
}
