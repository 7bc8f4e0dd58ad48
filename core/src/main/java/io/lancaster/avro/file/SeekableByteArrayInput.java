package io.lancaster.avro.file;

import java.util.Objects;

/** A {@link SeekableInput} over bytes in memory: a file read whole, or a test's encoded file. Not copied. */
public final class SeekableByteArrayInput implements SeekableInput {
  private final byte[] data;
  private final int start;
  private final int length;
  private int pos;

  public SeekableByteArrayInput(byte[] data) {
    this(data, 0, data.length);
  }

  /** The input is {@code data[off, off + len)}; its position 0 is {@code data[off]}. */
  public SeekableByteArrayInput(byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length);
    this.data = data;
    this.start = off;
    this.length = len;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public void seek(long p) {
    if (p < 0 || p > length) {
      throw new IllegalArgumentException("position " + p + " outside [0, " + length + "]");
    }
    pos = (int) p;
  }

  @Override
  public long position() {
    return pos;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int n = Math.min(len, length - pos);
    System.arraycopy(data, start + pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() {
  }
}
