package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of JSON-encoding value writers. They accept the same generic values as the binary writers
 * ({@link io.lancaster.avro.generic.ValueWriters}) and fail the same way: an {@link AvroTypeException} naming
 * the expected type, with the field path added by the enclosing writers.
 */
final class JsonValueWriters {
  private JsonValueWriters() {}

  private static final JsonValueWriter NULLS = (d, out) -> {
    if (d != null) {
      throw mismatch("null", d);
    }
    out.writeNull();
  };

  private static final JsonValueWriter BOOLEANS = (d, out) -> {
    if (!(d instanceof Boolean b)) {
      throw mismatch("boolean", d);
    }
    out.writeBoolean(b);
  };

  private static final JsonValueWriter INTS = (d, out) -> {
    if (d instanceof Integer || d instanceof Short || d instanceof Byte) {
      out.writeNumber(((Number) d).intValue());
    } else {
      throw mismatch("int", d);
    }
  };

  private static final JsonValueWriter LONGS = (d, out) -> {
    if (d instanceof Long || d instanceof Integer || d instanceof Short || d instanceof Byte) {
      out.writeNumber(((Number) d).longValue());
    } else {
      throw mismatch("long", d);
    }
  };

  private static final JsonValueWriter FLOATS = (d, out) -> {
    if (!(d instanceof Float f)) {
      throw mismatch("float", d);
    }
    float v = f;
    if (Float.isFinite(v)) {
      out.writeNumber((double) v); // the float's exact value, as Apache Avro prints it (0.1f is 0.10000000149011612)
    } else {
      out.writeString(nonFinite(v));
    }
  };

  private static final JsonValueWriter DOUBLES = (d, out) -> {
    if (!(d instanceof Double || d instanceof Float)) {
      throw mismatch("double", d);
    }
    double v = ((Number) d).doubleValue();
    if (Double.isFinite(v)) {
      out.writeNumber(v);
    } else {
      out.writeString(nonFinite(v));
    }
  };

  private static final JsonValueWriter STRINGS = (d, out) -> {
    if (d instanceof String s) {
      out.writeString(s);
    } else if (d instanceof CharSequence cs) {
      out.writeString(cs.toString());
    } else {
      throw mismatch("string", d);
    }
  };

  private static final JsonValueWriter BYTES = (d, out) -> {
    if (d instanceof ByteBuffer b) {
      out.writeString(latin1(b));
    } else if (d instanceof byte[] b) {
      out.writeString(latin1(b, 0, b.length));
    } else {
      throw mismatch("bytes (ByteBuffer or byte[])", d);
    }
  };

  static JsonValueWriter nulls() {
    return NULLS;
  }

  static JsonValueWriter booleans() {
    return BOOLEANS;
  }

  static JsonValueWriter ints() {
    return INTS;
  }

  static JsonValueWriter longs() {
    return LONGS;
  }

  /**
   * Floats as JSON numbers, widened to double as Apache Avro's JsonEncoder does (so tools agree digit for digit),
   * except that -0.0 keeps its sign (Apache writes 0.0); NaN and the infinities, which JSON lacks, as strings.
   */
  static JsonValueWriter floats() {
    return FLOATS;
  }

  static JsonValueWriter doubles() {
    return DOUBLES;
  }

  static JsonValueWriter strings() {
    return STRINGS;
  }

  /** Bytes as a string of code points 0-255, one per byte (the spec's JSON encoding of bytes). */
  static JsonValueWriter bytes() {
    return BYTES;
  }

  static JsonValueWriter fixed(FixedSchema schema) {
    int size = schema.size();
    String name = schema.fullName();
    return (d, out) -> {
      byte[] b;
      if (d instanceof GenericFixed f) {
        b = f.bytes();
      } else if (d instanceof byte[] bytes) {
        b = bytes;
      } else {
        throw mismatch("fixed " + name, d);
      }
      if (b.length != size) {
        throw new AvroTypeException("fixed " + name + " holds " + size + " bytes, got " + b.length);
      }
      out.writeString(latin1(b, 0, size));
    };
  }

