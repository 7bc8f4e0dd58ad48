package io.lancaster.avro.generic;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.io.Encoder;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of generic value writers. Each checks the Java type of its datum and fails with an
 * {@link AvroTypeException} naming the expected type and, through the enclosing writers, the field path.
 * Numbers widen only where no value can change (int into long, float into double).
 */
public final class ValueWriters {
  private ValueWriters() {}

  public static ValueWriter nulls() {
    return (d, out) -> {
      if (d != null) {
        throw mismatch("null", d);
      }
    };
  }

  public static ValueWriter booleans() {
    return (d, out) -> {
      if (!(d instanceof Boolean b)) {
        throw mismatch("boolean", d);
      }
      out.writeBoolean(b);
    };
  }

  public static ValueWriter ints() {
    return (d, out) -> {
      if (d instanceof Integer || d instanceof Short || d instanceof Byte) {
        out.writeInt(((Number) d).intValue());
      } else {
        throw mismatch("int", d);
      }
    };
  }

  public static ValueWriter longs() {
    return (d, out) -> {
      if (d instanceof Long || d instanceof Integer || d instanceof Short || d instanceof Byte) {
        out.writeLong(((Number) d).longValue());
      } else {
        throw mismatch("long", d);
      }
    };
  }

  public static ValueWriter floats() {
    return (d, out) -> {
      if (!(d instanceof Float f)) {
        throw mismatch("float", d);
      }
      out.writeFloat(f);
    };
  }

  public static ValueWriter doubles() {
    return (d, out) -> {
      if (d instanceof Double || d instanceof Float) {
        out.writeDouble(((Number) d).doubleValue());
      } else {
        throw mismatch("double", d);
      }
    };
  }

  public static ValueWriter strings() {
    return (d, out) -> {
      if (d instanceof String s) {
        out.writeString(s);
      } else if (d instanceof CharSequence cs) {
        out.writeString(cs.toString());
      } else {
        throw mismatch("string", d);
      }
    };
  }

  public static ValueWriter bytes() {
    return (d, out) -> {
      if (d instanceof ByteBuffer b) {
        out.writeBytes(b);
      } else if (d instanceof byte[] b) {
        out.writeBytes(b, 0, b.length);
      } else {
        throw mismatch("bytes (ByteBuffer or byte[])", d);
      }
    };
  }

  public static ValueWriter fixed(FixedSchema schema) {
    int size = schema.size();
    return (d, out) -> {
      byte[] b;
      if (d instanceof GenericFixed f) {
        b = f.bytes();
      } else if (d instanceof byte[] bytes) {
        b = bytes;
      } else {
        throw mismatch("fixed " + schema.fullName(), d);
      }
      if (b.length != size) {
        throw new AvroTypeException("fixed " + schema.fullName() + " holds " + size + " bytes, got " + b.length);
      }
      out.writeFixed(b, 0, size);
    };
  }

  public static ValueWriter enums(EnumSchema schema) {
    return (d, out) -> {
      String symbol;
      if (d instanceof GenericEnum e) {
        if (e.schema() == schema) {
          out.writeEnum(e.ordinal());
          return;
        }
        symbol = e.symbol();
      } else if (d instanceof CharSequence cs) {
        symbol = cs.toString();
      } else {
        throw mismatch("enum " + schema.fullName(), d);
      }
      int ordinal = schema.ordinal(symbol);
      if (ordinal < 0) {
        throw new AvroTypeException("\"" + symbol + "\" is not a symbol of enum " + schema.fullName() + " "
            + schema.symbols());
      }
      out.writeEnum(ordinal);
    };
  }

  public static ValueWriter array(ValueWriter items) {
    return (d, out) -> {
      if (!(d instanceof Collection<?> c)) {
        throw mismatch("array (a java.util.Collection)", d);
      }
      out.writeArrayStart(c.size());
      int i = 0;
      for (Object item : c) {
        try {
          items.write(item, out);
        } catch (AvroTypeException e) {
          throw e.prependPath("[" + i + "]");
        }
        i++;
      }
      out.writeArrayEnd();
    };
  }

  public static ValueWriter map(ValueWriter values) {
    return (d, out) -> {
      if (!(d instanceof Map<?, ?> m)) {
        throw mismatch("map (a java.util.Map)", d);
      }
      out.writeMapStart(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof CharSequence key)) {
          throw mismatch("a string map key", e.getKey());
        }
        out.writeString(key.toString());
        try {
          values.write(e.getValue(), out);
        } catch (AvroTypeException ex) {
          throw ex.prependPath("[" + key + "]");
        }
      }
      out.writeMapEnd();
    };
  }

  public static ValueWriter record(RecordSchema schema, List<ValueWriter> fieldWriters) {
    ValueWriter[] fields = fieldWriters.toArray(new ValueWriter[0]);
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
      int i = 0;
      try {
        for (; i < fields.length; i++) {
          fields[i].write(r.get(i), out);
        }
      } catch (AvroTypeException e) {
        throw e.prependPath(names[i]);
      }
    };
  }

  public static ValueWriter union(UnionBranchResolver resolver, List<ValueWriter> branchWriters) {
    ValueWriter[] branches = branchWriters.toArray(new ValueWriter[0]);
    return (d, out) -> {
      int i = resolver.branchOf(d);
      out.writeIndex(i);
      branches[i].write(d, out);
    };
  }

  /** A reference to a recursive type, resolved at first use. */
  public static ValueWriter recursive(Supplier<ValueWriter> target) {
    return new ValueWriter() {
      private ValueWriter resolved;

      @Override
      public void write(Object datum, Encoder out) throws IOException {
        ValueWriter w = resolved;
        if (w == null) {
          w = target.get();
          resolved = w;
        }
        w.write(datum, out);
      }
    };
  }

  static AvroTypeException mismatch(String expected, Object datum) {
    return new AvroTypeException("expected " + expected + ", got "
        + (datum == null ? "null" : datum.getClass().getName() + " " + abbreviate(datum)));
  }

  private static String abbreviate(Object datum) {
    String s = String.valueOf(datum);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** Exposed for the union resolver's messages. */
  static String describe(Schema s) {
    return s.fullName();
  }
}
