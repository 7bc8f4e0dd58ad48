package io.lancaster.avro.io;

/**
 * Encodes a String as UTF-8 straight into an encoder's buffer, so writing a string needs no temporary byte array.
 * Produces exactly the bytes of {@code String.getBytes(UTF_8)}: an unpaired surrogate becomes {@code '?'}.
 */
final class Utf8Encoding {
  private Utf8Encoding() {
  }

  /** Flag in the result of {@link #measure} telling that the string is not pure ASCII. */
  private static final long NOT_ASCII = 1L << 32;

  /**
   * Measures {@code s} in one pass: its UTF-8 length ({@link #length}) and whether it is pure ASCII
   * ({@link #isAscii}). Throws IllegalArgumentException when the encoding cannot fit in a Java array.
   */
  static long measure(String s) {
    int n = s.length();
    long len = n;
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
        if (c < 0x800) {
          len += 1;
        } else if (!Character.isSurrogate(c)) {
          len += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          len += 2; // two chars, four bytes
          i++;
        } // else an unpaired surrogate: one '?' byte, already counted
      }
    }
    if (len > ReadLimits.MAX_ARRAY_LENGTH - Varints.MAX_LONG_BYTES) {
      throw new IllegalArgumentException("string too long to encode: " + len + " UTF-8 bytes");
    }
    return ascii ? len : len | NOT_ASCII;
  }

  static int length(long measure) {
    return (int) measure;
  }

  static boolean isAscii(long measure) {
    return (measure & NOT_ASCII) == 0;
  }

  /**
   * Writes the UTF-8 bytes of {@code s}, whose {@link #measure} is {@code measure}, at {@code pos}; returns the new
   * position. The caller has made room for {@code length(measure)} bytes.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly right for ASCII
  static int encode(String s, long measure, byte[] dst, int pos) {
    int n = s.length();
    if (isAscii(measure)) { // all ASCII: a plain copy of the low bytes
      s.getBytes(0, n, dst, pos);
      return pos + n;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        dst[pos++] = (byte) c;
      } else if (c < 0x800) {
        dst[pos++] = (byte) (0xC0 | (c >> 6));
        dst[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        dst[pos++] = (byte) (0xE0 | (c >> 12));
        dst[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        dst[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        dst[pos++] = (byte) (0xF0 | (cp >> 18));
        dst[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        dst[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        dst[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        dst[pos++] = '?';
      }
    }
    return pos;
  }
}