  static JsonValueWriter enums(EnumSchema schema) {
    return (d, out) -> {
      String symbol;
      if (d instanceof GenericEnum e) {
        symbol = e.symbol();
        if (e.schema() == schema) {
          out.writeString(symbol);
          return;
        }
      } else if (d instanceof CharSequence cs) {
        symbol = cs.toString();
      } else {
        throw mismatch("enum " + schema.fullName(), d);
      }
      if (schema.ordinal(symbol) < 0) {
        throw new AvroTypeException("\"" + symbol + "\" is not a symbol of enum " + schema.fullName() + " "
            + schema.symbols());
      }
      out.writeString(symbol);
    };
  }

  static JsonValueWriter array(JsonValueWriter items) {
    return (d, out) -> {
      if (!(d instanceof Collection<?> c)) {
        throw mismatch("array (a java.util.Collection)", d);
      }
      out.writeStartArray();
      int i = 0;
      for (Object item : c) {
        try {
          items.write(item, out);
        } catch (AvroTypeException e) {
          throw e.prependPath("[" + i + "]");
        }
        i++;
      }
      out.writeEndArray();
    };
  }

  static JsonValueWriter map(JsonValueWriter values) {
    return (d, out) -> {
      if (!(d instanceof Map<?, ?> m)) {
        throw mismatch("map (a java.util.Map)", d);
      }
      out.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof CharSequence key)) {
          throw mismatch("a string map key", e.getKey());
        }
        out.writeFieldName(key.toString());
        try {
          values.write(e.getValue(), out);
        } catch (AvroTypeException ex) {
          throw ex.prependPath("[" + key + "]");
        }
      }
      out.writeEndObject();
    };
  }

  static JsonValueWriter record(RecordSchema schema, List<JsonValueWriter> fieldWriters) {
    JsonValueWriter[] fields = fieldWriters.toArray(new JsonValueWriter[0]);
    String[] names = schema.fields().stream().map(f -> f.name()).toArray(String[]::new);
    String fullName = schema.fullName();
    return (d, out) -> {
      if (!(d instanceof GenericRecord r)) {
        throw mismatch("record " + fullName, d);
      }
      if (r.size() != fields.length) {
        throw new AvroTypeException("record " + r.schema().fullName() + " with " + r.size()
            + " fields written as " + fullName + " with " + fields.length);
      }
      out.writeStartObject();
      int i = 0;
      try {
        for (; i < fields.length; i++) {
          out.writeFieldName(names[i]);
          fields[i].write(r.get(i), out);
        }
      } catch (AvroTypeException e) {
        throw e.prependPath(names[i]);
      }
      out.writeEndObject();
    };
  }

  /**
   * A union value as the spec's JSON encoding has it: null as {@code null}, any other value wrapped in an object
   * whose one key is the branch's name (the full name of a named type, else the type name).
   */
  static JsonValueWriter union(UnionSchema union, List<JsonValueWriter> branchWriters) {
    JsonValueWriter[] branches = branchWriters.toArray(new JsonValueWriter[0]);
    String[] names = new String[branches.length];
    for (int i = 0; i < names.length; i++) {
      Schema b = union.branch(i);
      names[i] = b.type() == Schema.Type.NULL ? null : b.fullName();
    }
    UnionBranchResolver resolver = new UnionBranchResolver(union);
    return (d, out) -> {
      int i = resolver.branchOf(d);
      String name = names[i];
      if (name == null) {
        out.writeNull();
        return;
      }
      out.writeStartObject();
      out.writeFieldName(name);
      branches[i].write(d, out);
      out.writeEndObject();
    };
  }

  /** A reference to a recursive type, resolved at first use. */
  static JsonValueWriter recursive(Supplier<JsonValueWriter> target) {
    return new JsonValueWriter() {
      private JsonValueWriter resolved;

      @Override
      public void write(Object datum, JsonGenerator out) throws IOException {
        JsonValueWriter w = resolved;
        if (w == null) {
          w = target.get();
          resolved = w;
        }
        w.write(datum, out);
      }
    };
  }

  static String nonFinite(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  static String latin1(ByteBuffer b) {
    if (b.hasArray()) {
      return latin1(b.array(), b.arrayOffset() + b.position(), b.remaining());
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    return latin1(copy, 0, copy.length);
  }

  static String latin1(byte[] b, int off, int len) {
    return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static AvroTypeException mismatch(String expected, Object datum) {
    String s = String.valueOf(datum);
    return new AvroTypeException("expected " + expected + ", got "
        + (datum == null ? "null" : datum.getClass().getName() + " " + (s.length() > 60 ? s.substring(0, 57) + "..." : s)));
  }
}
