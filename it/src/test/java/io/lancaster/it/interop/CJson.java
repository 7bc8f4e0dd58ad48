package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Checks the JSON that libavro 1.11.1 prints ({@code avro_value_to_json}, what {@code avrocat} shows) against
 * Lancaster's values, strictly and with libavro's two known deviations from the spec's JSON encoding built in:
 * <ul>
 *   <li>strings, bytes, fixed and map keys end at their first zero byte: libavro hands them to jansson as C
 *       strings, so whatever follows a U+0000 or a 0x00 byte is not printed (the data itself is intact);
 *   <li>a datum holding a NaN or infinite float or double is not printed at all: jansson refuses non-finite
 *       reals, and avrocat reports "Error converting value to JSON" on stderr instead.
 * </ul>
 * Everything else must be exact: unions tagged with libavro's branch name (the simple name of a named type, the
 * type name otherwise; null untagged), bytes and fixed as strings of code points 0-255, floats widened to double.
 */
public final class CJson {
  private CJson() {}

  /** Asserts avrocat's output: one line per printable value, in order, and one stderr line per unprintable one. */
  public static void assertAvrocatPrinted(Schema schema, List<?> values, Processes.Result avrocat) {
    List<Object> printable = new ArrayList<>();
    int unprintable = 0;
    for (Object v : values) {
      if (finite(schema, v)) {
        printable.add(v);
      } else {
        unprintable++;
      }
    }
    List<String> errors = avrocat.stderr().lines().filter(l -> !l.isBlank()).toList();
    if (errors.size() != unprintable
        || !errors.stream().allMatch(e -> e.startsWith("Error converting value to JSON: Cannot allocate JSON"))) {
      fail("expected " + unprintable + " 'Error converting value to JSON' lines (values with NaN or infinities)"
          + ", avrocat printed on stderr:\n" + avrocat.stderr());
    }
    List<String> lines = avrocat.stdoutLines();
    if (lines.size() != printable.size()) {
      fail("expected " + printable.size() + " JSON lines from avrocat, got " + lines.size() + ":\n"
          + avrocat.stdout());
    }
    for (int i = 0; i < lines.size(); i++) {
      JsonNode json = PeerJson.parse(lines.get(i));
      String problem = difference(schema, printable.get(i), json, "[" + i + "]");
      if (problem != null) {
        fail(problem + "\n  expected (Lancaster): " + printable.get(i) + "\n  libavro printed: " + lines.get(i));
      }
    }
  }

  /** False when the value holds a NaN or an infinity, which libavro cannot print. */
  public static boolean finite(Schema schema, Object v) {
    return every(schema, v, (s, leaf) -> switch (s.type()) {
      case FLOAT -> Float.isFinite((Float) leaf);
      case DOUBLE -> Double.isFinite((Double) leaf);
      default -> true;
    });
  }

  /** True when libavro prints the value whole: finite, and no zero byte in any string, bytes, fixed or map key. */
  public static boolean printedWhole(Schema schema, Object v) {
    return finite(schema, v) && every(schema, v, (s, leaf) -> switch (s.type()) {
      case STRING -> ((String) leaf).indexOf('\u0000') < 0;
      case BYTES -> noZero(bytes((ByteBuffer) leaf));
      case FIXED -> noZero(((GenericFixed) leaf).bytes());
      case MAP -> ((Map<?, ?>) leaf).keySet().stream().noneMatch(k -> ((String) k).indexOf('\u0000') >= 0);
      default -> true;
    });
  }

  /** Whether {@code test} holds for the value and every value inside it (maps are tested before their values). */
  private static boolean every(Schema schema, Object v, BiPredicate<Schema, Object> test) {
    if (!test.test(schema, v)) {
      return false;
    }
    switch (schema.type()) {
      case ARRAY:
        return ((List<?>) v).stream().allMatch(item -> every(((ArraySchema) schema).items(), item, test));
      case MAP:
        return ((Map<?, ?>) v).values().stream().allMatch(item -> every(((MapSchema) schema).values(), item, test));
      case UNION: {
        UnionSchema u = (UnionSchema) schema;
        return every(u.branch(new UnionBranchResolver(u).branchOf(v)), v, test);
      }
      case RECORD: {
        GenericRecord r = (GenericRecord) v;
        for (Field f : ((RecordSchema) schema).fields()) {
          if (!every(f.schema(), r.get(f.position()), test)) {
            return false;
          }
        }
        return true;
      }
      default:
        return true;
    }
  }

