package io.lancaster.avro.io;

import io.lancaster.avro.CorruptDataException;
import java.util.Objects;

/**
 * The decoder of the hot path: reads a datum or a whole data block held in memory. Because it knows exactly how
 * many bytes remain, it rejects any length, block size or count the input cannot back before allocating or looping,
 * and strings are decoded straight from the array. Reusable across blocks with {@link #reset}; columnar readers may
 * work on {@link #buffer()} directly and move the position with {@link #setPos}.
 */
public final class ByteArrayDecoder extends Decoder {
  private int start;

  public ByteArrayDecoder(byte[] buf) {
    this(buf, 0, buf.length, ReadLimits.DEFAULT);
  }

  public ByteArrayDecoder(byte[] buf, ReadLimits limits) {
    this(buf, 0, buf.length, limits);
  }

  public ByteArrayDecoder(byte[] buf, int off, int len, ReadLimits limits) {
    super(limits);
    reset(buf, off, len);
  }

  /** Points the decoder at new input; {@link #position()} restarts at 0 and nesting state is cleared. */
  public void reset(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    this.buf = buf;
    this.start = off;
    this.pos = off;
    this.limit = off + len;
    this.base = -off;
    resetNesting();
  }

  public byte[] buffer() {
    return buf;
  }

  /** Index in {@link #buffer()} of the next byte to read. */
  public int pos() {
    return pos;
  }

  /** Index in {@link #buffer()} just past the last readable byte. */
  public int limit() {
    return limit;
  }

  /** Moves to {@code newPos}, which must lie between the start of the input and {@link #limit()}. */
  public void setPos(int newPos) {
    if (newPos < start || newPos > limit) {
      throw new IllegalArgumentException("position " + newPos + " outside [" + start + ", " + limit + "]");
    }
    pos = newPos;
  }

  /**
   * Reads the length of a string and checks it against the limits and the input: the string's UTF-8 bytes are then
   * {@code buffer()[pos(), pos() + length)}, and the caller moves past them with {@link #skipChecked}. For readers
   * that copy values straight from the block (columnar readers), without a String or array per value.
   */
  public int readStringLength() throws java.io.IOException {
    return readCheckedLength(limits().maxStringLength(), "maxStringLength", "string");
  }

  /** {@link #readStringLength()} for a bytes value. */
  public int readBytesLength() throws java.io.IOException {
    return readCheckedLength(limits().maxBytesLength(), "maxBytesLength", "bytes value");
  }

  /** Moves past {@code n} bytes already known to be in the input (a length from {@link #readStringLength}). */
  public void skipChecked(int n) {
    pos += n;
  }

  /** Checks that a fixed value of {@code n} bytes is in the input; its bytes start at {@link #pos()}. */
  public void requireFixed(int n) throws CorruptDataException {
    if (n > limit - pos) {
      throw truncated("fixed value", n, position());
    }
  }

  private int readCheckedLength(int max, String limitName, String what) throws java.io.IOException {
    long start = position();
    long len = readLong();
    if (len < 0) {
      throw corrupt("negative " + what + " length " + len, start);
    }
    if (len > max) {
      throw limitExceeded(limitName, max, len, what + " length", start);
    }
    if (len > limit - pos) {
      throw truncated(what, len, start);
    }
    return (int) len;
  }

  public int remaining() {
    return limit - pos;
  }

  @Override
  public boolean isEnd() {
    return pos >= limit;
  }

  @Override
  boolean fill(int n) {
    return limit - pos >= n;
  }

  @Override
  long knownRemaining() {
    return limit - pos;
  }

  @Override
  byte[] readBeyondWindow(int len, long start, String what) throws CorruptDataException {
    throw truncated(what, len, start);
  }
}
