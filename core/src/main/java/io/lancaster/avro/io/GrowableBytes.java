package io.lancaster.avro.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, growable byte array: the block buffer of the file writer, the output of codecs, the buffer of the
 * binary encoder. Exposes its array so that encoders, codecs and decoders work on it without copying.
 */
public final class GrowableBytes extends OutputStream {
  private byte[] buf;
  private int size;

  public GrowableBytes() {
    this(1024);
  }

  public GrowableBytes(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** The backing array; valid bytes are {@code [0, size())}. Changes when the buffer grows. */
  public byte[] array() {
    return buf;
  }

  public int size() {
    return size;
  }

  public void reset() {
    size = 0;
  }

  /** Sets the number of valid bytes, after a caller wrote directly into {@link #array()}. */
  public void setSize(int newSize) {
    if (newSize < 0 || newSize > buf.length) {
      throw new IllegalArgumentException("size " + newSize + " outside [0, " + buf.length + "]");
    }
    size = newSize;
  }

  /** Makes room for {@code extra} more bytes after {@link #size()}; returns the (possibly new) array. */
  public byte[] ensureSpace(int extra) {
    long needed = (long) size + extra;
    if (needed > buf.length) {
      if (needed > ReadLimits.MAX_ARRAY_LENGTH) {
        throw new IllegalStateException("buffer would exceed the maximum array length: " + needed);
      }
      long grown = Math.max(needed, Math.min((long) buf.length * 2, ReadLimits.MAX_ARRAY_LENGTH));
      buf = Arrays.copyOf(buf, (int) grown);
    }
    return buf;
  }

  @Override
  public void write(int b) {
    ensureSpace(1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensureSpace(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
