package io.lancaster.spark.functions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A record with every Avro type Spark maps (primitives, enum, fixed, every logical type Spark reads, decimals of
 * several precisions as bytes and fixed, nullable and multi-type unions, arrays, maps, nested records) and random
 * valid values for it, as Apache Avro's generic data. Dates and timestamps lie after 1900, where no calendar
 * rebase applies.
 */
final class EveryType {
  static final String JSON = """
      {"type":"record","name":"Every","namespace":"t","fields":[
        {"name":"n","type":"null"},
        {"name":"b","type":"boolean"},
        {"name":"i","type":"int"},
        {"name":"l","type":"long"},
        {"name":"f","type":"float"},
        {"name":"d","type":"double"},
        {"name":"s","type":"string"},
        {"name":"by","type":"bytes"},
        {"name":"fx","type":{"type":"fixed","name":"F4","size":4}},
        {"name":"e","type":{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}},
        {"name":"date","type":{"type":"int","logicalType":"date"}},
        {"name":"tsm","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"tsu","type":{"type":"long","logicalType":"timestamp-micros"}},
        {"name":"ltsm","type":{"type":"long","logicalType":"local-timestamp-millis"}},
        {"name":"ltsu","type":{"type":"long","logicalType":"local-timestamp-micros"}},
        {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
        {"name":"decw","type":{"type":"bytes","logicalType":"decimal","precision":38,"scale":10}},
        {"name":"decf","type":{"type":"fixed","name":"D9","size":9,"logicalType":"decimal","precision":20,"scale":4}},
        {"name":"uuid","type":{"type":"string","logicalType":"uuid"}},
        {"name":"opt","type":["null","string"]},
        {"name":"optr","type":["int","null"]},
        {"name":"il","type":["int","long"]},
        {"name":"fd","type":["float","double"]},
        {"name":"multi","type":["null","int","string",
            {"type":"record","name":"Inner","fields":[{"name":"x","type":"int"}]}]},
        {"name":"arr","type":{"type":"array","items":["null","long"]}},
        {"name":"map","type":{"type":"map","values":{"type":"array","items":"Inner"}}},
        {"name":"nested","type":{"type":"record","name":"Nested","fields":[
            {"name":"inner","type":"Inner"},
            {"name":"tags","type":{"type":"array","items":"string"}}]}}
      ]}""";

  static final Schema SCHEMA = SparkAvroOracle.parse(JSON);

  private static final long YEAR_MILLIS = 365L * 24 * 3600 * 1000;
  private static final String[] STRINGS =
      {"", "a", "é ü ß", "日本語", "\uD83D\uDE00 astral", "\u0000nul", "line\nbreak"};
  private static final float[] FLOATS = {0f, -0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, 1.5f};
  private static final double[] DOUBLES = {0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, -2.25d};

  private EveryType() {}

  static List<GenericData.Record> data(int n, long seed) {
    Random r = new Random(seed);
    List<GenericData.Record> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(datum(r));
    }
    return out;
  }

  static GenericData.Record datum(Random r) {
    GenericData.Record g = new GenericData.Record(SCHEMA);
    g.put("n", null);
    g.put("b", r.nextBoolean());
    g.put("i", r.nextInt());
    g.put("l", r.nextLong());
    g.put("f", r.nextInt(3) == 0 ? FLOATS[r.nextInt(FLOATS.length)] : r.nextFloat() * 1e6f);
    g.put("d", r.nextInt(3) == 0 ? DOUBLES[r.nextInt(DOUBLES.length)] : r.nextGaussian() * 1e12);
    g.put("s", string(r));
    g.put("by", ByteBuffer.wrap(bytes(r, r.nextInt(20))));
    g.put("fx", new GenericData.Fixed(field("fx"), bytes(r, 4)));
    g.put("e", new GenericData.EnumSymbol(field("e"), List.of("RED", "GREEN", "BLUE").get(r.nextInt(3))));
    long millis = -70 * YEAR_MILLIS + (long) (r.nextDouble() * 200 * YEAR_MILLIS); // 1900 .. 2100
    g.put("date", (int) Math.floorDiv(millis, 24L * 3600 * 1000));
    g.put("tsm", millis);
    g.put("tsu", millis * 1000 + r.nextInt(1000));
    g.put("ltsm", millis + 17);
    g.put("ltsu", millis * 1000 - r.nextInt(1000));
    g.put("dec", decimal(field("dec"), r));
    g.put("decw", decimal(field("decw"), r));
    Schema decf = field("decf");
    g.put("decf", new Conversions.DecimalConversion().toFixed(decimalValue(decf, r), decf, decf.getLogicalType()));
    g.put("uuid", new UUID(r.nextLong(), r.nextLong()).toString());
    g.put("opt", r.nextBoolean() ? null : string(r));
    g.put("optr", r.nextBoolean() ? null : r.nextInt(100));
    g.put("il", r.nextBoolean() ? (Object) r.nextInt() : (Object) r.nextLong());
    g.put("fd", r.nextBoolean() ? (Object) r.nextFloat() : (Object) r.nextDouble());
    Schema inner = SCHEMA.getField("multi").schema().getTypes().get(3);
    switch (r.nextInt(4)) {
      case 0 -> g.put("multi", null);
      case 1 -> g.put("multi", r.nextInt());
      case 2 -> g.put("multi", string(r));
      default -> g.put("multi", inner(inner, r));
    }
    List<Long> arr = new ArrayList<>();
    for (int k = r.nextInt(5); k > 0; k--) {
      arr.add(r.nextInt(4) == 0 ? null : r.nextLong());
    }
    g.put("arr", arr);
    Map<String, List<GenericData.Record>> map = new HashMap<>();
    for (int k = r.nextInt(4); k > 0; k--) {
      List<GenericData.Record> items = new ArrayList<>();
      for (int j = r.nextInt(3); j > 0; j--) {
        items.add(inner(inner, r));
      }
      map.put(string(r) + k, items);
    }
    g.put("map", map);
    GenericData.Record nested = new GenericData.Record(field("nested"));
    nested.put("inner", inner(inner, r));
    nested.put("tags", List.of(string(r), string(r)));
    g.put("nested", nested);
    return g;
  }

  private static Schema field(String name) {
    return SCHEMA.getField(name).schema();
  }

  private static GenericData.Record inner(Schema inner, Random r) {
    GenericData.Record g = new GenericData.Record(inner);
    g.put("x", r.nextInt());
    return g;
  }

  private static String string(Random r) {
    return STRINGS[r.nextInt(STRINGS.length)] + (r.nextBoolean() ? "" : Integer.toString(r.nextInt(1000)));
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static ByteBuffer decimal(Schema s, Random r) {
    return new Conversions.DecimalConversion().toBytes(decimalValue(s, r), s, s.getLogicalType());
  }

  /** A random decimal that fits the schema's precision, now and then its largest or smallest value. */
  private static BigDecimal decimalValue(Schema s, Random r) {
    LogicalTypes.Decimal d = (LogicalTypes.Decimal) s.getLogicalType();
    BigInteger max = BigInteger.TEN.pow(d.getPrecision()).subtract(BigInteger.ONE);
    BigInteger unscaled = switch (r.nextInt(6)) {
      case 0 -> max;
      case 1 -> max.negate();
      case 2 -> BigInteger.ZERO;
      default -> new BigInteger(max.bitLength() + 8, r).mod(max.multiply(BigInteger.TWO).add(BigInteger.ONE))
          .subtract(max);
    };
    return new BigDecimal(unscaled, d.getScale());
  }
}
