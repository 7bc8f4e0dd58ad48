package io.lancaster.avro.schema;

import java.util.HashSet;
import java.util.Set;

/**
 * The spec's Parsing Canonical Form: full names, only the attributes that matter for parsing (name, type,
 * fields, symbols, items, values, size) in that order, no whitespace, strings with their characters unescaped
 * (only JSON's mandatory escapes remain), each named type in full at its first appearance only.
 */
public final class CanonicalForm {
  private CanonicalForm() {}

  public static String of(Schema schema) {
    StringBuilder sb = new StringBuilder();
    write(sb, schema, new HashSet<>());
    return sb.toString();
  }

  private static void write(StringBuilder sb, Schema s, Set<String> defined) {
    switch (s.type()) {
      case RECORD: {
        RecordSchema r = (RecordSchema) s;
        if (reference(sb, r, defined)) {
          return;
        }
        sb.append("{\"name\":");
        string(sb, r.fullName());
        sb.append(",\"type\":\"record\",\"fields\":[");
        boolean first = true;
        for (Field f : r.fields()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          sb.append("{\"name\":");
          string(sb, f.name());
          sb.append(",\"type\":");
          write(sb, f.schema(), defined);
          sb.append('}');
        }
        sb.append("]}");
        return;
      }
      case ENUM: {
        EnumSchema e = (EnumSchema) s;
        if (reference(sb, e, defined)) {
          return;
        }
        sb.append("{\"name\":");
        string(sb, e.fullName());
        sb.append(",\"type\":\"enum\",\"symbols\":[");
        for (int i = 0; i < e.symbols().size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          string(sb, e.symbols().get(i));
        }
        sb.append("]}");
        return;
      }
      case FIXED: {
        FixedSchema f = (FixedSchema) s;
        if (reference(sb, f, defined)) {
          return;
        }
        sb.append("{\"name\":");
        string(sb, f.fullName());
        sb.append(",\"type\":\"fixed\",\"size\":").append(f.size()).append('}');
        return;
      }
      case ARRAY:
        sb.append("{\"type\":\"array\",\"items\":");
        write(sb, ((ArraySchema) s).items(), defined);
        sb.append('}');
        return;
      case MAP:
        sb.append("{\"type\":\"map\",\"values\":");
        write(sb, ((MapSchema) s).values(), defined);
        sb.append('}');
        return;
      case UNION: {
        sb.append('[');
        boolean first = true;
        for (Schema b : ((UnionSchema) s).branches()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          write(sb, b, defined);
        }
        sb.append(']');
        return;
      }
      default:
        sb.append('"').append(s.type().typeName()).append('"');
    }
  }

  private static boolean reference(StringBuilder sb, NamedSchema s, Set<String> defined) {
    if (defined.add(s.fullName())) {
      return false;
    }
    string(sb, s.fullName());
    return true;
  }

  /** A JSON string literal with only the escapes JSON requires (quote, backslash, control characters). */
  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
