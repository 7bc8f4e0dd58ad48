package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.input.InputSchemas;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Reads Avro files as lines of text, for jobs that handle text (streaming tools, grep-like jobs): the value is
 * one record in the spec's JSON encoding, compact and on one line, as {@code avro-tools tojson} prints it; a
 * reader schema under {@link AvroConfigKeys#INPUT_KEY_SCHEMA} resolves the records first.
 *
 * <p>The key, like {@code TextInputFormat}'s line offset, is a byte offset: that of the data block holding the
 * record, which the records of one block share. Keys never decrease within a split, are the same whatever the
 * splits, and each is a position where a reader can seek to re-read the block. Splits and file selection as
 * {@link AvroKeyInputFormat}.
 */
public class AvroAsJsonTextInputFormat extends FileInputFormat<LongWritable, Text> {

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new AvroJsonTextRecordReader(ConfSchemas.get(context.getConfiguration(),
        AvroConfigKeys.INPUT_KEY_SCHEMA));
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
