package io.lancaster.avro.io;

/**
 * Zig-zag variable-length integers written straight into a byte array. Both encoders and any code that lays out
 * Avro bytes itself (block headers, columnar writers) share it, so there is exactly one implementation of the
 * format's most frequent value. Callers make sure the array has room ({@link #MAX_INT_BYTES} or
 * {@link #MAX_LONG_BYTES} after {@code pos}); the methods return the position after the written bytes.
 */
public final class Varints {
  /** Most bytes an encoded int takes. */
  public static final int MAX_INT_BYTES = 5;
  /** Most bytes an encoded long takes. */
  public static final int MAX_LONG_BYTES = 10;

  private Varints() {
  }

  /** Writes {@code v} zig-zag encoded; returns the new position. */
  public static int writeInt(byte[] buf, int pos, int v) {
    int n = (v << 1) ^ (v >> 31);
    if ((n & ~0x7F) == 0) {
      buf[pos] = (byte) n;
      return pos + 1;
    }
    buf[pos++] = (byte) (n | 0x80);
    n >>>= 7;
    if (n > 0x7F) {
      buf[pos++] = (byte) (n | 0x80);
      n >>>= 7;
      if (n > 0x7F) {
        buf[pos++] = (byte) (n | 0x80);
        n >>>= 7;
        if (n > 0x7F) {
          buf[pos++] = (byte) (n | 0x80);
          n >>>= 7;
        }
      }
    }
    buf[pos++] = (byte) n;
    return pos;
  }

  /** Writes {@code v} zig-zag encoded; returns the new position. */
  public static int writeLong(byte[] buf, int pos, long v) {
    long n = (v << 1) ^ (v >> 63);
    if ((n & ~0x7FL) == 0) {
      buf[pos] = (byte) n;
      return pos + 1;
    }
    if ((n & ~0x3FFFL) == 0) {
      buf[pos] = (byte) (n | 0x80);
      buf[pos + 1] = (byte) (n >>> 7);
      return pos + 2;
    }
    do {
      buf[pos++] = (byte) (n | 0x80);
      n >>>= 7;
    } while ((n & ~0x7FL) != 0);
    buf[pos++] = (byte) n;
    return pos;
  }

  /** Number of bytes {@link #writeLong} uses for {@code v}. */
  public static int sizeOfLong(long v) {
    long n = (v << 1) ^ (v >> 63);
    // 1 byte per started group of 7 significant bits, at least 1.
    int bits = 64 - Long.numberOfLeadingZeros(n | 1);
    return (bits + 6) / 7;
  }

  /** Number of bytes {@link #writeInt} uses for {@code v}. */
  public static int sizeOfInt(int v) {
    return sizeOfLong(v);
  }
}