  private static boolean noZero(byte[] b) {
    for (byte x : b) {
      if (x == 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return bytes;
  }

  static String difference(Schema schema, Object v, JsonNode p, String path) {
    switch (schema.type()) {
      case NULL:
        return p.isNull() ? null : at(path, "expected null, got " + p);
      case BOOLEAN:
        return p.isBoolean() && p.booleanValue() == (Boolean) v ? null : at(path, "expected " + v + ", got " + p);
      case INT:
        return p.isIntegralNumber() && p.longValue() == (Integer) v ? null
            : at(path, "expected int " + v + ", got " + p);
      case LONG:
        return p.isIntegralNumber() && p.canConvertToLong() && p.longValue() == (Long) v ? null
            : at(path, "expected long " + v + ", got " + p);
      case FLOAT:
        return p.isFloatingPointNumber() && Float.compare((float) p.doubleValue(), (Float) v) == 0 ? null
            : at(path, "expected float " + v + ", got " + p);
      case DOUBLE:
        return p.isFloatingPointNumber() && Double.compare(p.doubleValue(), (Double) v) == 0 ? null
            : at(path, "expected double " + v + ", got " + p);
      case STRING: {
        String expected = cut((String) v);
        return p.isTextual() && p.textValue().equals(expected) ? null
            : at(path, "expected string \"" + expected + "\", got " + p);
      }
      case BYTES:
        return latin1(p, bytes((ByteBuffer) v), path);
      case FIXED:
        return latin1(p, ((GenericFixed) v).bytes(), path);
      case ENUM:
        return p.isTextual() && p.textValue().equals(((GenericEnum) v).symbol()) ? null
            : at(path, "expected symbol " + v + ", got " + p);
      case ARRAY: {
        List<?> list = (List<?>) v;
        if (!p.isArray() || p.size() != list.size()) {
          return at(path, "expected an array of " + list.size() + ", got " + p);
        }
        for (int i = 0; i < list.size(); i++) {
          String d = difference(((ArraySchema) schema).items(), list.get(i), p.get(i), path + "[" + i + "]");
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      case MAP: {
        Map<String, Object> printed = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, value) -> printed.put(cut((String) k), value));
        if (!p.isObject() || p.size() != printed.size()) {
          return at(path, "expected a map of " + printed.size() + " keys, got " + p);
        }
        for (Map.Entry<String, Object> e : printed.entrySet()) {
          JsonNode pv = p.get(e.getKey());
          if (pv == null) {
            return at(path, "libavro's map lacks key \"" + e.getKey() + "\"");
          }
          String d = difference(((MapSchema) schema).values(), e.getValue(), pv, path + "{" + e.getKey() + "}");
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      case RECORD: {
        List<Field> fields = ((RecordSchema) schema).fields();
        if (!p.isObject() || p.size() != fields.size()) {
          return at(path, "expected a record of " + fields.size() + " fields, got " + p);
        }
        for (Field f : fields) {
          JsonNode pv = p.get(f.name());
          if (pv == null) {
            return at(path, "libavro's record lacks field " + f.name());
          }
          String d = difference(f.schema(), ((GenericRecord) v).get(f.position()), pv,
              path.isEmpty() ? f.name() : path + "." + f.name());
          if (d != null) {
            return d;
          }
        }
        return null;
      }
      case UNION: {
        UnionSchema u = (UnionSchema) schema;
        Schema branch = u.branch(new UnionBranchResolver(u).branchOf(v));
        if (branch.type() == Schema.Type.NULL) {
          return p.isNull() ? null : at(path, "expected an untagged null, got " + p);
        }
        String tag = branchName(branch);
        if (!p.isObject() || p.size() != 1 || p.get(tag) == null) {
          return at(path, "expected a union tagged \"" + tag + "\", got " + p);
        }
        return difference(branch, v, p.get(tag), path);
      }
      default:
        throw new AssertionError(schema.type());
    }
  }

  /** libavro's name for a union branch: avro_schema_type_name, the simple name of a named type. */
  static String branchName(Schema branch) {
    if (branch.isNamed()) {
      String full = branch.fullName();
      return full.substring(full.lastIndexOf('.') + 1);
    }
    return branch.type().typeName();
  }

  private static String latin1(JsonNode p, byte[] bytes, String path) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    char[] c = new char[end];
    for (int i = 0; i < end; i++) {
      c[i] = (char) (bytes[i] & 0xFF);
    }
    String expected = new String(c);
    return p.isTextual() && p.textValue().equals(expected) ? null
        : at(path, "expected bytes \"" + expected + "\" (up to the first zero byte), got " + p);
  }

  private static String cut(String s) {
    int nul = s.indexOf('\u0000');
    return nul < 0 ? s : s.substring(0, nul);
  }

  private static String at(String path, String what) {
    return (path.isEmpty() ? "at the top level: " : "at " + path + ": ") + what;
  }
}
