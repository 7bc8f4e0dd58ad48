package io.lancaster.it.interop;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeded generator of generic values for the interop corpus. Leaves come from edge values a quarter of the time
 * (int and long extremes and varint boundaries, float extremes, empty and non-ASCII strings, empty bytes) and are
 * random otherwise; collections are empty a fifth of the time; recursion goes deep along nullable links but a
 * node budget keeps every value small. Logical types get raw values every peer can convert (years 1-9999, times
 * within one day, decimals within their precision, minimal two's-complement bytes).
 *
 * <p>Values of an excluded {@linkplain Feature#isValueFeature() value feature} are never generated, so a peer that
 * cannot represent NaN, -0.0, longs beyond 2^53 or U+0000 still runs every case.
 */
final class CorpusValues {
  /** Nodes one top-level value may have; beyond it collections are empty and unions take null. */
  private static final int NODE_BUDGET = 400;
  /** Record nesting beyond which recursion stops. */
  private static final int MAX_DEPTH = 40;
  private static final long MAX_SAFE_LONG = (1L << 53) - 1;
  private static final int MIN_DATE = -719_162; // 0001-01-01
  private static final int MAX_DATE = 2_932_896; // 9999-12-31
  private static final long MIN_MILLIS = -62_135_596_800_000L; // 0001-01-01T00:00:00Z
  private static final long MAX_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
  private static final int DAY_MILLIS = 86_400_000;

  private static final String[] EDGE_STRINGS = {
      "", "a", " ", "héllo wörld", "Ünïcödé ñ", "日本語のテキスト", "中文", "Ελληνικά", "עברית", "😀",
      "emoji 🎉 and 𝄞 clef", "quote \" backslash \\ slash / tab \t newline \n return \r",
      "controls \u0001\u001f\u007f", "\u0080\u00ff latin-1",
      "line sep \u2028 para sep \u2029", "\uFEFF bom", "{\"json\": [1, 2]}", "x".repeat(300)};

  private final Random random;
  private final Set<Feature> excluded;
  private final Set<String> recordsOnStack = new HashSet<>();
  private int budget;
  private int depth;

  CorpusValues(long seed, Set<Feature> excluded) {
    this.random = new Random(seed);
    this.excluded = excluded;
  }

  List<Object> values(Schema schema, int count) {
    List<Object> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      budget = NODE_BUDGET;
      depth = 0;
      out.add(value(schema));
    }
    return out;
  }

  private boolean allowed(Feature f) {
    return !excluded.contains(f);
  }

  private boolean edge() {
    return random.nextInt(4) == 0;
  }

  private boolean exhausted() {
    return budget <= 0 || depth >= MAX_DEPTH;
  }

  Object value(Schema s) {
    budget--;
    LogicalType logical = s.logicalType();
    if (logical != null) {
      return logical(s, logical);
    }
    switch (s.type()) {
      case NULL:
        return null;
      case BOOLEAN:
        return random.nextBoolean();
      case INT:
        return anInt();
      case LONG:
        return aLong();
      case FLOAT:
        return aFloat();
      case DOUBLE:
        return aDouble();
      case STRING:
        return aString();
      case BYTES:
        return ByteBuffer.wrap(someBytes());
      case FIXED:
        return new GenericFixed((FixedSchema) s, fixedBytes(((FixedSchema) s).size()));
      case ENUM: {
        List<String> symbols = ((EnumSchema) s).symbols();
        return new GenericEnum((EnumSchema) s, symbols.get(random.nextInt(symbols.size())));
      }
      case ARRAY: {
        int n = length();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(value(((ArraySchema) s).items()));
        }
        return list;
      }
      case MAP: {
        int n = length();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(aKey(), value(((MapSchema) s).values()));
        }
        return map;
      }
      case UNION:
        return unionValue((UnionSchema) s);
      case RECORD:
        return record((RecordSchema) s);
      default:
        throw new AssertionError(s.type());
    }
  }

  private GenericRecord record(RecordSchema s) {
    GenericRecord r = new GenericRecord(s);
    boolean added = recordsOnStack.add(s.fullName());
    depth++;
    try {
      for (Field f : s.fields()) {
        r.put(f.position(), value(f.schema()));
      }
    } finally {
      depth--;
      if (added) {
        recordsOnStack.remove(s.fullName());
      }
    }
    return r;
  }

  /**
   * A branch at random; along a recursive link (a record already being built) the link is followed nine times in
   * ten so that lists and chains grow deep, until the budget or depth limit makes null (or a non-recursive branch)
   * the choice.
   */
  private Object unionValue(UnionSchema u) {
    int nullIndex = u.nullIndex();
    List<Integer> recursive = new ArrayList<>();
    List<Integer> finite = new ArrayList<>();
    for (int b = 0; b < u.size(); b++) {
      Schema branch = u.branch(b);
      (branch.type() == Schema.Type.RECORD && recordsOnStack.contains(branch.fullName()) ? recursive : finite).add(b);
    }
    int chosen;
    if (exhausted()) {
      chosen = nullIndex >= 0 ? nullIndex : finite.isEmpty() ? recursive.get(0) : finite.get(0);
    } else if (!recursive.isEmpty() && random.nextInt(10) < 9) {
      chosen = recursive.get(random.nextInt(recursive.size()));
    } else {
      chosen = random.nextInt(u.size());
    }
    return value(u.branch(chosen));
  }

  private int length() {
    if (exhausted() || random.nextInt(5) == 0) {
      return 0;
    }
    return 1 + random.nextInt(depth > 3 ? 2 : 4);
  }

  private int anInt() {
    if (edge()) {
      int[] edges = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 63, 64, -64, -65, 8191, 8192, -8193};
      return edges[random.nextInt(edges.length)];
    }
    return random.nextBoolean() ? random.nextInt() : random.nextInt(2001) - 1000;
  }

  private long aLong() {
    boolean unsafe = allowed(Feature.UNSAFE_LONGS);
    if (edge()) {
      long[] safe = {0, 1, -1, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, MAX_SAFE_LONG, -MAX_SAFE_LONG};
      long[] big = {Long.MIN_VALUE, Long.MAX_VALUE, MAX_SAFE_LONG + 2, 1L << 62};
      if (unsafe && random.nextBoolean()) {
        return big[random.nextInt(big.length)];
      }
      return safe[random.nextInt(safe.length)];
    }
    if (random.nextBoolean()) {
      return random.nextInt(200_001) - 100_000;
    }
    long l = random.nextLong();
    return unsafe ? l : l % MAX_SAFE_LONG;
  }

  private float aFloat() {
    if (edge()) {
      List<Float> edges = new ArrayList<>(List.of(0.0f, 1.0f, -1.5f, 0.1f, Float.MIN_VALUE, Float.MIN_NORMAL,
          Float.MAX_VALUE, -Float.MAX_VALUE, 16_777_217f, 3.4028235e38f));
      if (allowed(Feature.NEGATIVE_ZERO)) {
        edges.add(-0.0f);
      }
      if (allowed(Feature.NAN_AND_INFINITY)) {
        edges.addAll(List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
      }
      return edges.get(random.nextInt(edges.size()));
    }
    if (random.nextBoolean()) {
      return (random.nextInt(20001) - 10000) / 64f;
    }
    float f;
    do {
      f = Float.intBitsToFloat(random.nextInt());
    } while (Float.isNaN(f) || Float.isInfinite(f) || (f == 0 && !allowed(Feature.NEGATIVE_ZERO)));
    return f;
  }

  private double aDouble() {
    if (edge()) {
      List<Double> edges = new ArrayList<>(List.of(0.0, 1.0, -2.5, 0.1, Double.MIN_VALUE, Double.MIN_NORMAL,
          Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 9007199254740993.0, (double) 0.1f));
      if (allowed(Feature.NEGATIVE_ZERO)) {
        edges.add(-0.0);
      }
      if (allowed(Feature.NAN_AND_INFINITY)) {
        edges.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
      }
      return edges.get(random.nextInt(edges.size()));
    }
    if (random.nextBoolean()) {
      return (random.nextInt(2_000_001) - 1_000_000) / 1024.0;
    }
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (Double.isNaN(d) || Double.isInfinite(d) || (d == 0 && !allowed(Feature.NEGATIVE_ZERO)));
    return d;
  }

  String aString() {
    if (edge()) {
      if (allowed(Feature.NUL_CHARACTERS) && random.nextInt(6) == 0) {
        return random.nextBoolean() ? "\u0000" : "nul \u0000 inside";
      }
      return EDGE_STRINGS[random.nextInt(EDGE_STRINGS.length)];
    }
    int n = random.nextInt(13);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(codePoint());
    }
    return sb.toString();
  }

  private String aKey() {
    return edge() ? EDGE_STRINGS[random.nextInt(EDGE_STRINGS.length - 1)] : aString();
  }

  /** Mostly ASCII, then Latin-1, the rest of the BMP (never a surrogate) and astral planes. */
  private int codePoint() {
    int kind = random.nextInt(20);
    if (kind < 12) {
      return 0x20 + random.nextInt(0x5f);
    } else if (kind < 14) {
      return 0xa0 + random.nextInt(0x60);
    } else if (kind < 17) {
      int c;
      do {
        c = 0x100 + random.nextInt(0xfffe - 0x100);
      } while (c >= 0xd800 && c <= 0xdfff);
      return c;
    } else if (kind < 19) {
      return 0x1f300 + random.nextInt(0x300);
    } else {
      int[] controls = {'\t', '\n', '\r', '\b', '\f', 0x01, 0x1f, 0x7f, '"', '\\'};
      return controls[random.nextInt(controls.length)];
    }
  }

  private byte[] someBytes() {
    if (edge()) {
      switch (random.nextInt(4)) {
        case 0: return new byte[0];
        case 1: return new byte[] {0};
        case 2: return new byte[] {(byte) 0xff, (byte) 0x80, 0x7f};
        default: {
          byte[] all = new byte[256];
          for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
          }
          return all;
        }
      }
    }
    byte[] b = new byte[random.nextInt(21)];
    random.nextBytes(b);
    return b;
  }

  private byte[] fixedBytes(int size) {
    byte[] b = new byte[size];
    if (edge()) {
      if (random.nextBoolean()) {
        java.util.Arrays.fill(b, (byte) 0xff);
      }
    } else {
      random.nextBytes(b);
    }
    return b;
  }

  private Object logical(Schema s, LogicalType logical) {
    if (logical instanceof LogicalType.Decimal d) {
      return decimal(s, d);
    }
    switch ((LogicalType.Simple) logical) {
      case DATE:
        return (int) pick(MIN_DATE, MAX_DATE, 0, -1, MIN_DATE, MAX_DATE);
      case TIME_MILLIS:
        return (int) pick(0, DAY_MILLIS - 1, 0, DAY_MILLIS - 1);
      case TIME_MICROS:
        return pick(0, DAY_MILLIS * 1000L - 1, 0, DAY_MILLIS * 1000L - 1);
      case TIMESTAMP_MILLIS:
      case LOCAL_TIMESTAMP_MILLIS:
        return pick(MIN_MILLIS, MAX_MILLIS, 0, -1, MIN_MILLIS, MAX_MILLIS);
      case TIMESTAMP_MICROS:
      case LOCAL_TIMESTAMP_MICROS: {
        long min = safe(MIN_MILLIS * 1000);
        long max = safe(MAX_MILLIS * 1000 + 999);
        return pick(min, max, 0, -1, min, max);
      }
      case TIMESTAMP_NANOS:
      case LOCAL_TIMESTAMP_NANOS:
        return aLong();
      case UUID: {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String text = new UUID((id.getMostSignificantBits() & ~0xf000L) | 0x4000L,
            (id.getLeastSignificantBits() & 0x3fffffffffffffffL) | 0x8000000000000000L).toString();
        return s.type() == Schema.Type.STRING ? text
            : new GenericFixed((FixedSchema) s, uuidBytes(UUID.fromString(text)));
      }
      case DURATION:
        return new GenericFixed((FixedSchema) s, fixedBytes(12));
      case BIG_DECIMAL:
        return ByteBuffer.wrap(bigDecimal());
      default:
        throw new AssertionError(logical);
    }
  }

  private long safe(long l) {
    return allowed(Feature.UNSAFE_LONGS) ? l : Math.max(-MAX_SAFE_LONG, Math.min(MAX_SAFE_LONG, l));
  }

  /** An edge value a quarter of the time, else uniform in [min, max]. */
  private long pick(long min, long max, long... edges) {
    if (edge()) {
      return edges[random.nextInt(edges.length)];
    }
    return min + (long) (random.nextDouble() * (max - min));
  }

  private Object decimal(Schema s, LogicalType.Decimal d) {
    BigInteger unscaled = unscaled(d.precision());
    if (s instanceof FixedSchema f) {
      return new GenericFixed(f, signExtend(unscaled.toByteArray(), f.size()));
    }
    return ByteBuffer.wrap(unscaled.toByteArray());
  }

  /**
   * An unscaled decimal of at most {@code precision} digits. The most negative value of k bytes, -2^(8k-1), is
   * a {@link Feature#DECIMAL_BYTE_EDGES} value.
   */
  private BigInteger unscaled(int precision) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    BigInteger v;
    if (edge()) {
      List<BigInteger> edges = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
          max, max.negate(), BigInteger.valueOf(127), BigInteger.valueOf(128)));
      if (allowed(Feature.DECIMAL_BYTE_EDGES)) {
        for (int bits = 7; bits < 64; bits += 8) {
          BigInteger edge = BigInteger.TWO.pow(bits).negate();
          if (edge.abs().compareTo(max) <= 0) {
            edges.add(edge);
          }
        }
      }
      v = edges.get(random.nextInt(edges.size()));
    } else {
      int digits = 1 + random.nextInt(precision);
      StringBuilder sb = new StringBuilder(random.nextBoolean() ? "-" : "");
      for (int i = 0; i < digits; i++) {
        sb.append((char) ('0' + random.nextInt(10)));
      }
      v = new BigInteger(sb.toString());
    }
    if (!allowed(Feature.DECIMAL_BYTE_EDGES) && isByteEdge(v)) {
      v = v.add(BigInteger.ONE);
    }
    return v;
  }

  /** True for -2^(8k-1): Python 1.11 writes it with one more byte than the minimal two's complement. */
  static boolean isByteEdge(BigInteger v) {
    return v.signum() < 0 && v.negate().bitCount() == 1 && v.negate().bitLength() % 8 == 0;
  }

  private static byte[] signExtend(byte[] minimal, int size) {
    byte[] out = new byte[size];
    byte fill = (byte) (minimal[0] < 0 ? 0xff : 0);
    java.util.Arrays.fill(out, 0, size - minimal.length, fill);
    System.arraycopy(minimal, 0, out, size - minimal.length, minimal.length);
    return out;
  }

  private static byte[] uuidBytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }

  /** The spec's big-decimal: the unscaled value as Avro bytes, then the scale as an Avro int. */
  private byte[] bigDecimal() {
    byte[] unscaled = unscaled(1 + random.nextInt(30)).toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, unscaled.length);
    out.write(unscaled, 0, unscaled.length);
    varint(out, random.nextInt(11));
    return out.toByteArray();
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7fL) != 0) {
      out.write((int) ((z & 0x7f) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
  }
}
