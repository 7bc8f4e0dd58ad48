package io.lancaster.hadoop;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
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
 * Seeded generic values of any (non-recursive) schema, for the MapReduce module's tests. Values are drawn from
 * small domains (short strings over a few letters, small numbers) so that random keys collide and tie often,
 * which is what sorting and grouping tests need.
 */
public final class RandomDatums {
  private final Random random;
  private final boolean ascii;

  public RandomDatums(long seed) {
    this(seed, false);
  }

  /**
   * @param ascii strings, bytes and fixed without bytes above 0x7F, for comparisons with Apache Avro 1.12.1, which
   *     orders such bytes as signed (AVRO-4210; see docs/COMPATIBILITY.md)
   */
  public RandomDatums(long seed, boolean ascii) {
    this.random = new Random(seed);
    this.ascii = ascii;
  }

  public Object next(Schema schema) {
    if (schema instanceof RecordSchema r) {
      return record(r);
    }
    if (schema instanceof EnumSchema e) {
      return new GenericEnum(e, e.symbols().get(random.nextInt(e.symbols().size())));
    }
    if (schema instanceof FixedSchema f) {
      return new GenericFixed(f, bytes(f.size()));
    }
    if (schema instanceof ArraySchema a) {
      List<Object> items = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        items.add(next(a.items()));
      }
      return items;
    }
    if (schema instanceof MapSchema m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        map.put(string(), next(m.values()));
      }
      return map;
    }
    if (schema instanceof UnionSchema u) {
      return next(u.branch(random.nextInt(u.size())));
    }
    return primitive((PrimitiveSchema) schema);
  }

  private GenericRecord record(RecordSchema schema) {
    GenericRecord r = new GenericRecord(schema);
    for (Field f : schema.fields()) {
      r.put(f.position(), next(f.schema()));
    }
    return r;
  }

  private Object primitive(PrimitiveSchema p) {
    return switch (p.type()) {
      case NULL -> null;
      case BOOLEAN -> random.nextBoolean();
      case INT -> random.nextInt(7) - 3;
      case LONG -> random.nextBoolean() ? (long) random.nextInt(5) : random.nextLong();
      case FLOAT -> random.nextInt(10) == 0 ? Float.NaN : (float) (random.nextInt(9) - 4) / 2;
      case DOUBLE -> random.nextInt(10) == 0 ? -0.0 : random.nextGaussian();
      case STRING -> string();
      case BYTES -> ByteBuffer.wrap(bytes(random.nextInt(3)));
      default -> throw new IllegalArgumentException("not a primitive: " + p);
    };
  }

  private String string() {
    int len = random.nextInt(4);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int pick = random.nextInt(ascii ? 4 : 6);
      sb.appendCodePoint(pick == 5 ? 0x1F600 + random.nextInt(3) : pick == 4 ? 'é' : 'a' + pick);
    }
    return sb.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (ascii ? random.nextInt(3) : random.nextInt(3) - 1); // 0xFF: unsigned order is not signed
    }
    return b;
  }
}
