package io.lancaster.avro.file;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random-access input of known length: what {@link DataFileReader} needs to find sync markers and read a split
 * of a file. Engine modules adapt their own inputs to it (Hadoop's {@code FSDataInputStream}, a Spark
 * {@code SeekableInputStream}, an object store range reader), so the core depends on none of them.
 */
public interface SeekableInput extends Closeable {
  /** The input's total length in bytes. */
  long length() throws IOException;

  /** Moves to {@code pos}, in {@code [0, length()]}; the next read starts there. */
  void seek(long pos) throws IOException;

  /** The position of the next byte {@link #read} returns. */
  long position() throws IOException;

  /**
   * Reads up to {@code len} bytes into {@code b[off, off + len)}, blocking until at least one byte is available;
   * returns the number read, or -1 at the end of the input (0 only when {@code len} is 0).
   */
  int read(byte[] b, int off, int len) throws IOException;
}
