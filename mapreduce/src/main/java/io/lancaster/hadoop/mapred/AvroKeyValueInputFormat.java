package io.lancaster.hadoop.mapred;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.input.InputSchemas;
import io.lancaster.hadoop.input.KeyValuePairs;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * The old API's reader of key/value pair files ({@link KeyValuePairs}): the {@code key} field as an
 * {@link AvroKey}, the {@code value} field as an {@link AvroValue}. avro-mapred has no such old-API format; this
 * one takes the new API's keys, {@link AvroConfigKeys#INPUT_KEY_SCHEMA} and
 * {@link AvroConfigKeys#INPUT_VALUE_SCHEMA}, for reader schemas. File selection as {@link AvroInputFormat}.
 */
public class AvroKeyValueInputFormat<K, V> extends FileInputFormat<AvroKey<K>, AvroValue<V>> {

  @Override
  public RecordReader<AvroKey<K>, AvroValue<V>> getRecordReader(InputSplit split, JobConf job, Reporter reporter)
      throws IOException {
    reporter.setStatus(split.toString());
    return new Pairs<>(job, (FileSplit) split);
  }

  @Override
  protected FileStatus[] listStatus(JobConf job) throws IOException {
    return AvroInputFiles.filter(super.listStatus(job), job, AvroInputFiles.OLD_API_IGNORES_BY_DEFAULT);
  }

  @Override
  protected boolean isSplitable(FileSystem fs, Path file) {
    return true;
  }

  private static final class Pairs<K, V> extends AvroSplitRecordReader<AvroKey<K>, AvroValue<V>> {
    Pairs(JobConf job, FileSplit split) throws IOException {
      super(job, split, InputSchemas.keyValuePairs(ConfSchemas.get(job, AvroConfigKeys.INPUT_KEY_SCHEMA),
          ConfSchemas.get(job, AvroConfigKeys.INPUT_VALUE_SCHEMA)));
    }

    @Override
    public AvroKey<K> createKey() {
      return new AvroKey<>();
    }

    @Override
    public AvroValue<V> createValue() {
      return new AvroValue<>();
    }

    @Override
    @SuppressWarnings("unchecked")
    void fill(AvroKey<K> key, AvroValue<V> value, Object datum) {
      GenericRecord pair = (GenericRecord) datum;
      key.datum((K) KeyValuePairs.key(pair));
      value.datum((V) KeyValuePairs.value(pair));
    }
  }
}
