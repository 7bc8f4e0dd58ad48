package io.lancaster.avro.order;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random generic values drawn from small pools, so that two values often tie on their first fields and
 * elements and the comparison has to go deeper: negative numbers, -0.0, NaNs with other payloads and signs,
 * infinities, strings across the UTF-8 length classes (with code points where UTF-16 order and code point order
 * disagree, and an unpaired surrogate), bytes above 0x7F. In ASCII mode strings, bytes and fixed stay below 0x80,
 * where signed and unsigned byte order agree (Apache Avro 1.12.1 compares them signed: AVRO-4210).
 */
final class TieHeavyData {
  private static final int[] INTS = {0, 1, -1, 2, -2, 63, -64, 64, Integer.MIN_VALUE, Integer.MAX_VALUE};
  private static final long[] LONGS = {0, 1, -1, 300, -300, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE};
  private static final float[] FLOATS = {0f, -0f, 1f, -1f, Float.NaN, Float.intBitsToFloat(0x7fc00001),
      Float.intBitsToFloat(0xffc00000), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
      -Float.MIN_VALUE, Float.MAX_VALUE};
  private static final double[] DOUBLES = {0d, -0d, 1d, -1d, Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L),
      Double.longBitsToDouble(0xfff8000000000000L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, -Double.MAX_VALUE, 1e300};
  private static final String[] UNICODE_PIECES = {"a", "b", "z", "\u0000", "\u007f", "\u00e9", "\u07ff", "\u0800",
      "\ue000", "\uffff", "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\ud800"};
  private static final String[] ASCII_PIECES = {"a", "b", "z", "\u0000", "\u007f", "A"};
  private static final byte[] UNICODE_BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff};
  private static final byte[] ASCII_BYTES = {0, 1, 0x3f, 0x7f};

  private final Random random;
  private final String[] pieces;
  private final byte[] bytePool;
  private final int maxDepth;

  TieHeavyData(long seed, boolean asciiOnly) {
    this.random = new Random(seed);
    this.pieces = asciiOnly ? ASCII_PIECES : UNICODE_PIECES;
    this.bytePool = asciiOnly ? ASCII_BYTES : UNICODE_BYTES;
    this.maxDepth = 4;
  }

  Object next(Schema schema) {
    return value(schema, 0);
  }

  /**
   * A value that shares a random prefix with {@code previous}: the fields (elements) before a random cut are
   * copied, except that ignored fields get fresh values, the one at the cut is itself near the old one, the rest is
   * fresh. Comparing the two has to go as deep as the cut, and often finds them equal.
   */
  Object near(Schema schema, Object previous) {
    return near(schema, previous, 0);
  }

  private Object near(Schema s, Object prev, int depth) {
    switch (s.type()) {
      case RECORD: {
        RecordSchema r = (RecordSchema) s;
        GenericRecord old = (GenericRecord) prev;
        GenericRecord rec = new GenericRecord(r);
        int n = r.fields().size();
        int cut = random.nextInt(n + 2); // n or n + 1: all fields copied
        for (int i = 0; i < n; i++) {
          Field f = r.fields().get(i);
          if (i < cut && f.order() != Field.Order.IGNORE) {
            rec.put(i, old.get(i));
          } else if (i == cut) {
            rec.put(i, near(f.schema(), old.get(i), depth + 1));
          } else {
            rec.put(i, value(f.schema(), depth + 1));
          }
        }
        return rec;
      }
      case ARRAY: {
        List<?> old = (List<?>) prev;
        Schema items = ((ArraySchema) s).items();
        int keep = random.nextInt(old.size() + 1);
        List<Object> list = new ArrayList<>(old.subList(0, keep));
        if (keep < old.size() && random.nextBoolean()) {
          list.add(near(items, old.get(keep), depth + 1));
        }
        for (int extra = depth >= maxDepth ? 0 : random.nextInt(2); extra > 0; extra--) {
          list.add(value(items, depth + 1));
        }
        return list;
      }
      case UNION: {
        UnionSchema u = (UnionSchema) s;
        if (random.nextInt(4) == 0) {
          return value(s, depth);
        }
        return near(u.branch(new UnionBranchResolver(u).branchOf(prev)), prev, depth + 1);
      }
      default:
        return random.nextInt(3) > 0 ? prev : value(s, depth);
    }
  }

  private Object value(Schema s, int depth) {
    switch (s.type()) {
      case NULL: return null;
      case BOOLEAN: return random.nextBoolean();
      case INT: return random.nextInt(4) == 0 ? random.nextInt() : INTS[random.nextInt(INTS.length)];
      case LONG: return random.nextInt(4) == 0 ? random.nextLong() : LONGS[random.nextInt(LONGS.length)];
      case FLOAT: return random.nextInt(5) == 0 ? (float) random.nextGaussian() : FLOATS[random.nextInt(FLOATS.length)];
      case DOUBLE: return random.nextInt(5) == 0 ? random.nextGaussian() : DOUBLES[random.nextInt(DOUBLES.length)];
      case STRING: return string();
      case BYTES: return bytes();
      case FIXED: {
        FixedSchema f = (FixedSchema) s;
        byte[] b = new byte[f.size()];
        fill(b);
        return new GenericFixed(f, b);
      }
      case ENUM: {
        EnumSchema e = (EnumSchema) s;
        return new GenericEnum(e, e.symbols().get(random.nextInt(e.symbols().size())));
      }
      case ARRAY: {
        int n = depth >= maxDepth ? 0 : random.nextInt(4);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(value(((ArraySchema) s).items(), depth + 1));
        }
        return list;
      }
      case MAP: {
        int n = depth >= maxDepth ? 0 : random.nextInt(3);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(string(), value(((MapSchema) s).values(), depth + 1));
        }
        return map;
      }
      case UNION: {
        UnionSchema u = (UnionSchema) s;
        int branch = depth >= maxDepth && u.nullIndex() >= 0 ? u.nullIndex() : random.nextInt(u.size());
        return value(u.branch(branch), depth + 1);
      }
      case RECORD: {
        RecordSchema r = (RecordSchema) s;
        GenericRecord rec = new GenericRecord(r);
        for (int i = 0; i < r.fields().size(); i++) {
          rec.put(i, value(r.fields().get(i).schema(), depth + 1));
        }
        return rec;
      }
      default:
        throw new AssertionError(s.type());
    }
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    for (int n = random.nextInt(4); n > 0; n--) {
      sb.append(pieces[random.nextInt(pieces.length)]);
    }
    return sb.toString();
  }

  /** Now and then a buffer whose position is not zero, to check that only the remaining bytes count. */
  private ByteBuffer bytes() {
    byte[] b = new byte[random.nextInt(4)];
    fill(b);
    if (random.nextInt(4) > 0) {
      return ByteBuffer.wrap(b);
    }
    byte[] padded = new byte[b.length + 3];
    padded[0] = (byte) 0xff;
    padded[padded.length - 1] = (byte) 0xff;
    System.arraycopy(b, 0, padded, 1, b.length);
    return ByteBuffer.wrap(padded, 1, b.length);
  }

  private void fill(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      b[i] = bytePool[random.nextInt(bytePool.length)];
    }
  }
}
