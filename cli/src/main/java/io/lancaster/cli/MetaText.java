package io.lancaster.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Renders a metadata value (arbitrary bytes) on one line of a terminal. Valid UTF-8 is printed as text with
 * backslash escapes for the backslash itself and for control characters ({@code \n}, {@code \t}, {@code \r},
 * else {@code \}{@code u00XX}); bytes that are not valid UTF-8 make the whole value print as {@code \}{@code xHH}
 * escapes of non-printable-ASCII bytes. The output is thus unambiguous and never moves the cursor or changes the
 * terminal, whatever a file's writer put in its metadata.
 */
final class MetaText {
  private MetaText() {}

  static String of(byte[] value) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer text = utf8.decode(ByteBuffer.wrap(value));
      return escapeText(text);
    } catch (CharacterCodingException e) {
      return escapeBytes(value);
    }
  }

  private static String escapeText(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\t': sb.append("\\t"); break;
        case '\r': sb.append("\\r"); break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  private static String escapeBytes(byte[] value) {
    StringBuilder sb = new StringBuilder(value.length * 2);
    for (byte b : value) {
      int u = b & 0xff;
      if (u == '\\') {
        sb.append("\\\\");
      } else if (u >= 0x20 && u < 0x7f) {
        sb.append((char) u);
      } else {
        sb.append(String.format("\\x%02x", u));
      }
    }
    return sb.toString();
  }
}
