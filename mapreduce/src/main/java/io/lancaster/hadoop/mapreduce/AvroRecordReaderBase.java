package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.file.ReadOptions;
import io.lancaster.hadoop.input.AvroSplitReader;
import java.io.IOException;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * The new API's record reader over one {@link FileSplit} of an Avro file: an adapter of {@link AvroSplitReader},
 * which does the reading; subclasses only put each record into their key and value.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class AvroRecordReaderBase<K, V> extends RecordReader<K, V> {
  private final ReadOptions<Object> options;
  private AvroSplitReader<Object> reader;

  protected AvroRecordReaderBase(ReadOptions<Object> options) {
    this.options = options;
  }

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    if (!(split instanceof FileSplit file)) {
      throw new IllegalArgumentException("Avro record readers read FileSplits, not "
          + (split == null ? "null" : split.getClass().getName()));
    }
    close();
    reader = AvroSplitReader.open(file.getPath(), file.getStart(), file.getLength(), context.getConfiguration(),
        options);
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (splitReader().next()) {
      record(reader.current());
      return true;
    }
    ended();
    return false;
  }

  /** Takes the record just read (which may be null, in a file of nulls) into the current key and value. */
  protected abstract void record(Object datum);

  /** The split has no more records: forget the last one. */
  protected abstract void ended();

  /** The reader of the split, once {@link #initialize} has opened it. */
  protected AvroSplitReader<Object> splitReader() {
    if (reader == null) {
      throw new IllegalStateException("the record reader is not initialized");
    }
    return reader;
  }

  @Override
  public float getProgress() {
    return reader == null ? 0.0f : reader.progress();
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      try {
        reader.close();
      } finally {
        reader = null;
      }
    }
  }
}
