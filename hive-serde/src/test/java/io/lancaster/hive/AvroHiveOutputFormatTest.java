package io.lancaster.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.testing.HiveRows;
import io.lancaster.hive.testing.Plain;
import io.lancaster.hive.testing.TableSchemasForTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.FileSinkOperator;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroHiveOutputFormatTest {
  @TempDir
  Path dir;

  @Test
  void writesFilesLancasterAndApacheAvroReadAlike() throws Exception {
    Properties table = table(TableSchemasForTests.ALL_TYPES);
    table.setProperty(TableProperties.OUTPUT_CODEC, "snappy");
    Path file = dir.resolve("000000_0");
    List<GenericRecord> written = write(job(), table, false, file, 50);

    try (DataFileReader<Object> lancaster = DataFileReader.open(file);
        DataFileStream<Object> apache = new DataFileStream<>(Files.newInputStream(file),
            new GenericDatumReader<>())) {
      assertThat(lancaster.codecName()).isEqualTo("snappy");
      assertThat(apache.getMetaString("avro.codec")).isEqualTo("snappy");
      assertThat(lancaster.schema()).isEqualTo(Schema.parse(TableSchemasForTests.ALL_TYPES));
      List<Object> fromLancaster = new ArrayList<>();
      lancaster.forEach(r -> fromLancaster.add(Plain.of(r)));
      List<Object> fromApache = new ArrayList<>();
      apache.forEach(r -> fromApache.add(Plain.of(r)));
      assertThat(fromLancaster).hasSize(50).isEqualTo(Plain.of(written)).isEqualTo(fromApache);
    }
  }

  @Test
  void compressesAsTheJobSaysWithoutATableCodec() throws Exception {
    JobConf job = job();
    job.set(AvroConfigKeys.OUTPUT_CODEC, "zstandard");
    Properties table = table(TableSchemasForTests.ALL_TYPES);

    assertThat(codecOf(job, table, true, "a")).isEqualTo("zstandard");
    assertThat(codecOf(job, table, false, "b")).isEqualTo("null");
    JobConf hadoopCodec = job();
    hadoopCodec.set("mapreduce.output.fileoutputformat.compress.codec", "org.apache.hadoop.io.compress.SnappyCodec");
    assertThat(codecOf(hadoopCodec, table, true, "c")).isEqualTo("snappy");
    assertThat(codecOf(job(), table, true, "d")).isEqualTo("deflate");
    table.setProperty(TableProperties.OUTPUT_CODEC, "bzip2");
    assertThat(codecOf(job, table, false, "e")).isEqualTo("bzip2");
  }

  @Test
  void namesABadTableCodec() {
    Properties table = table(TableSchemasForTests.ALL_TYPES);
    table.setProperty(TableProperties.OUTPUT_CODEC, "lz5");

    assertThatThrownBy(() -> codecOf(job(), table, false, "x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("table property avro.output.codec");
  }

  @Test
  void refusesRecordsOfAnotherSchema() throws Exception {
    FileSinkOperator.RecordWriter writer = new AvroHiveOutputFormat().getHiveRecordWriter(job(),
        new org.apache.hadoop.fs.Path(dir.resolve("f").toUri()), AvroRecordWritable.class, false,
        table(TableSchemasForTests.ALL_TYPES), null);
    RecordSchema other = (RecordSchema) Schema.parse("""
        {"type": "record", "name": "Other", "fields": [{"name": "a", "type": "int"}]}""");

    assertThatThrownBy(() -> writer.write(new AvroRecordWritable(new GenericRecord(other).put("a", 1), other, other)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot be written to");
    writer.close(false);
  }

  @Test
  void writesForPlainMapredJobsIntoTheTasksWorkDirectory() throws Exception {
    JobConf job = job();
    job.set(TableProperties.SCHEMA_LITERAL, TableSchemasForTests.ALL_TYPES);
    job.set("mapreduce.task.attempt.id", "attempt_200707121733_0001_m_000000_0");
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(dir.toUri()));
    AvroHiveSerDe serde = serde(table(TableSchemasForTests.ALL_TYPES));
    AvroRecordWritable row = (AvroRecordWritable) serde.serialize(HiveRows.allTypes(1), serde.getObjectInspector());

    RecordWriter<org.apache.hadoop.io.WritableComparable<?>, AvroRecordWritable> writer =
        new AvroHiveOutputFormat().getRecordWriter(null, job, "part-00000", Reporter.NULL);
    writer.write(NullWritable.get(), row);
    writer.close(Reporter.NULL);

    Path file;
    try (var files = Files.walk(dir)) {
      file = files.filter(f -> f.getFileName().toString().equals("part-00000")).findFirst().orElseThrow();
    }
    assertThat(dir.relativize(file).toString()).startsWith("_temporary");
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.codecName()).isEqualTo("null");
      assertThat(Plain.of(reader.next())).isEqualTo(Plain.of(row.record()));
    }
  }

  private String codecOf(JobConf job, Properties table, boolean compressed, String name) throws Exception {
    Path file = dir.resolve(name);
    write(job, table, compressed, file, 3);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      return reader.codecName();
    }
  }

  private static List<GenericRecord> write(JobConf job, Properties table, boolean compressed, Path file, int rows)
      throws Exception {
    AvroHiveSerDe serde = serde(table);
    FileSinkOperator.RecordWriter writer = new AvroHiveOutputFormat().getHiveRecordWriter(job,
        new org.apache.hadoop.fs.Path(file.toUri()), AvroRecordWritable.class, compressed, table, null);
    List<GenericRecord> written = new ArrayList<>();
    for (int n = 0; n < rows; n++) {
      AvroRecordWritable w = (AvroRecordWritable) serde.serialize(HiveRows.allTypes(n), serde.getObjectInspector());
      written.add(w.record());
      writer.write(w);
    }
    writer.close(false);
    return written;
  }

  private static AvroHiveSerDe serde(Properties table) throws Exception {
    AvroHiveSerDe serde = new AvroHiveSerDe();
    serde.initialize(new Configuration(false), table);
    return serde;
  }

  private static JobConf job() {
    JobConf job = new JobConf(false);
    job.set("fs.defaultFS", "file:///");
    return job;
  }

  private static Properties table(String schema) {
    Properties p = new Properties();
    p.setProperty(TableProperties.SCHEMA_LITERAL, schema);
    return p;
  }
}
