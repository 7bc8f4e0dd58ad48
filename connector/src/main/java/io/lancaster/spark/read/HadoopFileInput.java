package io.lancaster.spark.read;

import io.lancaster.avro.file.SeekableInput;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * A file of any Hadoop file system as the core's {@link SeekableInput}. Reading through Hadoop's streams is what
 * makes Spark's input metrics (bytes read) count it. The length comes from Spark's file listing, so opening a file
 * costs no extra status call.
 */
final class HadoopFileInput implements SeekableInput {
  private final FSDataInputStream in;
  private final long length;

  private HadoopFileInput(FSDataInputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  static HadoopFileInput open(Path path, long length, Configuration conf) throws IOException {
    return new HadoopFileInput(path.getFileSystem(conf).open(path), length);
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public void seek(long position) throws IOException {
    in.seek(position);
  }

  @Override
  public long position() throws IOException {
    return in.getPos();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
