package io.lancaster.hadoop.fs;

import io.lancaster.avro.file.SeekableInput;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A file of any Hadoop file system (HDFS, local, S3A, ...) as the core's {@link SeekableInput}. */
public final class HadoopSeekableInput implements SeekableInput {
  private final FSDataInputStream in;
  private final long length;

  public HadoopSeekableInput(FSDataInputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  /** Opens {@code path}; its length is taken once, from the file system's status. */
  public static HadoopSeekableInput open(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    long length = fs.getFileStatus(path).getLen();
    return new HadoopSeekableInput(fs.open(path), length);
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
