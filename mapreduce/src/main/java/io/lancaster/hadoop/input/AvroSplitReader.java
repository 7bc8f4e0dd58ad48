package io.lancaster.hadoop.input;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.AvroException;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.fs.HadoopSeekableInput;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads the records of one split, a byte range {@code [start, start + length)}, of one Avro container file on any
 * Hadoop file system. It is the one reader behind every Lancaster input format of both MapReduce APIs: they only
 * wrap its records in their keys and values.
 *
 * <p>The reader moves to the first data block whose sync marker starts at or after {@code start} and reads until
 * the next block's marker starts at or after the split's end (the core {@link DataFileReader}'s {@code sync} and
 * {@code pastSync}), so the splits of a file, whatever their sizes, read each record exactly once. Data errors are
 * the core's {@link AvroDataException}s, which name the file, the block and its offset; a reader schema that cannot
 * resolve a file's schema is reported as one naming the file.
 *
 * <p>Not thread-safe; a task reads its split from one thread.
 *
 * @param <D> the type of the records, as made by the {@link ReadOptions}' datum reader
 */
public final class AvroSplitReader<D> implements Closeable {
  private final DataFileReader<D> file;
  private final long start;
  private final long end;
  private D current;
  private long currentBlock = -1;
  private boolean done;
  private boolean closed;

  private AvroSplitReader(DataFileReader<D> file, long start, long end) {
    this.file = file;
    this.start = start;
    this.end = end;
  }

  /**
   * Opens {@code path}, reads its header and moves to the split's first block.
   *
   * @param options how records are read; see {@link InputSchemas} for the generic and resolving ones
   */
  public static <D> AvroSplitReader<D> open(Path path, long start, long length, Configuration conf,
      ReadOptions<D> options) throws IOException {
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("bad split of " + path + ": start " + start + ", length " + length);
    }
    String name = path.toString();
    HadoopSeekableInput in = HadoopSeekableInput.open(path, conf);
    DataFileReader<D> reader;
    try {
      reader = DataFileReader.open(in, name, options);
    } catch (AvroException e) {
      // The datum reader is made from the file's schema: a reader schema that cannot resolve it fails here.
      throw new AvroDataException(e.getMessage(), e).withFile(name);
    }
    try {
      reader.sync(start);
    } catch (IOException | RuntimeException e) {
      try {
        reader.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new AvroSplitReader<>(reader, start, start + length);
  }

  /** Moves to the next record of the split; false when the split has no more. */
  public boolean next() throws IOException {
    if (done) {
      return false;
    }
    if (file.pastSync(end) || !file.hasNext()) {
      done = true;
      current = null;
      return false;
    }
    currentBlock = file.previousSync();
    current = file.next();
    return true;
  }

  /** The record {@link #next()} moved to; null before the first and after the last. */
  public D current() {
    return current;
  }

  /**
   * The offset in the file of the data block that holds the current record (Apache Avro's {@code previousSync()},
   * a position {@link DataFileReader#seek(long)} accepts); -1 before the first record. Records of one block share
   * it; it only grows within a split.
   */
  public long blockPosition() {
    return currentBlock;
  }

  /**
   * How much of the split is read, from 0 to 1: the current record's block position within the split, 1 once
   * {@link #next()} returned false. Never decreases.
   */
  public float progress() {
    if (done) {
      return 1.0f;
    }
    if (end <= start || currentBlock < start) {
      return 0.0f;
    }
    return Math.min(1.0f, (float) ((double) (currentBlock - start) / (end - start)));
  }

  /** The schema the file was written with. */
  public Schema writerSchema() {
    return file.schema();
  }

  /** Where the split starts in the file. */
  public long start() {
    return start;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      current = null;
      file.close();
    }
  }
}
