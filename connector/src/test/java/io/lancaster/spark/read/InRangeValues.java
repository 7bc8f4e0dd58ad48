package io.lancaster.spark.read;

import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings random values of logical types into the range Spark can hold: {@code RandomData} gives a decimal random
 * bytes (most exceed the precision), a timestamp or a time-micros any long, and spark-avro fails on
 * those. The random comparison should compare reading, so it clamps them (a decimal's unscaled value modulo
 * 10^precision, timestamps within about 3,000 years of 1970, time-micros within a day); out-of-range values are
 * tested on their own.
 */
final class InRangeValues {
  private static final long MILLIS_RANGE = 100_000_000_000_000L;
  private static final long MICROS_RANGE = 100_000_000_000_000_000L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private InRangeValues() {}

  static Object clamp(Schema schema, Object datum) {
    if (datum == null) {
      return null;
    }
    LogicalType logical = schema.logicalType();
    switch (schema.type()) {
      case RECORD: {
        GenericRecord r = (GenericRecord) datum;
        for (Field f : ((RecordSchema) schema).fields()) {
          r.put(f.position(), clamp(f.schema(), r.get(f.position())));
        }
        return r;
      }
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Object item : (List<?>) datum) {
          out.add(clamp(((ArraySchema) schema).items(), item));
        }
        return out;
      }
      case MAP: {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) datum).forEach((k, v) -> out.put((String) k, clamp(((MapSchema) schema).values(), v)));
        return out;
      }
      case UNION: {
        UnionSchema u = (UnionSchema) schema;
        return clamp(u.branch(new UnionBranchResolver(u).branchOf(datum)), datum);
      }
      case BYTES:
        if (logical instanceof LogicalType.Decimal d) {
          ByteBuffer b = ((ByteBuffer) datum).duplicate();
          byte[] bytes = new byte[b.remaining()];
          b.get(bytes);
          return ByteBuffer.wrap(inPrecision(bytes, d.precision()).toByteArray());
        }
        return datum;
      case FIXED:
        if (logical instanceof LogicalType.Decimal d) {
          FixedSchema f = (FixedSchema) schema;
          BigInteger v = inPrecision(((GenericFixed) datum).bytes(), d.precision());
          byte[] minimal = v.toByteArray();
          byte[] out = new byte[f.size()];
          Arrays.fill(out, v.signum() < 0 ? (byte) -1 : 0);
          System.arraycopy(minimal, 0, out, out.length - minimal.length, minimal.length);
          return new GenericFixed(f, out);
        }
        return datum;
      case LONG:
        if (logical == LogicalType.Simple.TIMESTAMP_MILLIS || logical == LogicalType.Simple.LOCAL_TIMESTAMP_MILLIS) {
          return (Long) datum % MILLIS_RANGE;
        } else if (logical == LogicalType.Simple.TIMESTAMP_MICROS
            || logical == LogicalType.Simple.LOCAL_TIMESTAMP_MICROS) {
          return (Long) datum % MICROS_RANGE;
        } else if (logical == LogicalType.Simple.TIME_MICROS) {
          return Math.floorMod((Long) datum, MICROS_PER_DAY);
        }
        return datum;
      default:
        return datum;
    }
  }

  private static BigInteger inPrecision(byte[] unscaled, int precision) {
    BigInteger v = unscaled.length == 0 ? BigInteger.ZERO : new BigInteger(unscaled);
    BigInteger limit = BigInteger.TEN.pow(precision);
    BigInteger r = v.abs().mod(limit);
    return v.signum() < 0 ? r.negate() : r;
  }
}
