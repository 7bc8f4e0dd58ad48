package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.input.InputSchemas;
import io.lancaster.hadoop.io.AvroKey;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Reads Avro container files, each record as the datum of an {@link AvroKey} with a {@link NullWritable} value, as
 * avro-mapred's class of the same name. Files are split by {@link FileInputFormat}'s usual rules (block size,
 * min/max split size); each record is read by exactly one split. With a reader schema under
 * {@link AvroConfigKeys#INPUT_KEY_SCHEMA} every file is resolved from its own writer schema to it.
 *
 * <p>Every listed file is read, as avro-mapred's new-API formats do, unless
 * {@link AvroConfigKeys#IGNORE_INPUTS_WITHOUT_EXTENSION} is true: then only files named {@code *.avro}.
 */
public class AvroKeyInputFormat<T> extends FileInputFormat<AvroKey<T>, NullWritable> {

  @Override
  public RecordReader<AvroKey<T>, NullWritable> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new AvroKeyRecordReader<>(ConfSchemas.get(context.getConfiguration(), AvroConfigKeys.INPUT_KEY_SCHEMA));
  }

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    return AvroInputFiles.filter(super.listStatus(job), job.getConfiguration(),
        AvroInputFiles.NEW_API_IGNORES_BY_DEFAULT);
  }

  /** Avro files split at any byte: readers sync to the next block. */
  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return true;
  }
}
