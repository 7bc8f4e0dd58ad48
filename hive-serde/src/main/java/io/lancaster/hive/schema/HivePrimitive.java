package io.lancaster.hive.schema;

import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.Schema;
import java.util.Locale;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.serde2.typeinfo.PrimitiveTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoFactory;

/**
 * The Hive primitive type of an Avro primitive, enum or fixed schema, with its parameters, as Hive's AvroSerDe maps
 * them: int is {@code int} ({@code date} with the date logical type), long is {@code bigint} ({@code timestamp} with
 * timestamp-millis), float, double, boolean, string ({@code char(n)} or {@code varchar(n)} with Hive's
 * {@code logicalType} char or varchar and {@code maxLength}), enum is {@code string}, bytes and fixed are
 * {@code binary} ({@code decimal(p,s)} with the decimal logical type), null is {@code void}.
 *
 * <p>One difference from Hive 2.3: a fixed with the decimal logical type (as Spark writes decimals) is a decimal
 * here, where Hive 2.3 shows it as binary. Other logical types (time, timestamp-micros, uuid, local timestamps)
 * read as their underlying type, as in Hive.
 *
 * @param length the length of char and varchar, else 0
 * @param precision the precision of decimal, else 0
 * @param scale the scale of decimal, else 0
 */
public record HivePrimitive(Kind kind, int length, int precision, int scale) {

  /** Hive's primitive categories that Avro data maps to. */
  public enum Kind {
    VOID, BOOLEAN, INT, BIGINT, FLOAT, DOUBLE, STRING, CHAR, VARCHAR, BINARY, DECIMAL, DATE, TIMESTAMP
  }

  /** Hive's own annotation of strings (not an Avro logical type). */
  private static final String CHAR = "char";
  private static final String VARCHAR = "varchar";
  private static final String MAX_LENGTH = "maxLength";

  private static HivePrimitive plain(Kind kind) {
    return new HivePrimitive(kind, 0, 0, 0);
  }

  /**
   * The Hive type of {@code schema}, which must be a primitive, an enum or a fixed.
   *
   * @throws TableSchemaException for a decimal Hive cannot hold (precision above 38) or a bad char/varchar length
   */
  public static HivePrimitive of(Schema schema) {
    LogicalType logical = schema.logicalType();
    switch (schema.type()) {
      case NULL:
        return plain(Kind.VOID);
      case BOOLEAN:
        return plain(Kind.BOOLEAN);
      case INT:
        return plain(logical == LogicalType.Simple.DATE ? Kind.DATE : Kind.INT);
      case LONG:
        return plain(logical == LogicalType.Simple.TIMESTAMP_MILLIS ? Kind.TIMESTAMP : Kind.BIGINT);
      case FLOAT:
        return plain(Kind.FLOAT);
      case DOUBLE:
        return plain(Kind.DOUBLE);
      case STRING:
        return string(schema);
      case ENUM:
        return plain(Kind.STRING);
      case BYTES:
      case FIXED:
        return logical instanceof LogicalType.Decimal d ? decimal(d, schema) : plain(Kind.BINARY);
      default:
        throw new IllegalArgumentException("not a primitive, enum or fixed schema: " + schema);
    }
  }

  private static HivePrimitive decimal(LogicalType.Decimal d, Schema schema) {
    if (d.precision() > HiveDecimal.MAX_PRECISION) {
      throw new TableSchemaException("Hive decimals hold at most " + HiveDecimal.MAX_PRECISION + " digits: "
          + schema);
    }
    return new HivePrimitive(Kind.DECIMAL, 0, d.precision(), d.scale());
  }

  private static HivePrimitive string(Schema schema) {
    String annotation = schema.propertyAsString("logicalType");
    if (annotation == null) {
      return plain(Kind.STRING);
    }
    String lower = annotation.toLowerCase(Locale.ROOT);
    if (!lower.equals(CHAR) && !lower.equals(VARCHAR)) {
      return plain(Kind.STRING);
    }
    int length = maxLength(schema);
    return new HivePrimitive(lower.equals(CHAR) ? Kind.CHAR : Kind.VARCHAR, length, 0, 0);
  }

  /** Hive accepts {@code maxLength} as a JSON number or a string of digits. */
  private static int maxLength(Schema schema) {
    Object v = schema.property(MAX_LENGTH);
    try {
      if (v instanceof Long l) {
        return Math.toIntExact(l);
      }
      if (v instanceof String s) {
        return Integer.parseInt(s.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // reported below
    }
    throw new TableSchemaException("a string with Hive's logicalType char or varchar needs an integer "
        + MAX_LENGTH + ": " + schema);
  }

  /** Hive's type of this primitive. */
  public PrimitiveTypeInfo typeInfo() {
    try {
      return switch (kind) {
        case VOID -> TypeInfoFactory.voidTypeInfo;
        case BOOLEAN -> TypeInfoFactory.booleanTypeInfo;
        case INT -> TypeInfoFactory.intTypeInfo;
        case BIGINT -> TypeInfoFactory.longTypeInfo;
        case FLOAT -> TypeInfoFactory.floatTypeInfo;
        case DOUBLE -> TypeInfoFactory.doubleTypeInfo;
        case STRING -> TypeInfoFactory.stringTypeInfo;
        case CHAR -> TypeInfoFactory.getCharTypeInfo(length);
        case VARCHAR -> TypeInfoFactory.getVarcharTypeInfo(length);
        case BINARY -> TypeInfoFactory.binaryTypeInfo;
        case DECIMAL -> TypeInfoFactory.getDecimalTypeInfo(precision, scale);
        case DATE -> TypeInfoFactory.dateTypeInfo;
        case TIMESTAMP -> TypeInfoFactory.timestampTypeInfo;
      };
    } catch (RuntimeException e) {
      throw new TableSchemaException("no Hive type for " + this + ": " + e.getMessage(), e);
    }
  }
}
