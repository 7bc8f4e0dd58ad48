package io.lancaster.avro.order;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.order.BinaryCompositeNodes.Mode;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The comparators of generic values, one per schema type. Each accepts exactly the Java types that
 * {@link io.lancaster.avro.generic.GenericDatumWriter} writes for that type, and orders them as
 * {@link BinaryComparator} orders what the writer makes of them: the same widening of numbers, the same union
 * branch choice ({@link UnionBranchResolver}), strings by code point with an unpaired surrogate counted as the
 * {@code '?'} it is encoded as. Any other value is an {@link AvroTypeException} naming the field path.
 */
final class GenericNodes {
  private GenericNodes() {
  }

  static Comparator<Object> nulls() {
    return (x, y) -> {
      if (x != null || y != null) {
        throw mismatch("null", x != null ? x : y);
      }
      return 0;
    };
  }

  static Comparator<Object> booleans() {
    return (x, y) -> Boolean.compare(bool(x), bool(y));
  }

  static Comparator<Object> ints() {
    return (x, y) -> Integer.compare(intValue(x), intValue(y));
  }

  static Comparator<Object> longs() {
    return (x, y) -> Long.compare(longValue(x), longValue(y));
  }

  static Comparator<Object> floats() {
    return (x, y) -> Float.compare(floatValue(x), floatValue(y));
  }

  static Comparator<Object> doubles() {
    return (x, y) -> Double.compare(doubleValue(x), doubleValue(y));
  }

  static Comparator<Object> strings() {
    return (x, y) -> CodePoints.compare(string(x), string(y));
  }

  static Comparator<Object> bytes() {
    return GenericNodes::compareBytes;
  }

  static Comparator<Object> fixed(FixedSchema schema) {
    return (x, y) -> {
      byte[] a = fixedBytes(schema, x);
      byte[] b = fixedBytes(schema, y);
      return Arrays.compareUnsigned(a, b);
    };
  }

  static Comparator<Object> enums(EnumSchema schema) {
    return (x, y) -> Integer.compare(ordinal(schema, x), ordinal(schema, y));
  }

  static Comparator<Object> map() {
    return (x, y) -> {
      throw UncomparableException.map();
    };
  }

  static Comparator<Object> array(Comparator<Object> items) {
    return (x, y) -> {
      Collection<?> a = collection(x);
      Collection<?> b = collection(y);
      int i = 0;
      try {
        if (a instanceof List<?> la && a instanceof RandomAccess && b instanceof List<?> lb
            && b instanceof RandomAccess) {
          for (int n = Math.min(la.size(), lb.size()); i < n; i++) {
            int c = items.compare(la.get(i), lb.get(i));
            if (c != 0) {
              return c;
            }
          }
        } else {
          Iterator<?> ia = a.iterator();
          Iterator<?> ib = b.iterator();
          for (; ia.hasNext() && ib.hasNext(); i++) {
            int c = items.compare(ia.next(), ib.next());
            if (c != 0) {
              return c;
            }
          }
        }
      } catch (UncomparableException e) {
        throw e.prependPath("[" + i + "]");
      } catch (AvroTypeException e) {
        throw e.prependPath("[" + i + "]");
      }
      return Integer.compare(a.size(), b.size());
    };
  }

  static Comparator<Object> union(UnionBranchResolver resolver, List<Comparator<Object>> branches) {
    @SuppressWarnings("unchecked")
    Comparator<Object>[] byIndex = branches.toArray(new Comparator[0]);
    return (x, y) -> {
      int i = resolver.branchOf(x);
      int j = resolver.branchOf(y);
      return i != j ? Integer.compare(i, j) : byIndex[i].compare(x, y);
    };
  }

