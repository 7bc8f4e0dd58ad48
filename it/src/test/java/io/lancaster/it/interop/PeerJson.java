package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Compares the JSON a peer prints for a datum with Lancaster's generic value of it, knowing the schema. Peers
 * print JSON in their own ways, so the comparison accepts each faithful rendering: unions tagged
 * ({@code {"string": "x"}}, the spec's JSON encoding, as the C tools print) or untagged (a plain value, as
 * Python's and JavaScript's native values serialise); bytes and fixed as strings of code points 0-255 or as
 * arrays of numbers; floats printed widened to double; NaN and infinities as numbers or strings.
 * Values are compared exactly: a float is equal when the peer's number rounds to the same float.
 */
public final class PeerJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PeerJson() {}

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("peer printed invalid JSON: " + json, e);
    }
  }

  /** Asserts that {@code peer} renders {@code value} of {@code schema}; the message names the path of a difference. */
  public static void assertMatches(Schema schema, Object value, JsonNode peer) {
    String problem = difference(schema, value, peer, "");
    if (problem != null) {
      fail(problem + "\n  expected (Lancaster): " + value + "\n  peer printed: " + peer);
    }
  }

  /** Asserts record by record; the lists must have the same length. */
  public static void assertAllMatch(Schema schema, List<Object> values, List<JsonNode> peer) {
    if (values.size() != peer.size()) {
      fail("expected " + values.size() + " records, the peer printed " + peer.size());
    }
    for (int i = 0; i < values.size(); i++) {
      String problem = difference(schema, values.get(i), peer.get(i), "[" + i + "]");
      if (problem != null) {
        fail(problem + "\n  expected (Lancaster): " + values.get(i) + "\n  peer printed: " + peer.get(i));
      }
    }
  }

  static String difference(Schema schema, Object v, JsonNode p, String path) {
    switch (schema.type()) {
      case NULL:
        return p.isNull() ? null : at(path, "expected null, got " + p);
      case BOOLEAN:
        return p.isBoolean() && p.booleanValue() == (Boolean) v ? null : at(path, "expected " + v + ", got " + p);
      case INT:
        return p.isIntegralNumber() && p.longValue() == ((Integer) v).longValue() ? null
            : at(path, "expected int " + v + ", got " + p);
      case LONG:
        return p.isIntegralNumber() && p.canConvertToLong() && p.longValue() == (Long) v ? null
            : at(path, "expected long " + v + ", got " + p);
      case FLOAT: {
        Double d = number(p);
        float f = (Float) v;
        return d != null && Float.compare((float) d.doubleValue(), f) == 0
            || d != null && Float.isNaN(f) && Double.isNaN(d) ? null : at(path, "expected float " + f + ", got " + p);
      }
      case DOUBLE: {
        Double d = number(p);
        double x = (Double) v;
        return d != null && (Double.compare(d, x) == 0 || (Double.isNaN(d) && Double.isNaN(x))) ? null
            : at(path, "expected double " + x + ", got " + p);
      }
      case STRING:
        return p.isTextual() && p.textValue().equals(v) ? null : at(path, "expected string " + quote(v) + ", got " + p);
      case BYTES: {
        ByteBuffer b = (ByteBuffer) v;
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return sameBytes(bytes, p) ? null : at(path, "expected bytes " + latin1(bytes) + ", got " + p);
      }
      case FIXED:
        return sameBytes(((GenericFixed) v).bytes(), p) ? null
            : at(path, "expected fixed " + latin1(((GenericFixed) v).bytes()) + ", got " + p);
      case ENUM:
        return p.isTextual() && p.textValue().equals(((GenericEnum) v).symbol()) ? null
            : at(path, "expected enum symbol " + v + ", got " + p);
      case ARRAY: {
        List<?> list = (List<?>) v;
        if (!p.isArray() || p.size() != list.size()) {
          return at(path, "expected an array of " + list.size() + " items, got " + p);
        }
        Schema items = ((ArraySchema) schema).items();
        for (int i = 0; i < list.size(); i++) {
          String d = difference(items, list.get(i), p.get(i), path + "[" + i + "]");
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      case MAP: {
        Map<?, ?> map = (Map<?, ?>) v;
        if (!p.isObject() || p.size() != map.size()) {
          return at(path, "expected a map of " + map.size() + " entries, got " + p);
        }
        Schema values = ((MapSchema) schema).values();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          JsonNode pv = p.get((String) e.getKey());
          if (pv == null) {
            return at(path, "the peer's map lacks key " + quote(e.getKey()));
          }
          String d = difference(values, e.getValue(), pv, path + "{" + e.getKey() + "}");
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      case RECORD: {
        GenericRecord r = (GenericRecord) v;
        if (!p.isObject()) {
          return at(path, "expected a record, got " + p);
        }
        for (Field f : ((RecordSchema) schema).fields()) {
          JsonNode pv = p.get(f.name());
          if (pv == null) {
            return at(path, "the peer's record lacks field " + f.name());
          }
          String d = difference(f.schema(), r.get(f.position()), pv, path.isEmpty() ? f.name() : path + "." + f.name());
          if (d != null) {
            return d;
          }
        }
        return p.size() == ((RecordSchema) schema).fields().size() ? null
            : at(path, "the peer's record has extra fields: " + p);
      }
      case UNION: {
        UnionSchema u = (UnionSchema) schema;
        Schema branch = u.branch(new UnionBranchResolver(u).branchOf(v));
        JsonNode value = p;
        // Tagged form {"<branch name>": value}; a null branch is never tagged.
        if (branch.type() != Schema.Type.NULL && p.isObject() && p.size() == 1) {
          String key = p.fieldNames().next();
          if (u.indexOf(key) >= 0 || key.equals(branch.fullName())
              || (branch.isNamed() && key.equals(simpleName(branch)))) {
            String tagged = difference(branch, v, p.get(key), path);
            if (tagged == null) {
              return null;
            }
          }
        }
        return difference(branch, v, value, path);
      }
      default:
        throw new AssertionError(schema.type());
    }
  }

  private static String simpleName(Schema named) {
    String full = named.fullName();
    return full.substring(full.lastIndexOf('.') + 1);
  }

  private static Double number(JsonNode p) {
    if (p.isNumber()) {
      return p.doubleValue();
    }
    if (p.isTextual()) {
      switch (p.textValue()) {
        case "NaN": return Double.NaN;
        case "Infinity": case "inf": return Double.POSITIVE_INFINITY;
        case "-Infinity": case "-inf": return Double.NEGATIVE_INFINITY;
        default: return null;
      }
    }
    return null;
  }

  private static boolean sameBytes(byte[] expected, JsonNode p) {
    if (p.isTextual()) {
      return p.textValue().equals(latin1(expected));
    }
    if (p.isArray() && p.size() == expected.length) {
      for (int i = 0; i < expected.length; i++) {
        if (!p.get(i).isIntegralNumber() || p.get(i).intValue() != (expected[i] & 0xFF)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Bytes as a string of code points 0-255, the JSON encoding's form. */
  public static String latin1(byte[] b) {
    char[] c = new char[b.length];
    for (int i = 0; i < b.length; i++) {
      c[i] = (char) (b[i] & 0xFF);
    }
    return new String(c);
  }

  private static String quote(Object s) {
    return "\"" + s + "\"";
  }

  private static String at(String path, String what) {
    return (path.isEmpty() ? "at the top level: " : "at " + path + ": ") + what;
  }
}
