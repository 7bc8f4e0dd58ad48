package io.lancaster.avro.schema;

import java.math.BigInteger;

/**
 * The logical types of the spec. A schema has one when its {@code logicalType} property names it and the
 * annotation is valid for the underlying type; otherwise the spec says to ignore it, so {@link #of(Schema)}
 * returns null and readers see the underlying type.
 */
public sealed interface LogicalType permits LogicalType.Decimal, LogicalType.Simple {

  /** The value of the {@code logicalType} attribute. */
  String logicalTypeName();

  /** Fixed-precision decimal on bytes or fixed. */
  record Decimal(int precision, int scale) implements LogicalType {
    @Override
    public String logicalTypeName() {
      return "decimal";
    }

    /** Most decimal digits a fixed of {@code size} bytes holds: floor(log10(2^(8n-1) - 1)). */
    public static int maxPrecision(int size) {
      if (size <= 0) {
        return 0;
      }
      if (size > 1024) {
        return Integer.MAX_VALUE; // far beyond any sane precision; avoids building huge numbers
      }
      // floor(log10(x)) is the number of decimal digits of x, minus one.
      return BigInteger.TWO.pow(8 * size - 1).subtract(BigInteger.ONE).toString().length() - 1;
    }
  }

  /** The logical types without parameters. */
  enum Simple implements LogicalType {
    BIG_DECIMAL("big-decimal"),
    UUID("uuid"),
    DATE("date"),
    TIME_MILLIS("time-millis"),
    TIME_MICROS("time-micros"),
    TIMESTAMP_MILLIS("timestamp-millis"),
    TIMESTAMP_MICROS("timestamp-micros"),
    TIMESTAMP_NANOS("timestamp-nanos"),
    LOCAL_TIMESTAMP_MILLIS("local-timestamp-millis"),
    LOCAL_TIMESTAMP_MICROS("local-timestamp-micros"),
    LOCAL_TIMESTAMP_NANOS("local-timestamp-nanos"),
    DURATION("duration");

    private final String logicalTypeName;

    Simple(String logicalTypeName) {
      this.logicalTypeName = logicalTypeName;
    }

    @Override
    public String logicalTypeName() {
      return logicalTypeName;
    }

    static Simple named(String name) {
      for (Simple s : values()) {
        if (s.logicalTypeName.equals(name)) {
          return s;
        }
      }
      return null;
    }
  }

  /** The valid logical type of a schema, or null (absent, unknown, or invalid for the underlying type). */
  static LogicalType of(Schema schema) {
    String name = schema.propertyAsString("logicalType");
    if (name == null) {
      return null;
    }
    Schema.Type t = schema.type();
    if (name.equals("decimal")) {
      return decimal(schema);
    }
    Simple simple = Simple.named(name);
    if (simple == null) {
      return null;
    }
    boolean valid;
    switch (simple) {
      case BIG_DECIMAL:
        valid = t == Schema.Type.BYTES;
        break;
      case UUID:
        valid = t == Schema.Type.STRING || (schema instanceof FixedSchema f && f.size() == 16);
        break;
      case DATE:
      case TIME_MILLIS:
        valid = t == Schema.Type.INT;
        break;
      case DURATION:
        valid = schema instanceof FixedSchema f && f.size() == 12;
        break;
      default: // time-micros and every timestamp
        valid = t == Schema.Type.LONG;
        break;
    }
    return valid ? simple : null;
  }

  private static LogicalType decimal(Schema schema) {
    if (schema.type() != Schema.Type.BYTES && schema.type() != Schema.Type.FIXED) {
      return null;
    }
    Integer precision = intProperty(schema.property("precision"));
    Object scaleProp = schema.property("scale");
    Integer scale = scaleProp == null ? Integer.valueOf(0) : intProperty(scaleProp);
    if (precision == null || scale == null || precision <= 0 || scale < 0 || scale > precision) {
      return null;
    }
    if (schema instanceof FixedSchema f && precision > Decimal.maxPrecision(f.size())) {
      return null;
    }
    return new Decimal(precision, scale);
  }

  private static Integer intProperty(Object v) {
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    return null;
  }
}
