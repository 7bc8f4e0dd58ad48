package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.input.InputSchemas;
import io.lancaster.hadoop.input.KeyValuePairs;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Reads Avro files of key/value pair records ({@link KeyValuePairs}, as avro-mapred's key/value output
 * formats write them): the {@code key} field as an {@link AvroKey}, the {@code value} field as an
 * {@link AvroValue}. Reader schemas for either under {@link AvroConfigKeys#INPUT_KEY_SCHEMA} and
 * {@link AvroConfigKeys#INPUT_VALUE_SCHEMA}; splits and file selection as {@link AvroKeyInputFormat}.
 */
public class AvroKeyValueInputFormat<K, V> extends FileInputFormat<AvroKey<K>, AvroValue<V>> {

  @Override
  public RecordReader<AvroKey<K>, AvroValue<V>> createRecordReader(InputSplit split, TaskAttemptContext context) {
    Configuration conf = context.getConfiguration();
    return new AvroKeyValueRecordReader<>(ConfSchemas.get(conf, AvroConfigKeys.INPUT_KEY_SCHEMA),
        ConfSchemas.get(conf, AvroConfigKeys.INPUT_VALUE_SCHEMA));
  }

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    return AvroInputFiles.filter(super.listStatus(job), job.getConfiguration(),
        AvroInputFiles.NEW_API_IGNORES_BY_DEFAULT);
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return true;
  }
}
