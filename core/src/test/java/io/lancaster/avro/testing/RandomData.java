package io.lancaster.avro.testing;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
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
import java.util.Random;

/**
 * Seeded random generic values for any schema, biased towards the values that break encoders: int and long
 * extremes and varint boundaries, NaN (also with a payload), -0.0 and infinities, empty and astral-plane strings,
 * empty bytes, byte buffers whose position is not zero, empty and larger collections. Recursive schemas end
 * because below {@code maxDepth} unions take their null branch and collections are empty (the only ways
 * {@link RandomSchemas} recurses). Values are the generic representation: null, Boolean, Integer, Long, Float,
 * Double, String, ByteBuffer, {@link GenericEnum}, {@link GenericFixed}, List, Map with String keys,
 * {@link GenericRecord}; a union's value has the Java type of the branch it was made for.
 */
public final class RandomData {
  private static final int[] INTS = {0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, -8193, Integer.MAX_VALUE,
      Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1, 1 << 28, -(1 << 28), (1 << 21) - 1};
  private static final long[] LONGS = {0, 1, -1, 63, 64, -65, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
      Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 35, -(1L << 49), (1L << 56) - 1, 1L << 62};
  private static final float[] FLOATS = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
      Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, -Float.MAX_VALUE, 1f, -1.5f,
      Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000)};
  private static final double[] DOUBLES = {0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 1d, -2.5d,
      Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0xfff8000000000000L)};
  private static final String[] STRINGS = {"", " ", "a", "\u0000", "é", "日本語", "\uD83D\uDE00",
      "\uD83C\uDDFA\uD83C\uDDF8 flags", "\"quoted\" \\ back", "line\nbreak\ttab", "\u00ff\u0100\u07ff\u0800\uffff"};

  private final int maxCollectionSize;
  private final int maxDepth;

  /** Collections of up to 8 items (now and then larger), recursion cut after 8 levels of nesting. */
  public RandomData() {
    this(8, 8);
  }

  /**
   * @param maxCollectionSize the usual largest array or map (one of primitives near the top is now and then up to
   *     8 times larger)
   * @param maxDepth the nesting below which recursive types stop (unions take null, collections are empty)
   */
  public RandomData(int maxCollectionSize, int maxDepth) {
    this.maxCollectionSize = maxCollectionSize;
    this.maxDepth = maxDepth;
  }

  /** A random value of {@code schema}. */
  public Object next(Schema schema, Random random) {
    return value(schema, random, 0);
  }

  private Object value(Schema s, Random r, int depth) {
    switch (s.type()) {
      case NULL: return null;
      case BOOLEAN: return r.nextBoolean();
      case INT: return intValue(r);
      case LONG: return longValue(r);
      case FLOAT: return floatValue(r);
      case DOUBLE: return doubleValue(r);
      case STRING: return string(r);
      case BYTES: return bytes(r);
      case FIXED: {
        FixedSchema f = (FixedSchema) s;
        byte[] b = new byte[f.size()];
        r.nextBytes(b);
        return new GenericFixed(f, b);
      }
      case ENUM: {
        EnumSchema e = (EnumSchema) s;
        return new GenericEnum(e, e.symbols().get(r.nextInt(e.symbols().size())));
      }
      case ARRAY: {
        int n = collectionSize(r, depth, ((ArraySchema) s).items());
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(value(((ArraySchema) s).items(), r, depth + 1));
        }
        return list;
      }
      case MAP: {
        int n = collectionSize(r, depth, ((MapSchema) s).values());
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(i == 0 && r.nextInt(4) == 0 ? "" : string(r) + i, value(((MapSchema) s).values(), r, depth + 1));
        }
        return map;
      }
      case UNION: {
        UnionSchema u = (UnionSchema) s;
        int branch = depth >= maxDepth && u.nullIndex() >= 0 ? u.nullIndex() : r.nextInt(u.size());
        return value(u.branch(branch), r, depth + 1);
      }
      case RECORD: {
        RecordSchema rec = (RecordSchema) s;
        GenericRecord g = new GenericRecord(rec);
        for (Field f : rec.fields()) {
          g.put(f.position(), value(f.schema(), r, depth + 1));
        }
        return g;
      }
      default:
        throw new AssertionError(s.type());
    }
  }

  private int collectionSize(Random r, int depth, Schema items) {
    if (depth >= maxDepth) {
      return 0;
    }
    int k = r.nextInt(10);
    if (k < 2) {
      return 0;
    }
    int max = Math.max(1, maxCollectionSize >> Math.min(depth, 3));
    if (k == 9 && depth <= 1 && items.type().isPrimitive()) {
      return r.nextInt(8 * maxCollectionSize + 1); // now and then a larger one, spanning buffer refills
    }
    return 1 + r.nextInt(max);
  }

  /** An int, a third of the time an extreme or a varint boundary. */
  public static int intValue(Random r) {
    int k = r.nextInt(3);
    return k == 0 ? INTS[r.nextInt(INTS.length)] : k == 1 ? r.nextInt(2000) - 1000 : r.nextInt();
  }

  /** A long, a third of the time an extreme or a varint boundary. */
  public static long longValue(Random r) {
    int k = r.nextInt(3);
    return k == 0 ? LONGS[r.nextInt(LONGS.length)] : k == 1 ? r.nextInt(2000) - 1000 : r.nextLong();
  }

  /** A float, often a special one (NaN, also with a payload; -0.0; infinities; extremes). */
  public static float floatValue(Random r) {
    return r.nextInt(3) == 0 ? FLOATS[r.nextInt(FLOATS.length)] : finiteFloat(r);
  }

  public static double doubleValue(Random r) {
    return r.nextInt(3) == 0 ? DOUBLES[r.nextInt(DOUBLES.length)] : finiteDouble(r);
  }

  public static float finiteFloat(Random r) {
    return r.nextBoolean() ? (r.nextFloat() - 0.5f) * 1000f : (float) ((r.nextDouble() - 0.5) * Math.pow(10,
        r.nextInt(60) - 30));
  }

  public static double finiteDouble(Random r) {
    return r.nextBoolean() ? (r.nextDouble() - 0.5) * 1e6 : (r.nextDouble() - 0.5) * Math.pow(10,
        r.nextInt(600) - 300);
  }

  /** A string: often empty or a tricky fixed one, else random ASCII, BMP (no lone surrogates) and astral chars. */
  public static String string(Random r) {
    int k = r.nextInt(4);
    if (k == 0) {
      return STRINGS[r.nextInt(STRINGS.length)];
    }
    int n = r.nextInt(k == 1 ? 4 : 16);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int c = switch (r.nextInt(6)) {
        case 0, 1, 2 -> 0x20 + r.nextInt(0x5f);
        case 3 -> 0x80 + r.nextInt(0x780);
        case 4 -> {
          int bmp = 0x800 + r.nextInt(0xF800);
          yield bmp >= 0xD800 && bmp <= 0xDFFF ? 0x4E00 : bmp; // no lone surrogates
        }
        default -> 0x10000 + r.nextInt(0x100000);
      };
      sb.appendCodePoint(c);
    }
    return sb.toString();
  }

  /** Bytes: empty now and then, and now and then a buffer whose position and array offset are not zero. */
  public static ByteBuffer bytes(Random r) {
    int n = r.nextInt(5) == 0 ? 0 : r.nextInt(40);
    if (r.nextInt(4) == 0) {
      byte[] backing = new byte[n + 7];
      r.nextBytes(backing);
      ByteBuffer b = ByteBuffer.wrap(backing, 3, n); // position 3, limit 3 + n
      return r.nextBoolean() ? b : b.slice(); // a slice: position 0, array offset 3
    }
    byte[] b = new byte[n];
    r.nextBytes(b);
    return ByteBuffer.wrap(b);
  }

  /** A string of {@code n} code points 0-255: the JSON form of bytes and fixed defaults. */
  public static String latin1(Random r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) r.nextInt(256);
    }
    return new String(c);
  }
}
