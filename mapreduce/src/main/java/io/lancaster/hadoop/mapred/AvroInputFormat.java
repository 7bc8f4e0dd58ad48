package io.lancaster.hadoop.mapred;

import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.input.InputSchemas;
import io.lancaster.hadoop.io.AvroWrapper;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * Reads Avro container files with the old ({@code mapred}) API, which Hive and older jobs use: each record as the
 * datum of an {@link AvroWrapper} with a {@link NullWritable} value, as avro-mapred's {@code AvroInputFormat}. A
 * reader schema under {@link AvroConfigKeys#INPUT_SCHEMA} resolves every file from its own writer schema.
 *
 * <p>As in avro-mapred, only files named {@code *.avro} are read unless
 * {@link AvroConfigKeys#IGNORE_INPUTS_WITHOUT_EXTENSION} is false. Splits follow {@link FileInputFormat}'s rules;
 * each record is read by exactly one split.
 */
public class AvroInputFormat<T> extends FileInputFormat<AvroWrapper<T>, NullWritable> {

  @Override
  public RecordReader<AvroWrapper<T>, NullWritable> getRecordReader(InputSplit split, JobConf job,
      Reporter reporter) throws IOException {
    reporter.setStatus(split.toString());
    return new Records<>(job, (FileSplit) split);
  }

  @Override
  protected FileStatus[] listStatus(JobConf job) throws IOException {
    return AvroInputFiles.filter(super.listStatus(job), job, AvroInputFiles.OLD_API_IGNORES_BY_DEFAULT);
  }

  @Override
  protected boolean isSplitable(FileSystem fs, Path file) {
    return true;
  }

  private static final class Records<T> extends AvroSplitRecordReader<AvroWrapper<T>, NullWritable> {
    Records(JobConf job, FileSplit split) throws IOException {
      super(job, split, InputSchemas.records(ConfSchemas.get(job, AvroConfigKeys.INPUT_SCHEMA)));
    }

    @Override
    public AvroWrapper<T> createKey() {
      return new AvroWrapper<>();
    }

    @Override
    public NullWritable createValue() {
      return NullWritable.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    void fill(AvroWrapper<T> key, NullWritable value, Object datum) {
      key.datum((T) datum);
    }
  }
}
