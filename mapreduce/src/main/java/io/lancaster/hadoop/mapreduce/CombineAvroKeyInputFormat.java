package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.input.AvroInputFiles;
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
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;

/**
 * {@link AvroKeyInputFormat} for many small files: {@link CombineFileInputFormat} packs files (and pieces of large
 * ones) into splits of up to the maximum split size ({@code mapreduce.input.fileinputformat.split.maxsize}; unset,
 * a split per node), so that a thousand small files do not make a thousand tasks. Each piece is read as
 * {@link AvroKeyInputFormat} reads a split, with the same reader schema and file selection.
 */
public class CombineAvroKeyInputFormat<T> extends CombineFileInputFormat<AvroKey<T>, NullWritable> {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public RecordReader<AvroKey<T>, NullWritable> createRecordReader(InputSplit split, TaskAttemptContext context)
      throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, (Class) Piece.class);
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

  /** Reads one piece of a combined split; {@link CombineFileRecordReader} needs exactly this constructor. */
  static final class Piece<T> extends CombineFileRecordReaderWrapper<AvroKey<T>, NullWritable> {
    Piece(CombineFileSplit split, TaskAttemptContext context, Integer index) throws IOException,
        InterruptedException {
      super(new AvroKeyInputFormat<>(), split, context, index);
    }
  }
}
