package io.lancaster.avro.generic;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Conversions of generic values: from a field default's JSON, and deep copies. */
public final class GenericValues {
  private GenericValues() {}

  /**
   * The generic value of a default, by the spec's table of default values: a union's default is a value of its
   * first branch (else, for defaults that older writers produced, of the first branch it fits); bytes and fixed
   * are strings of code points 0-255; a record default may omit fields that have defaults of their own.
   *
   * @throws AvroTypeException when the JSON is not a valid default for the schema
   */
  public static Object fromDefault(Schema schema, Object json) {
    switch (schema.type()) {
      case NULL:
        if (json == Json.NULL) {
          return null;
        }
        break;
      case BOOLEAN:
        if (json instanceof Boolean b) {
          return b;
        }
        break;
      case INT:
        if (json instanceof Long l && l == l.intValue()) {
          return l.intValue();
        }
        break;
      case LONG:
        if (json instanceof Long l) {
          return l;
        }
        break;
      case FLOAT:
        if (json instanceof Number n) {
          return n.floatValue();
        }
        if (special(json) != null) {
          return special(json).floatValue();
        }
        break;
      case DOUBLE:
        if (json instanceof Number n) {
          return n.doubleValue();
        }
        if (special(json) != null) {
          return special(json);
        }
        break;
      case STRING:
        if (json instanceof String s) {
          return s;
        }
        break;
      case BYTES:
        if (json instanceof String s && latin1(s) != null) {
          return ByteBuffer.wrap(latin1(s));
        }
        break;
      case FIXED:
        if (json instanceof String s && latin1(s) != null && s.length() == ((FixedSchema) schema).size()) {
          return new GenericFixed((FixedSchema) schema, latin1(s));
        }
        break;
      case ENUM:
        if (json instanceof String s && ((EnumSchema) schema).hasSymbol(s)) {
          return new GenericEnum((EnumSchema) schema, s);
        }
        break;
      case ARRAY:
        if (json instanceof List<?> list) {
          List<Object> out = new ArrayList<>(list.size());
          for (Object item : list) {
            out.add(fromDefault(((ArraySchema) schema).items(), item));
          }
          return out;
        }
        break;
      case MAP:
        if (json instanceof Map<?, ?> map) {
          Map<String, Object> out = new HashMap<>();
          for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put((String) e.getKey(), fromDefault(((MapSchema) schema).values(), e.getValue()));
          }
          return out;
        }
        break;
      case RECORD:
        if (json instanceof Map<?, ?> map) {
          RecordSchema r = (RecordSchema) schema;
          GenericRecord out = new GenericRecord(r);
          for (Field f : r.fields()) {
            Object v = map.get(f.name());
            if (v == null) {
              if (!f.hasDefault()) {
                throw new AvroTypeException("default of record " + r.fullName() + " has no value for field "
                    + f.name() + ", which has no default");
              }
              v = f.defaultValue();
            }
            out.put(f.position(), fromDefault(f.schema(), v));
          }
          return out;
        }
        break;
      case UNION: {
        UnionSchema u = (UnionSchema) schema;
        AvroTypeException first = null;
        for (Schema branch : u.branches()) {
          try {
            return fromDefault(branch, json);
          } catch (AvroTypeException e) {
            if (first == null) {
              first = e;
            }
          }
        }
        throw first;
      }
      default:
        throw new AssertionError(schema.type());
    }
    throw new AvroTypeException("invalid default for " + schema.fullName() + ": " + Json.toJson(json));
  }

  private static Double special(Object json) {
    if (json instanceof String s) {
      switch (s) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: return null;
      }
    }
    return null;
  }

  private static byte[] latin1(String s) {
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        return null;
      }
      b[i] = (byte) c;
    }
    return b;
  }

  /** True for values that no one can change: they can be shared between records. */
  public static boolean isImmutable(Object v) {
    return v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
        || v instanceof Double || v instanceof Float || v instanceof GenericEnum;
  }

  /** A deep copy of a generic value: records, collections, byte buffers and fixed are copied. */
  public static Object deepCopy(Object v) {
    if (isImmutable(v)) {
      return v;
    }
    if (v instanceof GenericRecord r) {
      GenericRecord copy = new GenericRecord(r.schema());
      for (int i = 0; i < r.size(); i++) {
        copy.put(i, deepCopy(r.get(i)));
      }
      return copy;
    }
    if (v instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(deepCopy(o));
      }
      return copy;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new HashMap<>(map.size() * 2);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        copy.put(e.getKey(), deepCopy(e.getValue()));
      }
      return copy;
    }
    if (v instanceof ByteBuffer b) {
      ByteBuffer copy = ByteBuffer.allocate(b.remaining());
      copy.put(b.duplicate());
      copy.flip();
      return copy;
    }
    if (v instanceof GenericFixed f) {
      return new GenericFixed(f.schema(), f.bytes().clone());
    }
    return v;
  }
}
