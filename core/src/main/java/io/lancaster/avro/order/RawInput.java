package io.lancaster.avro.order;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import java.io.UncheckedIOException;

/**
 * Bounds-checked reading of binary-encoded values straight from a byte array, for the comparators that never
 * decode into objects. A value is read in two steps that need no object to return both results: find where it
 * ends ({@link #varintEnd}), then decode the bytes in between ({@link #zigZagLong}). Every length and count from
 * the input is checked against the end of the datum; bad input ends in an {@link UncheckedIOException} wrapping a
 * {@link CorruptDataException} with the offset (in the array) where the bad value starts, since a comparator cannot
 * throw a checked exception. The rules are those of {@link io.lancaster.avro.io.Decoder}.
 */
final class RawInput {
  static final int MAX_INT_BYTES = 5;
  static final int MAX_LONG_BYTES = 10;

  private RawInput() {
  }

  /** The position after the varint that starts at {@code pos}; at most {@code maxBytes} long, inside {@code end}. */
  static int varintEnd(byte[] buf, int pos, int end, int maxBytes) {
    if (pos < end && buf[pos] >= 0) {
      return pos + 1;
    }
    int stop = end - pos < maxBytes ? end : pos + maxBytes;
    for (int p = pos; p < stop; p++) {
      if (buf[p] >= 0) {
        if (p - pos == maxBytes - 1 && (buf[p] & (maxBytes == MAX_INT_BYTES ? 0xF0 : 0xFE)) != 0) {
          throw corrupt("invalid " + kind(maxBytes) + " varint: value overflows " + (maxBytes == MAX_INT_BYTES
              ? 32 : 64) + " bits", pos);
        }
        return p + 1;
      }
    }
    if (stop - pos == maxBytes) {
      throw corrupt("invalid " + kind(maxBytes) + " varint: longer than " + maxBytes + " bytes", pos);
    }
    throw truncated("the input ends inside " + (maxBytes == MAX_INT_BYTES ? "an int" : "a long") + " varint", pos);
  }

  /** Decodes the zig-zag varint in {@code buf[pos, stop)}, as found by {@link #varintEnd}. */
  static long zigZagLong(byte[] buf, int pos, int stop) {
    long n = 0;
    for (int p = pos, shift = 0; p < stop; p++, shift += 7) {
      n |= (long) (buf[p] & 0x7F) << shift;
    }
    return (n >>> 1) ^ -(n & 1);
  }

  /** Decodes an int varint in {@code buf[pos, stop)}, as found by {@link #varintEnd} with {@link #MAX_INT_BYTES}. */
  static int zigZagInt(byte[] buf, int pos, int stop) {
    int n = 0;
    for (int p = pos, shift = 0; p < stop; p++, shift += 7) {
      n |= (buf[p] & 0x7F) << shift;
    }
    return (n >>> 1) ^ -(n & 1);
  }

  /**
   * Reads the length prefix of a string or bytes value at {@code pos} (ending at {@code lenEnd}) and checks that
   * the value fits before {@code end}; returns the length.
   */
  static int length(byte[] buf, int pos, int lenEnd, int end, String what) {
    long len = zigZagLong(buf, pos, lenEnd);
    if (len < 0) {
      throw corrupt("negative " + what + " length " + len, pos);
    }
    if (len > end - lenEnd) {
      throw truncated("the input ends inside a " + what + " of " + len + " bytes", pos);
    }
    return (int) len;
  }

  /** Checks that {@code n} fixed bytes start at {@code pos} before {@code end}; returns the position after them. */
  static int fixedEnd(int pos, int n, int end, String what) {
    if (n > end - pos) {
      throw truncated("the input ends inside a " + what + " of " + n + " bytes", pos);
    }
    return pos + n;
  }

  /**
   * The position after the header of a collection block at {@code pos}: the count, and the byte size that follows
   * a negative count (validated: not negative, not past {@code end}).
   */
  static int blockHeaderEnd(byte[] buf, int pos, int end, String what) {
    int countEnd = varintEnd(buf, pos, end, MAX_LONG_BYTES);
    if ((buf[pos] & 1) == 0) { // the zig-zag sign is the lowest bit of the first byte
      return countEnd;
    }
    long count = zigZagLong(buf, pos, countEnd);
    if (count == Long.MIN_VALUE) {
      throw corrupt("invalid " + what + " block count " + count, pos);
    }
    int sizeEnd = varintEnd(buf, countEnd, end, MAX_LONG_BYTES);
    long size = zigZagLong(buf, countEnd, sizeEnd);
    if (size < 0) {
      throw corrupt("negative " + what + " block size " + size, countEnd);
    }
    if (size > end - sizeEnd) {
      throw truncated("the input ends inside " + what + " block of " + size + " bytes", countEnd);
    }
    return sizeEnd;
  }

  /** The item count of the block whose header starts at {@code pos} (validated by {@link #blockHeaderEnd}). */
  static long blockCount(byte[] buf, int pos, int end) {
    long count = zigZagLong(buf, pos, varintEnd(buf, pos, end, MAX_LONG_BYTES));
    return count < 0 ? -count : count;
  }

  /** The byte size of a block whose header starts at {@code pos}, or -1 when the header has none. */
  static long blockSize(byte[] buf, int pos, int end) {
    if ((buf[pos] & 1) == 0) {
      return -1;
    }
    int countEnd = varintEnd(buf, pos, end, MAX_LONG_BYTES);
    return zigZagLong(buf, countEnd, varintEnd(buf, countEnd, end, MAX_LONG_BYTES));
  }

  /** Checks that a block of {@code count} items of at least {@code minItemBytes} each fits before {@code end}. */
  static void checkBlockFits(long count, int minItemBytes, int pos, int end, int headerPos, String what) {
    if (minItemBytes > 0 && count > (end - pos) / minItemBytes) {
      throw corrupt(what + " block of " + count + " items needs at least " + minItemBytes + " byte(s) per item but"
          + " only " + (end - pos) + " bytes remain", headerPos);
    }
  }

  static UncheckedIOException corrupt(String detail, int offset) {
    return new UncheckedIOException(new CorruptDataException(detail).withOffset(offset));
  }

  static UncheckedIOException truncated(String detail, int offset) {
    return corrupt("truncated data: " + detail, offset);
  }

  /** Adds a field path element to the corrupt-data exception inside {@code e}, if there is one. */
  static UncheckedIOException prependPath(UncheckedIOException e, String element) {
    if (e.getCause() instanceof AvroDataException d) {
      d.prependPath(element);
    }
    return e;
  }

  private static String kind(int maxBytes) {
    return maxBytes == MAX_INT_BYTES ? "int" : "long";
  }
}
