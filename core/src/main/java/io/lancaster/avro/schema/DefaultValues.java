package io.lancaster.avro.schema;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.json.Json;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Checks a field default (a JSON tree) against the field's schema, by the spec's table of default values. */
public final class DefaultValues {
  private DefaultValues() {}

  /** Throws a SchemaParseException naming {@code path} when {@code json} is not a valid default for the schema. */
  public static void check(String path, Schema schema, Object json, boolean anyUnionBranch) {
    String problem = problem(schema, json, anyUnionBranch, new IdentityHashMap<>());
    if (problem != null) {
      throw new SchemaParseException("invalid default for field " + path + ": " + problem);
    }
  }

  /** True when {@code json} is a valid default (union: first branch) for {@code schema}. */
  public static boolean isValid(Schema schema, Object json) {
    return problem(schema, json, false, new IdentityHashMap<>()) == null;
  }

  private static String problem(Schema schema, Object json, boolean anyBranch, Map<Object, Boolean> seen) {
    switch (schema.type()) {
      case NULL:
        return json == Json.NULL ? null : expected("null", json);
      case BOOLEAN:
        return json instanceof Boolean ? null : expected("a boolean", json);
      case INT:
        return json instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? null
            : expected("an integer in the int range", json);
      case LONG:
        return json instanceof Long ? null : expected("an integer in the long range", json);
      case FLOAT:
      case DOUBLE:
        return json instanceof Number || isSpecialFloat(json) ? null : expected("a number", json);
      case STRING:
        return json instanceof String ? null : expected("a string", json);
      case BYTES:
        return json instanceof String s && isLatin1(s) ? null
            : expected("a string of code points 0-255", json);
      case FIXED: {
        int size = ((FixedSchema) schema).size();
        return json instanceof String s && isLatin1(s) && s.length() == size ? null
            : expected("a string of " + size + " code points 0-255", json);
      }
      case ENUM: {
        EnumSchema e = (EnumSchema) schema;
        return json instanceof String s && e.hasSymbol(s) ? null
            : expected("one of the symbols " + e.symbols(), json);
      }
      case ARRAY: {
        if (!(json instanceof List<?> list)) {
          return expected("an array", json);
        }
        Schema items = ((ArraySchema) schema).items();
        for (int i = 0; i < list.size(); i++) {
          String p = problem(items, list.get(i), anyBranch, seen);
          if (p != null) {
            return "item " + i + ": " + p;
          }
        }
        return null;
      }
      case MAP: {
        if (!(json instanceof Map<?, ?> map)) {
          return expected("an object", json);
        }
        Schema values = ((MapSchema) schema).values();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String p = problem(values, e.getValue(), anyBranch, seen);
          if (p != null) {
            return "value of key \"" + e.getKey() + "\": " + p;
          }
        }
        return null;
      }
      case RECORD: {
        if (!(json instanceof Map<?, ?> map)) {
          return expected("an object", json);
        }
        for (Field f : ((RecordSchema) schema).fields()) {
          Object v = map.get(f.name());
          if (v == null) {
            if (!f.hasDefault()) {
              return "no value for field " + f.name() + ", which has no default";
            }
            continue;
          }
          String p = problem(f.schema(), v, anyBranch, seen);
          if (p != null) {
            return "field " + f.name() + ": " + p;
          }
        }
        return null;
      }
      case UNION: {
        UnionSchema u = (UnionSchema) schema;
        if (!anyBranch) {
          String p = problem(u.branch(0), json, false, seen);
          return p == null ? null : "a union default must match the first branch (" + u.branch(0).fullName()
              + "): " + p;
        }
        for (Schema b : u.branches()) {
          if (problem(b, json, true, seen) == null) {
            return null;
          }
        }
        return expected("a value of one of the branches " + u, json);
      }
      default:
        throw new AssertionError(schema.type());
    }
  }

  static boolean isSpecialFloat(Object json) {
    return json instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"));
  }

  static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  private static String expected(String what, Object json) {
    String text = json instanceof BigInteger ? json.toString() : Json.toJson(json);
    if (text.length() > 80) {
      text = text.substring(0, 77) + "...";
    }
    return "expected " + what + ", got " + text;
  }
}
