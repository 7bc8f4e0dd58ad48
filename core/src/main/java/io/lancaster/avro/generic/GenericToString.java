package io.lancaster.avro.generic;

import io.lancaster.avro.json.Json;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** Renders generic values as JSON for toString: the spec's JSON encoding without union tags. */
final class GenericToString {
  private GenericToString() {}

  static String of(Object datum) {
    StringBuilder sb = new StringBuilder();
    append(sb, datum, 0);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v, int depth) {
    if (depth > 100) {
      sb.append("...");
      return;
    }
    if (v == null) {
      sb.append("null");
    } else if (v instanceof GenericRecord r) {
      sb.append('{');
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(Json.toJson(r.schema().fields().get(i).name())).append(": ");
        append(sb, r.get(i), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(Json.toJson(String.valueOf(e.getKey()))).append(": ");
        append(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, l.get(i), depth + 1);
      }
      sb.append(']');
    } else if (v instanceof ByteBuffer b) {
      sb.append(Json.toJson(latin1(b.array(), b.arrayOffset() + b.position(), b.remaining())));
    } else if (v instanceof CharSequence || v instanceof GenericEnum || v instanceof GenericFixed) {
      sb.append(Json.toJson(v.toString()));
    } else {
      sb.append(v);
    }
  }

  /** Bytes as a string of code points 0-255, as the JSON encoding writes bytes and fixed. */
  static String latin1(byte[] b, int off, int len) {
    char[] c = new char[len];
    for (int i = 0; i < len; i++) {
      c[i] = (char) (b[off + i] & 0xFF);
    }
    return new String(c);
  }
}
