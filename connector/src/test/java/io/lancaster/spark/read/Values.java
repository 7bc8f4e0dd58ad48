package io.lancaster.spark.read;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Builds Lancaster generic values for hand-written test data. */
final class Values {
  private Values() {}

  /** A record of {@code schema} (a record schema) with its fields' values in order. */
  static GenericRecord record(Schema schema, Object... values) {
    RecordSchema r = (RecordSchema) schema;
    if (values.length != r.fields().size()) {
      throw new IllegalArgumentException(values.length + " values for " + r.fields().size() + " fields of "
          + r.fullName());
    }
    GenericRecord g = new GenericRecord(r);
    for (int i = 0; i < values.length; i++) {
      g.put(i, values[i]);
    }
    return g;
  }

  /** The named type {@code fullName} defined anywhere inside {@code root}. */
  static <S extends Schema> S named(Schema root, String fullName) {
    Schema found = find(root, fullName, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (found == null) {
      throw new IllegalArgumentException("no type " + fullName + " in " + root);
    }
    @SuppressWarnings("unchecked")
    S s = (S) found;
    return s;
  }

  private static Schema find(Schema s, String fullName, Set<Schema> seen) {
    if (!seen.add(s)) {
      return null;
    }
    if (s instanceof NamedSchema n && n.fullName().equals(fullName)) {
      return s;
    }
    if (s instanceof RecordSchema r) {
      for (Field f : r.fields()) {
        Schema x = find(f.schema(), fullName, seen);
        if (x != null) {
          return x;
        }
      }
    } else if (s instanceof ArraySchema a) {
      return find(a.items(), fullName, seen);
    } else if (s instanceof MapSchema m) {
      return find(m.values(), fullName, seen);
    } else if (s instanceof UnionSchema u) {
      for (Schema b : u.branches()) {
        Schema x = find(b, fullName, seen);
        if (x != null) {
          return x;
        }
      }
    }
    return null;
  }

  static ByteBuffer bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return ByteBuffer.wrap(out);
  }

  static GenericFixed fixed(Schema fixed, int... b) {
    return new GenericFixed((FixedSchema) fixed, bytes(b).array());
  }

  static GenericEnum symbol(Schema e, String symbol) {
    return new GenericEnum((EnumSchema) e, symbol);
  }

  /** A decimal's unscaled value as the two's-complement big-endian bytes of a {@code bytes} decimal. */
  static ByteBuffer decimalBytes(BigDecimal v, int scale) {
    return ByteBuffer.wrap(v.setScale(scale).unscaledValue().toByteArray());
  }

  /** A decimal as a {@code fixed} decimal: the unscaled bytes sign-extended to the fixed's size. */
  static GenericFixed decimalFixed(Schema fixed, BigDecimal v, int scale) {
    FixedSchema f = (FixedSchema) fixed;
    byte[] minimal = v.setScale(scale).unscaledValue().toByteArray();
    byte[] out = new byte[f.size()];
    Arrays.fill(out, v.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(minimal, 0, out, out.length - minimal.length, minimal.length);
    return new GenericFixed(f, out);
  }

  static BigDecimal largest(int precision, int scale) {
    return new BigDecimal(BigInteger.TEN.pow(precision).subtract(BigInteger.ONE), scale);
  }
}
