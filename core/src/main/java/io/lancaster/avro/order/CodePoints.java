package io.lancaster.avro.order;

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes and thus of their binary
 * encodings. {@link String#compareTo} is not that order: it compares UTF-16 units, which puts a supplementary
 * character (a surrogate pair) before U+E000..U+FFFF. An unpaired surrogate counts as {@code '?'}, the byte the
 * encoders write for it.
 */
final class CodePoints {
  private CodePoints() {
  }

  static int compare(CharSequence x, CharSequence y) {
    int n = x.length();
    int m = y.length();
    int common = Math.min(n, m);
    int i = 0;
    while (i < common && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    if (i == common && n == m) {
      return 0;
    }
    // Resume at a code point boundary: back up over a high surrogate that may start a pair.
    if (i > 0 && Character.isHighSurrogate(x.charAt(i - 1))) {
      i--;
    }
    int j = i;
    while (i < n && j < m) {
      int a = codePointAt(x, i, n);
      int b = codePointAt(y, j, m);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return i < n ? 1 : j < m ? -1 : 0;
  }

  /** The code point at {@code i}; {@code '?'} for an unpaired surrogate. */
  private static int codePointAt(CharSequence s, int i, int n) {
    char c = s.charAt(i);
    if (!Character.isSurrogate(c)) {
      return c;
    }
    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
      return Character.toCodePoint(c, s.charAt(i + 1));
    }
    return '?';
  }
}
