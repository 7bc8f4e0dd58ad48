package io.lancaster.hive.write;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.schema.FixedSchema;
import java.sql.Timestamp;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.serde2.io.DateWritable;
import org.apache.hadoop.hive.serde2.objectinspector.PrimitiveObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.PrimitiveObjectInspector.PrimitiveCategory;
import org.apache.hadoop.hive.serde2.objectinspector.primitive.BinaryObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.primitive.PrimitiveObjectInspectorUtils;

/**
 * Reads Hive primitive values through their inspectors as the Java values Avro writes, with Hive's own conversions
 * ({@link PrimitiveObjectInspectorUtils}), so a column of another primitive type (a smallint into an Avro int, a
 * string into a date) converts as Hive converts it. Values are never null here.
 */
final class HiveValues {
  private HiveValues() {}

  static Boolean booleanValue(Object v, PrimitiveObjectInspector p) {
    return PrimitiveObjectInspectorUtils.getBoolean(v, p);
  }

  static Integer intValue(Object v, PrimitiveObjectInspector p) {
    return PrimitiveObjectInspectorUtils.getInt(v, p);
  }

  static Long longValue(Object v, PrimitiveObjectInspector p) {
    return PrimitiveObjectInspectorUtils.getLong(v, p);
  }

  static Float floatValue(Object v, PrimitiveObjectInspector p) {
    return PrimitiveObjectInspectorUtils.getFloat(v, p);
  }

  static Double doubleValue(Object v, PrimitiveObjectInspector p) {
    return PrimitiveObjectInspectorUtils.getDouble(v, p);
  }

  /** A string; a char loses its padding, as Hive's AvroSerDe writes it. */
  static String string(Object v, PrimitiveObjectInspector p) {
    return PrimitiveObjectInspectorUtils.getString(v, p);
  }

  static byte[] binary(Object v, PrimitiveObjectInspector p) {
    if (p.getPrimitiveCategory() == PrimitiveCategory.BINARY) {
      return ((BinaryObjectInspector) p).getPrimitiveJavaObject(v);
    }
    return PrimitiveObjectInspectorUtils.getBinary(v, p).copyBytes();
  }

  /**
   * The two's-complement unscaled bytes of a decimal at {@code scale}; null when the value does not fit
   * {@code decimal(precision, scale)} (Hive's rule for decimals that overflow their type).
   */
  static byte[] decimalBytes(Object v, PrimitiveObjectInspector p, int precision, int scale) {
    HiveDecimal d = PrimitiveObjectInspectorUtils.getHiveDecimal(v, p);
    d = d == null ? null : HiveDecimal.enforcePrecisionScale(d, precision, scale);
    return d == null ? null : d.bigIntegerBytesScaled(scale);
  }

  /** Unscaled decimal bytes widened (by sign extension) to the size of a fixed. */
  static byte[] signExtend(byte[] unscaled, FixedSchema fixed) {
    int size = fixed.size();
    if (unscaled.length > size) {
      throw new AvroTypeException("decimal of " + unscaled.length + " bytes does not fit fixed " + fixed.fullName()
          + " of " + size);
    }
    byte[] out = new byte[size];
    byte pad = unscaled.length > 0 && unscaled[0] < 0 ? (byte) -1 : 0;
    int offset = size - unscaled.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(unscaled, 0, out, offset, unscaled.length);
    return out;
  }

  /** Days since 1970-01-01 of a date, as Hive's AvroSerDe counts them. */
  static Integer days(Object v, PrimitiveObjectInspector p) {
    return DateWritable.dateToDays(PrimitiveObjectInspectorUtils.getDate(v, p));
  }

  static Long epochMillis(Object v, PrimitiveObjectInspector p) {
    Timestamp t = PrimitiveObjectInspectorUtils.getTimestamp(v, p);
    return t == null ? null : t.getTime();
  }
}
