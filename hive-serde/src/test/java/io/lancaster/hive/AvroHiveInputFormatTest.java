package io.lancaster.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hive.schema.TableProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hive.serde2.ColumnProjectionUtils;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroHiveInputFormatTest {
  private static final int RECORDS = 3000;
  private static final RecordSchema V1 = (RecordSchema) Schema.parse("""
      {"type": "record", "name": "Row", "fields": [
        {"name": "id", "type": "int"}, {"name": "Name", "type": "string"}, {"name": "score", "type": "double"}]}""");
  private static final String V2 = """
      {"type": "record", "name": "Row", "fields": [
        {"name": "id", "type": "long"}, {"name": "Name", "type": "string"},
        {"name": "extra", "type": "string", "default": "d"}]}""";

  @TempDir
  Path dir;

  @BeforeEach
  void writeTable() throws IOException {
    // As Spark's Hive writes them: no .avro extension. Small blocks, so that splits cut through the file.
    try (DataFileWriter<Object> w = DataFileWriter.generic().setSyncInterval(256)
        .create(V1, dir.resolve("part-00000-c000"))) {
      for (int i = 0; i < RECORDS; i++) {
        w.append(new GenericRecord(V1).put("id", i).put("Name", "n" + i).put("score", i / 2.0));
      }
    }
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve(".part-00000-c000.crc"), "not avro");
    Files.write(dir.resolve("empty"), new byte[0]);
  }

  @Test
  void readsEveryRecordOnceAcrossSplitsOfFilesWithoutExtension() throws IOException {
    JobConf job = job(V1.toString());

    InputSplit[] splits = new AvroHiveInputFormat().getSplits(job, 9);
    List<Object> ids = new ArrayList<>();
    for (InputSplit split : splits) {
      for (AvroRecordWritable r : read(job, split)) {
        ids.add(r.record().get("id"));
      }
    }

    assertThat(splits.length).isGreaterThanOrEqualTo(9);
    assertThat(ids).hasSize(RECORDS).doesNotHaveDuplicates();
    assertThat(ids).contains(0, RECORDS - 1);
  }

  @Test
  void resolvesEachFileToTheTablesSchema() throws IOException {
    JobConf job = job(V2);

    List<AvroRecordWritable> records = readAll(job);

    assertThat(records).hasSize(RECORDS);
    AvroRecordWritable last = records.get(RECORDS - 1);
    assertThat(last.record().get("id")).isEqualTo((long) RECORDS - 1);
    assertThat(last.record().get("extra")).isEqualTo("d");
    assertThat(last.resolvedTo()).isEqualTo(Schema.parse(V2));
    assertThat(last.fileSchema()).isEqualTo(V1);
  }

  @Test
  void decodesOnlyTheColumnsTheQueryReads() throws IOException {
    JobConf job = job(V2);
    ColumnProjectionUtils.appendReadColumns(job, List.of(1));
    job.set(ColumnProjectionUtils.READ_COLUMN_NAMES_CONF_STR, "name");

    AvroRecordWritable first = readAll(job).get(0);

    assertThat(first.record().schema().fields()).extracting(f -> f.name()).containsExactly("Name");
    assertThat(first.record().get("Name")).isEqualTo("n0");
    assertThat(first.resolvedTo()).isEqualTo(Schema.parse(V2));
  }

  @Test
  void readsEachFileInItsOwnSchemaWhenTheTablesIsUnknown() throws IOException {
    AvroRecordWritable first = readAll(job(null)).get(0);

    assertThat(first.record().schema()).isEqualTo(V1);
    assertThat(first.resolvedTo()).isNull();
  }

  @Test
  void skipsFilesWithoutExtensionOnlyWhenAskedTo() throws IOException {
    JobConf job = job(V1.toString());
    job.setBoolean(AvroConfigKeys.IGNORE_INPUTS_WITHOUT_EXTENSION, true);

    assertThat(new AvroHiveInputFormat().getSplits(job, 1)).isEmpty();
  }

  @Test
  void namesTheFileThatCannotBeResolvedToTheTablesSchema() {
    JobConf job = job("""
        {"type": "record", "name": "Row", "fields": [{"name": "required", "type": "string"}]}""");

    assertThatThrownBy(() -> readAll(job))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("part-00000-c000")
        .hasMessageContaining("required");
  }

  private JobConf job(String tableSchema) {
    JobConf job = new JobConf(false);
    job.set("fs.defaultFS", "file:///");
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(dir.toUri()));
    if (tableSchema != null) {
      job.set(TableProperties.SERDE_SCHEMA, tableSchema);
    }
    return job;
  }

  private static List<AvroRecordWritable> readAll(JobConf job) throws IOException {
    List<AvroRecordWritable> all = new ArrayList<>();
    for (InputSplit split : new AvroHiveInputFormat().getSplits(job, 1)) {
      all.addAll(read(job, split));
    }
    return all;
  }

  private static List<AvroRecordWritable> read(JobConf job, InputSplit split) throws IOException {
    List<AvroRecordWritable> out = new ArrayList<>();
    try (Closing reader = new Closing(new AvroHiveInputFormat().getRecordReader(split, job, Reporter.NULL))) {
      AvroRecordWritable value = reader.r.createValue();
      while (reader.r.next(NullWritable.get(), value)) {
        out.add(new AvroRecordWritable(value.record(), value.resolvedTo(), value.fileSchema()));
      }
      assertThat(reader.r.getProgress()).isEqualTo(1.0f);
    }
    return out;
  }

  private record Closing(RecordReader<NullWritable, AvroRecordWritable> r) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      r.close();
    }
  }
}
