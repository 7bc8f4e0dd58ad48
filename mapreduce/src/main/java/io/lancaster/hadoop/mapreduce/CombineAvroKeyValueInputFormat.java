package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;

/**
 * {@link AvroKeyValueInputFormat} for many small files, packed into splits as {@link CombineAvroKeyInputFormat}
 * does; avro-mapred's {@code CombineAvroKeyValueFileInputFormat}.
 */
public class CombineAvroKeyValueInputFormat<K, V> extends CombineFileInputFormat<AvroKey<K>, AvroValue<V>> {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public RecordReader<AvroKey<K>, AvroValue<V>> createRecordReader(InputSplit split, TaskAttemptContext context)
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
  static final class Piece<K, V> extends CombineFileRecordReaderWrapper<AvroKey<K>, AvroValue<V>> {
    Piece(CombineFileSplit split, TaskAttemptContext context, Integer index) throws IOException,
        InterruptedException {
      super(new AvroKeyValueInputFormat<>(), split, context, index);
    }
  }
}
