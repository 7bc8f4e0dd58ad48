package io.lancaster.hadoop.output;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Progressable;

/**
 * One Avro file being written on a Hadoop file system: the writer core that the record writers of both MapReduce
 * APIs delegate to. It creates the file (never overwriting one), writes records through the core's
 * {@link DataFileWriter} configured by {@link AvroOutputOptions}, and names the file in its errors.
 *
 * <p>Where the file goes is the caller's business: the output formats put it under the task attempt's work path of
 * the job's output committer, so it only reaches the output directory when that attempt is committed.
 */
public final class AvroFileSink implements Closeable, Syncable {
  private final Path path;
  private final DataFileWriter<Object> writer;
  private long records;

  private AvroFileSink(Path path, DataFileWriter<Object> writer) {
    this.path = path;
    this.writer = writer;
  }

  /**
   * Creates {@code file} (failing if it exists) and starts an Avro file with {@code schema} in it.
   *
   * @param progress told of progress while Hadoop writes (may be null)
   */
  public static AvroFileSink create(Path file, Configuration conf, Schema schema, AvroOutputOptions options,
      Progressable progress) throws IOException {
    Objects.requireNonNull(schema, "schema");
    FileSystem fs = file.getFileSystem(conf);
    DataFileWriter<Object> writer = options.newWriter();
    FSDataOutputStream out;
    try {
      out = progress == null ? fs.create(file, false)
          : fs.create(file, false, conf.getInt("io.file.buffer.size", 4096), fs.getDefaultReplication(file),
              fs.getDefaultBlockSize(file), progress);
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
    try {
      writer.create(schema, out);
    } catch (IOException | RuntimeException e) {
      out.close();
      writer.close();
      throw new IOException("cannot start Avro file " + file + ": " + e.getMessage(), e);
    }
    return new AvroFileSink(file, writer);
  }

  /**
   * Appends one datum. A datum that does not fit the schema raises an {@link AvroTypeException} naming this file
   * and the field; it is left out of the file, which stays valid.
   */
  public void append(Object datum) throws IOException {
    try {
      writer.append(datum);
    } catch (AvroTypeException e) {
      throw new AvroTypeException("cannot write record " + records + " to " + path + ": " + e.getMessage(), e);
    }
    records++;
  }

  @Override
  public long sync() throws IOException {
    return writer.sync();
  }

  public Path path() {
    return path;
  }

  public Schema schema() {
    return writer.schema();
  }

  /** Records appended so far. */
  public long records() {
    return records;
  }

  /** Writes the last block and closes the file. */
  @Override
  public void close() throws IOException {
    writer.close();
  }
}
