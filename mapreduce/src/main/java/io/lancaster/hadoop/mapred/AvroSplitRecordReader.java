package io.lancaster.hadoop.mapred;

import io.lancaster.avro.file.ReadOptions;
import io.lancaster.hadoop.input.AvroSplitReader;
import java.io.IOException;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;

/**
 * The old API's record reader over one {@link FileSplit} of an Avro file: an adapter of {@link AvroSplitReader},
 * the reader the new API's formats use too; subclasses only fill the caller's key and value.
 */
abstract class AvroSplitRecordReader<K, V> implements RecordReader<K, V> {
  private final AvroSplitReader<Object> reader;

  AvroSplitRecordReader(JobConf job, FileSplit split, ReadOptions<Object> options) throws IOException {
    this.reader = AvroSplitReader.open(split.getPath(), split.getStart(), split.getLength(), job, options);
  }

  @Override
  public boolean next(K key, V value) throws IOException {
    if (!reader.next()) {
      return false;
    }
    fill(key, value, reader.current());
    return true;
  }

  /** Puts a record (which may be null, in a file of nulls) into the caller's key and value. */
  abstract void fill(K key, V value, Object datum);

  AvroSplitReader<Object> splitReader() {
    return reader;
  }

  /** The file offset of the current record's data block (see {@link AvroSplitReader#blockPosition()}). */
  @Override
  public long getPos() {
    return Math.max(reader.blockPosition(), reader.start());
  }

  @Override
  public float getProgress() {
    return reader.progress();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
