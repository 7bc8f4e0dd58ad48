package io.lancaster.avro.io;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads Avro's binary encoding, defensively: every length, count and varint from the input is validated before it
 * is trusted, so corrupt or hostile bytes end in a {@link CorruptDataException} or {@link LimitExceededException}
 * carrying the offset where the bad value started, never in an OutOfMemoryError, a hang or a wrong value.
 *
 * <p>All decoding lives here and works on a window {@code buf[pos, limit)}; a subclass only says where more bytes
 * come from and how many are known to remain, so the array and stream decoders cannot disagree on the format.
 *
 * <p><b>Collections.</b> {@link #readArrayStart()} / {@link #arrayNext()} (and the map twins) return the item count
 * of the next block, 0 at the end. The decoder keeps the running item total of every collection being read on a
 * stack: a start call that returns a non-zero count pushes a level, a next call adds to the top level, and the next
 * call that returns 0 pops it. Nested collections therefore keep their own totals without the caller passing
 * anything, provided each started collection is read to its end (the normal case). Each total is checked against
 * {@link ReadLimits#maxCollectionItems()}. {@link #skipArray()} / {@link #skipMap()} decode nothing and check each
 * block on its own. A caller that abandons a datum half-way (after an exception) and goes on with the same decoder
 * may call {@link #resetNesting()}.
 */
public abstract sealed class Decoder permits ByteArrayDecoder, InputStreamDecoder {
  /** The current window of input; valid bytes are {@code [pos, limit)}. */
  byte[] buf;
  int pos;
  int limit;
  /** {@link #position()} is {@code base + pos}. */
  long base;

  private final ReadLimits limits;
  private long[] collectionTotals = new long[8];
  private int collectionLevels;
  private int dataDepth;

  Decoder(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  // ---- what subclasses provide

  /**
   * Makes at least {@code n} bytes available in {@code buf[pos, limit)} (possibly moving them: re-read {@code buf}
   * and {@code pos} afterwards). Returns false, without losing bytes, when the input ends first or {@code n} is
   * larger than the window can hold.
   */
  abstract boolean fill(int n) throws IOException;

  /** Bytes known to remain in the input, or {@link Long#MAX_VALUE} when the decoder cannot know. */
  abstract long knownRemaining();

  /** Reads a value of {@code len} bytes of which fewer than {@code len} are in the window. */
  abstract byte[] readBeyondWindow(int len, long start, String what) throws IOException;

  // ---- state

  public final ReadLimits limits() {
    return limits;
  }

  /** Bytes consumed since the decoder started (or was reset); the offset reported in errors. */
  public final long position() {
    return base + pos;
  }

  /** True when no input is left: the end of the array window, or the end of the stream. */
  public abstract boolean isEnd() throws IOException;

  /** Forgets collection totals and data depth left over from a datum that was abandoned after an error. */
  public final void resetNesting() {
    collectionLevels = 0;
    dataDepth = 0;
  }

  // ---- primitives

  public final boolean readBoolean() throws IOException {
    if (pos >= limit && !fill(1)) {
      throw truncated("boolean", 1, position());
    }
    byte b = buf[pos];
    if ((b & 0xFE) != 0) {
      throw corrupt("invalid boolean byte " + (b & 0xFF) + " (must be 0 or 1)", position());
    }
    pos++;
    return b != 0;
  }

  public final int readInt() throws IOException {
    if (limit - pos < Varints.MAX_INT_BYTES && !fill(Varints.MAX_INT_BYTES)) {
      return (int) readVarintSlow(Varints.MAX_INT_BYTES);
    }
    byte[] b = buf;
    int p = pos;
    int x = b[p++];
    if (x < 0) {
      x &= 0x7F;
      int y = b[p++];
      x |= (y & 0x7F) << 7;
      if (y < 0) {
        y = b[p++];
        x |= (y & 0x7F) << 14;
        if (y < 0) {
          y = b[p++];
          x |= (y & 0x7F) << 21;
          if (y < 0) {
            y = b[p++];
            if ((y & 0xF0) != 0) {
              throw badVarint(y, Varints.MAX_INT_BYTES, position());
            }
            x |= y << 28;
          }
        }
      }
    }
    pos = p;
    return (x >>> 1) ^ -(x & 1);
  }

  public final long readLong() throws IOException {
    if (limit - pos < Varints.MAX_LONG_BYTES && !fill(Varints.MAX_LONG_BYTES)) {
      return readVarintSlow(Varints.MAX_LONG_BYTES);
    }
    byte[] b = buf;
    int p = pos;
    int x = b[p++];
    if (x >= 0) {
      pos = p;
      return (x >>> 1) ^ -(x & 1);
    }
    // The first four bytes fit an int (28 bits).
    x &= 0x7F;
    int y = b[p++];
    x |= (y & 0x7F) << 7;
    if (y >= 0) {
      return zigZag(x, p);
    }
    y = b[p++];
    x |= (y & 0x7F) << 14;
    if (y >= 0) {
      return zigZag(x, p);
    }
    y = b[p++];
    x |= (y & 0x7F) << 21;
    if (y >= 0) {
      return zigZag(x, p);
    }
    return readLongTail(x, p);
  }

  /** Bytes five to ten of a long varint: kept out of {@link #readLong()} so that it stays small enough to inline. */
  private long readLongTail(long v, int p) throws CorruptDataException {
    byte[] b = buf;
    int y = b[p++];
    v |= (long) (y & 0x7F) << 28;
    if (y >= 0) {
      return zigZag(v, p);
    }
    y = b[p++];
    v |= (long) (y & 0x7F) << 35;
    if (y >= 0) {
      return zigZag(v, p);
    }
    y = b[p++];
    v |= (long) (y & 0x7F) << 42;
    if (y >= 0) {
      return zigZag(v, p);
    }
    y = b[p++];
    v |= (long) (y & 0x7F) << 49;
    if (y >= 0) {
      return zigZag(v, p);
    }
    y = b[p++];
    v |= (long) (y & 0x7F) << 56;
    if (y >= 0) {
      return zigZag(v, p);
    }
    y = b[p++]; // tenth byte: only bit 63 is left
    if ((y & 0xFE) != 0) {
      throw badVarint(y, Varints.MAX_LONG_BYTES, position());
    }
    return zigZag(v | ((long) y << 63), p);
  }

  private long zigZag(long n, int newPos) {
    pos = newPos;
    return (n >>> 1) ^ -(n & 1);
  }

  /** Varint decoding near the end of the input, where every byte needs a bounds check. */
  private long readVarintSlow(int maxBytes) throws IOException {
    long start = position();
    long n = 0;
    for (int i = 0, shift = 0; i < maxBytes; i++, shift += 7) {
      if (pos >= limit && !fill(1)) {
        String type = maxBytes == Varints.MAX_INT_BYTES ? "an int" : "a long";
        throw truncated("truncated data: the input ends inside " + type + " varint", start);
      }
      int y = buf[pos];
      if (i == maxBytes - 1 && (y & (maxBytes == Varints.MAX_INT_BYTES ? 0xF0 : 0xFE)) != 0) {
        throw badVarint(y, maxBytes, start);
      }
      pos++;
      n |= (long) (y & 0x7F) << shift;
      if (y >= 0) {
        return (n >>> 1) ^ -(n & 1);
      }
    }
    throw new AssertionError("unreachable: the last byte either ends the varint or is rejected");
  }

  private CorruptDataException badVarint(int lastByte, int maxBytes, long start) {
    String type = maxBytes == Varints.MAX_INT_BYTES ? "int" : "long";
    return corrupt(lastByte < 0
        ? "invalid " + type + " varint: longer than " + maxBytes + " bytes"
        : "invalid " + type + " varint: value overflows " + (maxBytes == Varints.MAX_INT_BYTES ? 32 : 64) + " bits",
        start);
  }

  public final float readFloat() throws IOException {
    if (limit - pos < 4 && !fill(4)) {
      throw truncated("float", 4, position());
    }
    float f = Float.intBitsToFloat(LittleEndian.getInt(buf, pos));
    pos += 4;
    return f;
  }

  public final double readDouble() throws IOException {
    if (limit - pos < 8 && !fill(8)) {
      throw truncated("double", 8, position());
    }
    double d = Double.longBitsToDouble(LittleEndian.getLong(buf, pos));
    pos += 8;
    return d;
  }

  // ---- strings, bytes, fixed

  public final String readString() throws IOException {
    long start = position();
    int len = readLength(limits.maxStringLength(), "maxStringLength", "string length", start);
    if (limit - pos >= len || fill(len)) {
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }
    return new String(readBeyondWindow(len, start, "string"), StandardCharsets.UTF_8);
  }

  public final byte[] readBytes() throws IOException {
    long start = position();
    int len = readLength(limits.maxBytesLength(), "maxBytesLength", "bytes length", start);
    return readRaw(len, start, "bytes value");
  }

  /**
   * Reads a bytes value into {@code reuse} when its capacity suffices (cleared, filled, flipped: position 0, limit
   * the length), otherwise into a new heap buffer.
   */
  public final ByteBuffer readBytes(ByteBuffer reuse) throws IOException {
    long start = position();
    int len = readLength(limits.maxBytesLength(), "maxBytesLength", "bytes length", start);
    if (reuse == null || reuse.capacity() < len || reuse.isReadOnly()) {
      return ByteBuffer.wrap(readRaw(len, start, "bytes value"));
    }
    if (len > knownRemaining()) {
      throw truncated("bytes value", len, start);
    }
    reuse.clear();
    for (int left = len; left > 0; ) {
      if (pos >= limit && !fill(1)) {
        throw truncated("bytes value", len, start);
      }
      int k = Math.min(left, limit - pos);
      reuse.put(buf, pos, k);
      pos += k;
      left -= k;
    }
    return reuse.flip();
  }

  /** Reads a fixed value of {@code len} bytes (known from the schema) into {@code dst}. */
  public final void readFixed(byte[] dst, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, dst.length);
    long start = position();
    if (len > knownRemaining()) {
      throw truncated("fixed value", len, start);
    }
    for (int left = len; left > 0; ) {
      if (pos >= limit && !fill(1)) {
        throw truncated("fixed value", len, start);
      }
      int k = Math.min(left, limit - pos);
      System.arraycopy(buf, pos, dst, off, k);
      pos += k;
      off += k;
      left -= k;
    }
  }

  /** Skips a string. Limits are not applied: skipping allocates nothing. */
  public final void skipString() throws IOException {
    long start = position();
    skipRaw(readSkipLength("string length", start), start, "string");
  }

  /** Skips a bytes value. Limits are not applied: skipping allocates nothing. */
  public final void skipBytes() throws IOException {
    long start = position();
    skipRaw(readSkipLength("bytes length", start), start, "bytes value");
  }

  public final void skipFixed(int len) throws IOException {
    if (len < 0) {
      throw new IllegalArgumentException("negative fixed size " + len);
    }
    skipRaw(len, position(), "fixed value");
  }

  private int readLength(int max, String limitName, String what, long start) throws IOException {
    long len = readLong();
    if (len < 0) {
      throw corrupt("negative " + what + " " + len, start);
    }
    if (len > max) {
      throw limitExceeded(limitName, max, len, what, start);
    }
    return (int) len;
  }

  private long readSkipLength(String what, long start) throws IOException {
    long len = readLong();
    if (len < 0) {
      throw corrupt("negative " + what + " " + len, start);
    }
    return len;
  }

  /** Reads {@code len} bytes (already checked against the limits) into a new array. */
  private byte[] readRaw(int len, long start, String what) throws IOException {
    if (limit - pos >= len) {
      byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
      pos += len;
      return out;
    }
    return readBeyondWindow(len, start, what);
  }

  /** Skips {@code n} bytes that belong to a value starting at {@code start}. */
  final void skipRaw(long n, long start, String what) throws IOException {
    if (limit - pos >= n) {
      pos += (int) n;
      return;
    }
    if (n > knownRemaining()) {
      throw truncated(what, n, start);
    }
    // Through the window, never InputStream.skip: some streams skip past the end without saying so.
    for (long left = n; left > 0; ) {
      if (pos >= limit && !fill(1)) {
        throw truncated(what, n, start);
      }
      int k = (int) Math.min(left, limit - pos);
      pos += k;
      left -= k;
    }
  }

  // ---- unions and enums

  /** Reads a union branch index; only its sign is checked here. */
  public final int readIndex() throws IOException {
    long start = position();
    int i = readInt();
    if (i < 0) {
      throw corrupt("negative union index " + i, start);
    }
    return i;
  }

  /** Reads a union branch index and checks it against the number of branches. */
  public final int readIndex(int branchCount) throws IOException {
    long start = position();
    int i = readInt();
    if (i < 0 || i >= branchCount) {
      throw corrupt("union index " + i + " out of range for a union of " + branchCount + " branches", start);
    }
    return i;
  }

  /** Reads an enum ordinal; only its sign is checked here. */
  public final int readEnum() throws IOException {
    long start = position();
    int i = readInt();
    if (i < 0) {
      throw corrupt("negative enum ordinal " + i, start);
    }
    return i;
  }

  /** Reads an enum ordinal and checks it against the number of symbols. */
  public final int readEnum(int symbolCount) throws IOException {
    long start = position();
    int i = readInt();
    if (i < 0 || i >= symbolCount) {
      throw corrupt("enum ordinal " + i + " out of range for an enum of " + symbolCount + " symbols", start);
    }
    return i;
  }

  // ---- arrays and maps

  /** Starts reading an array: the item count of its first block, 0 for an empty array. */
  public final long readArrayStart() throws IOException {
    return readBlock(true, "array", 0);
  }

  /**
   * Like {@link #readArrayStart()}, for items that take at least {@code minItemBytes} bytes each: a block count
   * that the remaining input cannot hold is rejected as corrupt before the caller loops over it (array decoders
   * only; a stream decoder cannot know what remains).
   */
  public final long readArrayStart(int minItemBytes) throws IOException {
    return readBlock(true, "array", minItemBytes);
  }

  /** The item count of the array's next block, 0 at its end. */
  public final long arrayNext() throws IOException {
    return readBlock(false, "array", 0);
  }

  /** {@link #arrayNext()} with the check of {@link #readArrayStart(int)}. */
  public final long arrayNext(int minItemBytes) throws IOException {
    return readBlock(false, "array", minItemBytes);
  }

  /** Starts reading a map: the entry count of its first block, 0 for an empty map. */
  public final long readMapStart() throws IOException {
    return readBlock(true, "map", 1); // every entry has a key, at least its one-byte length
  }

  /** The entry count of the map's next block, 0 at its end. */
  public final long mapNext() throws IOException {
    return readBlock(false, "map", 1);
  }

  private long readBlock(boolean first, String what, int minItemBytes) throws IOException {
    long start = position();
    long count = readBlockHeader(what, minItemBytes, start);
    if (count == 0) {
      if (!first && collectionLevels > 0) {
        collectionLevels--;
      }
      return 0;
    }
    if (first || collectionLevels == 0) {
      pushCollection(count);
    } else {
      long max = limits.maxCollectionItems();
      long total = collectionTotals[collectionLevels - 1];
      if (count > max - total) {
        long requested = total > Long.MAX_VALUE - count ? Long.MAX_VALUE : total + count;
        throw limitExceeded("maxCollectionItems", max, requested, what + " item count", start);
      }
      collectionTotals[collectionLevels - 1] = total + count;
    }
    return count;
  }

  private void pushCollection(long count) {
    if (collectionLevels == collectionTotals.length) {
      collectionTotals = Arrays.copyOf(collectionTotals, collectionLevels * 2);
    }
    collectionTotals[collectionLevels++] = count;
  }

  /**
   * Reads a block's count (and the byte size that follows a negative count), validates both, and returns the
   * absolute count.
   */
  private long readBlockHeader(String what, int minItemBytes, long start) throws IOException {
    long count = readLong();
    if (count < 0) {
      if (count == Long.MIN_VALUE) {
        throw corrupt("invalid " + what + " block count " + count, start);
      }
      count = -count;
      long sizeStart = position();
      long size = readLong();
      if (size < 0) {
        throw corrupt("negative " + what + " block size " + size, sizeStart);
      }
      if (size > knownRemaining()) {
        throw truncated(what + " block", size, sizeStart);
      }
    }
    if (count > limits.maxCollectionItems()) {
      throw limitExceeded("maxCollectionItems", limits.maxCollectionItems(), count, what + " item count", start);
    }
    if (minItemBytes > 0 && count > knownRemaining() / minItemBytes) {
      throw corrupt(what + " block of " + count + " items needs at least " + minItemBytes
          + " byte(s) per item but only " + knownRemaining() + " bytes remain", start);
    }
    return count;
  }

  /**
   * Skips array blocks that carry a byte size without decoding them. Returns the item count of the first block
   * without a byte size, whose items the caller must skip one by one before calling again, or 0 at the end of the
   * array (the contract of Apache Avro's {@code BinaryDecoder.skipArray}). Does not touch the collection totals.
   */
  public final long skipArray() throws IOException {
    return skipBlocks("array", 0);
  }

  /** {@link #skipArray()} for maps. */
  public final long skipMap() throws IOException {
    return skipBlocks("map", 1);
  }

  private long skipBlocks(String what, int minItemBytes) throws IOException {
    while (true) {
      long start = position();
      long count = readLong();
      if (count == 0) {
        return 0;
      }
      if (count > 0) {
        if (count > limits.maxCollectionItems()) {
          throw limitExceeded("maxCollectionItems", limits.maxCollectionItems(), count, what + " item count",
              start);
        }
        if (minItemBytes > 0 && count > knownRemaining() / minItemBytes) {
          throw corrupt(what + " block of " + count + " items cannot fit in the " + knownRemaining()
              + " remaining bytes", start);
        }
        return count;
      }
      if (count == Long.MIN_VALUE) {
        throw corrupt("invalid " + what + " block count " + count, start);
      }
      long sizeStart = position();
      long size = readLong();
      if (size < 0) {
        throw corrupt("negative " + what + " block size " + size, sizeStart);
      }
      skipRaw(size, sizeStart, what + " block");
    }
  }

  // ---- recursion

  /** Enters one level of a recursive type's data; throws when {@link ReadLimits#maxDataDepth()} is exceeded. */
  public final void enterNested() throws LimitExceededException {
    int max = limits.maxDataDepth();
    if (dataDepth >= max) {
      throw limitExceeded("maxDataDepth", max, dataDepth + 1L, "data nesting depth", position());
    }
    dataDepth++;
  }

  /** Leaves the level entered by the matching {@link #enterNested()}. */
  public final void exitNested() {
    if (dataDepth > 0) {
      dataDepth--;
    }
  }

  /** Current depth of {@link #enterNested()} calls. */
  public final int nestingDepth() {
    return dataDepth;
  }

  // ---- errors

  static CorruptDataException corrupt(String detail, long offset) {
    CorruptDataException e = new CorruptDataException(detail);
    e.withOffset(offset);
    return e;
  }

  final CorruptDataException truncated(String what, long needed, long start) {
    long known = knownRemaining();
    return truncated("truncated data: the " + what + " needs " + needed + " byte(s) but "
        + (known == Long.MAX_VALUE ? "the input ended first" : "only " + known + " remain"), start);
  }

  static CorruptDataException truncated(String detail, long start) {
    CorruptDataException e = new CorruptDataException(detail, new EOFException(detail));
    e.withOffset(start);
    return e;
  }

  static LimitExceededException limitExceeded(String limit, long max, long requested, String what, long offset) {
    try {
      ReadLimits.check(limit, max, requested, what);
      throw new IllegalStateException(requested + " does not exceed " + limit + " = " + max);
    } catch (LimitExceededException e) {
      e.withOffset(offset);
      return e;
    }
  }
}
