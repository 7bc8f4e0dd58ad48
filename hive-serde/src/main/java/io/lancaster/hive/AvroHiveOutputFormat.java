package io.lancaster.hive;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.hadoop.output.AvroFileSink;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.schema.TableSchemaException;
import io.lancaster.hive.schema.TableSchemas;
import io.lancaster.hive.write.AvroHiveRecordWriter;
import io.lancaster.hive.write.TableOutputOptions;
import java.io.IOException;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.ql.exec.FileSinkOperator;
import org.apache.hadoop.hive.ql.io.HiveOutputFormat;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

/**
 * The output format of {@link AvroHiveSerDe} tables: each writer creates one Avro container file with the table's
 * schema (from the same table properties as the SerDe) and the codec {@link TableOutputOptions} picks, and appends
 * the records the SerDe makes.
 */
public class AvroHiveOutputFormat implements HiveOutputFormat<WritableComparable<?>, AvroRecordWritable> {

  @Override
  public FileSinkOperator.RecordWriter getHiveRecordWriter(JobConf job, Path file, Class<? extends Writable> valueClass,
      boolean isCompressed, Properties tableProperties, Progressable progress) throws IOException {
    RecordSchema schema;
    try {
      schema = TableSchemas.of(job, tableProperties);
    } catch (TableSchemaException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    AvroFileSink sink;
    try {
      sink = AvroFileSink.create(file, job, schema, TableOutputOptions.of(job, tableProperties, isCompressed),
          progress);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new AvroHiveRecordWriter(sink);
  }

  /**
   * For plain {@code mapred} jobs: a file {@code name} in the task's work output directory, the schema from the
   * table properties set in the job's configuration ({@value TableProperties#SCHEMA_LITERAL} or
   * {@value TableProperties#SCHEMA_URL}), compressed when the job's output compression is on.
   */
  @Override
  public RecordWriter<WritableComparable<?>, AvroRecordWritable> getRecordWriter(FileSystem ignored, JobConf job,
      String name, Progressable progress) throws IOException {
    Properties table = new Properties();
    for (String key : new String[] {TableProperties.SCHEMA_LITERAL, TableProperties.SCHEMA_URL}) {
      String value = job.get(key);
      if (value != null) {
        table.setProperty(key, value);
      }
    }
    FileSinkOperator.RecordWriter writer = getHiveRecordWriter(job, FileOutputFormat.getTaskOutputPath(job, name),
        AvroRecordWritable.class, FileOutputFormat.getCompressOutput(job), table, progress);
    return new RecordWriter<>() {
      @Override
      public void write(WritableComparable<?> key, AvroRecordWritable value) throws IOException {
        writer.write(value);
      }

      @Override
      public void close(Reporter reporter) throws IOException {
        writer.close(false);
      }
    };
  }

  @Override
  public void checkOutputSpecs(FileSystem ignored, JobConf job) {
    // Hive and Spark manage the output directories themselves.
  }
}
