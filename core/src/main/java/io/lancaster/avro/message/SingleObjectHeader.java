package io.lancaster.avro.message;

import java.util.Objects;

/**
 * The 10-byte header of a single-object encoded message: the marker {@code C3 01} (format version 1) and the
 * writer schema's CRC-64-AVRO fingerprint, little-endian. Public so that routing code (e.g. picking a topic or
 * table by schema) can read a message's fingerprint without decoding it.
 */
public final class SingleObjectHeader {
  /** The first marker byte. */
  public static final byte MARKER_0 = (byte) 0xC3;
  /** The second marker byte: the format version, 1. */
  public static final byte MARKER_1 = (byte) 0x01;
  /** Marker plus fingerprint: the datum starts at this offset. */
  public static final int LENGTH = 10;

  private SingleObjectHeader() {}

  /** True when {@code b[off, off+len)} is long enough for a header and starts with the marker. */
  public static boolean isSingleObject(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    return len >= LENGTH && b[off] == MARKER_0 && b[off + 1] == MARKER_1;
  }

  /**
   * The writer-schema fingerprint of the message in {@code b[off, off+len)}.
   *
   * @throws BadHeaderException when the marker is missing or the header is cut short
   */
  public static long fingerprint(byte[] b, int off, int len) throws BadHeaderException {
    Objects.checkFromIndexSize(off, len, b.length);
    check(b, off, len);
    return readFingerprint(b, off + 2);
  }

  /** Writes the marker and {@code fingerprint} to {@code dst[off, off+10)}. */
  public static void write(long fingerprint, byte[] dst, int off) {
    Objects.checkFromIndexSize(off, LENGTH, dst.length);
    dst[off] = MARKER_0;
    dst[off + 1] = MARKER_1;
    for (int i = 0; i < 8; i++) {
      dst[off + 2 + i] = (byte) (fingerprint >>> (8 * i));
    }
  }

  /** A new header for {@code fingerprint}. */
  public static byte[] of(long fingerprint) {
    byte[] header = new byte[LENGTH];
    write(fingerprint, header, 0);
    return header;
  }

  /** Checks the marker first (a payload in another format is named as such), then the length. */
  static void check(byte[] b, int off, int len) throws BadHeaderException {
    if (len == 0 || b[off] != MARKER_0 || len >= 2 && b[off + 1] != MARKER_1) {
      throw new BadHeaderException("not a single-object encoded message (marker C3 01 expected, found "
          + (len == 0 ? "an empty payload" : hexBytes(b, off, Math.min(len, 2))) + ")");
    }
    if (len < LENGTH) {
      throw new BadHeaderException("truncated single-object header: " + len
          + " byte(s), the marker and fingerprint need " + LENGTH);
    }
  }

  static long readFingerprint(byte[] b, int off) {
    long fp = 0;
    for (int i = 7; i >= 0; i--) {
      fp = (fp << 8) | (b[off + i] & 0xFFL);
    }
    return fp;
  }

  /** A fingerprint as errors show it: {@code 0x} and 16 hex digits. */
  static String hex(long fingerprint) {
    return String.format("0x%016x", fingerprint);
  }

  private static String hexBytes(byte[] b, int off, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(i == 0 ? "" : " ").append(String.format("%02X", b[off + i] & 0xFF));
    }
    return sb.toString();
  }
}