  static Comparator<Object> record(RecordSchema schema, int[] positions, Mode[] modes,
      List<Comparator<Object>> fields) {
    @SuppressWarnings("unchecked")
    Comparator<Object>[] comparators = fields.toArray(new Comparator[0]);
    String[] names = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      names[i] = schema.fields().get(positions[i]).name();
    }
    int size = schema.fields().size();
    String fullName = schema.fullName();
    return (x, y) -> {
      GenericRecord a = record(fullName, size, x);
      GenericRecord b = record(fullName, size, y);
      int i = 0;
      try {
        for (; i < positions.length; i++) {
          int c = comparators[i].compare(a.get(positions[i]), b.get(positions[i]));
          if (c != 0) {
            return modes[i] == Mode.DESCENDING ? -Integer.signum(c) : c;
          }
        }
      } catch (UncomparableException e) {
        throw e.prependPath(names[i]);
      } catch (AvroTypeException e) {
        throw e.prependPath(names[i]);
      }
      return 0;
    };
  }

  /** A reference from inside a record to the record itself, linked once while the comparator is built. */
  static final class Recursive implements Comparator<Object> {
    private Comparator<Object> target;

    void link(Comparator<Object> target) {
      if (this.target != null) {
        throw new IllegalStateException("recursive reference linked twice");
      }
      this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public int compare(Object x, Object y) {
      return target.compare(x, y);
    }
  }

  // ---- value access, with the type checks of the generic writer

  private static boolean bool(Object d) {
    if (d instanceof Boolean b) {
      return b;
    }
    throw mismatch("boolean", d);
  }

  private static int intValue(Object d) {
    if (d instanceof Integer || d instanceof Short || d instanceof Byte) {
      return ((Number) d).intValue();
    }
    throw mismatch("int", d);
  }

  private static long longValue(Object d) {
    if (d instanceof Long || d instanceof Integer || d instanceof Short || d instanceof Byte) {
      return ((Number) d).longValue();
    }
    throw mismatch("long", d);
  }

  private static float floatValue(Object d) {
    if (d instanceof Float f) {
      return f;
    }
    throw mismatch("float", d);
  }

  private static double doubleValue(Object d) {
    if (d instanceof Double || d instanceof Float) {
      return ((Number) d).doubleValue();
    }
    throw mismatch("double", d);
  }

  private static CharSequence string(Object d) {
    if (d instanceof CharSequence cs) {
      return cs;
    }
    throw mismatch("string", d);
  }

  private static int compareBytes(Object x, Object y) {
    if (x instanceof byte[] a && y instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
    ByteBuffer a = buffer(x);
    ByteBuffer b = buffer(y);
    int at = a.mismatch(b);
    if (at < 0) {
      return 0;
    }
    if (at < a.remaining() && at < b.remaining()) {
      return Integer.compare(a.get(a.position() + at) & 0xFF, b.get(b.position() + at) & 0xFF);
    }
    return Integer.compare(a.remaining(), b.remaining());
  }

  private static ByteBuffer buffer(Object d) {
    if (d instanceof ByteBuffer b) {
      return b;
    }
    if (d instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    }
    throw mismatch("bytes (ByteBuffer or byte[])", d);
  }

  private static byte[] fixedBytes(FixedSchema schema, Object d) {
    byte[] b;
    if (d instanceof GenericFixed f) {
      b = f.bytes();
    } else if (d instanceof byte[] bytes) {
      b = bytes;
    } else {
      throw mismatch("fixed " + schema.fullName(), d);
    }
    if (b.length != schema.size()) {
      throw new AvroTypeException("fixed " + schema.fullName() + " holds " + schema.size() + " bytes, got "
          + b.length);
    }
    return b;
  }

  private static int ordinal(EnumSchema schema, Object d) {
    String symbol;
    if (d instanceof GenericEnum e) {
      if (e.schema() == schema) {
        return e.ordinal();
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
    return ordinal;
  }

  private static Collection<?> collection(Object d) {
    if (d instanceof Collection<?> c) {
      return c;
    }
    throw mismatch("array (a java.util.Collection)", d);
  }

  private static GenericRecord record(String fullName, int size, Object d) {
    if (!(d instanceof GenericRecord r)) {
      throw mismatch("record " + fullName, d);
    }
    if (r.size() != size) {
      throw new AvroTypeException("record " + r.schema().fullName() + " with " + r.size()
          + " fields compared as " + fullName + " with " + size);
    }
    return r;
  }

  private static AvroTypeException mismatch(String expected, Object datum) {
    String s = String.valueOf(datum);
    return new AvroTypeException("expected " + expected + ", got " + (datum == null ? "null"
        : datum.getClass().getName() + " " + (s.length() > 60 ? s.substring(0, 57) + "..." : s)));
  }
}
