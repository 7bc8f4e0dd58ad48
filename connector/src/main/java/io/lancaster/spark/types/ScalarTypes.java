package io.lancaster.spark.types;

import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.Schema;
import java.util.List;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.TimeType;

/**
 * The Spark SQL type of an Avro schema that holds one value (null, primitives, enums, fixed), with its logical
 * type and Spark's {@code spark.sql.catalyst.type} property, exactly as spark-avro maps them.
 */
final class ScalarTypes {

  /** Where Spark records a Catalyst type that Avro cannot express (intervals, a time's precision). */
  static final String CATALYST_TYPE_PROPERTY = "spark.sql.catalyst.type";

  /** Spark's own logical type: a decimal held in a long, with {@code precision} and {@code scale} properties. */
  static final String CUSTOM_DECIMAL = "custom-decimal";

  /**
   * Apache Avro, which spark-avro reads schemas with, ignores any logical type on a schema that also has one of
   * these (Java binding) properties as a string; so must we, to map such a schema the same way.
   */
  private static final List<String> JAVA_BINDING_PROPERTIES =
      List.of("avro.java.string", "java-class", "java-key-class", "java-element-class");

  private ScalarTypes() {}

  static DataType of(Schema s) {
    switch (s.type()) {
      case NULL:
        return DataTypes.NullType;
      case BOOLEAN:
        return DataTypes.BooleanType;
      case INT:
        return logicalType(s) == LogicalType.Simple.DATE ? DataTypes.DateType
            : catalystTypeOr(s, DataTypes.IntegerType);
      case LONG:
        return longType(s);
      case FLOAT:
        return DataTypes.FloatType;
      case DOUBLE:
        return DataTypes.DoubleType;
      case STRING:
      case ENUM:
        return DataTypes.StringType;
      case BYTES:
      case FIXED:
        return logicalType(s) instanceof LogicalType.Decimal d ? decimal(d.precision(), d.scale())
            : DataTypes.BinaryType;
      default:
        throw new IllegalArgumentException("not a single-value type: " + s.type());
    }
  }

  private static DataType longType(Schema s) {
    DecimalType custom = customDecimal(s);
    if (custom != null) {
      return custom;
    }
    LogicalType lt = logicalType(s);
    if (lt == LogicalType.Simple.TIMESTAMP_MILLIS || lt == LogicalType.Simple.TIMESTAMP_MICROS) {
      return DataTypes.TimestampType;
    }
    if (lt == LogicalType.Simple.LOCAL_TIMESTAMP_MILLIS || lt == LogicalType.Simple.LOCAL_TIMESTAMP_MICROS) {
      return DataTypes.TimestampNTZType;
    }
    if (lt == LogicalType.Simple.TIME_MICROS) {
      DataType t = catalystTypeOr(s, TimeType.apply(TimeType.MICROS_PRECISION()));
      if (!(t instanceof TimeType)) {
        throw new IncompatibleSchemaException("a time-micros schema's " + CATALYST_TYPE_PROPERTY
            + " must be a time type, not " + t.sql() + ": " + s);
      }
      return t;
    }
    return catalystTypeOr(s, DataTypes.LongType);
  }

  /** The logical type as Apache Avro sees it (see {@link #JAVA_BINDING_PROPERTIES}), or null. */
  private static LogicalType logicalType(Schema s) {
    LogicalType lt = s.logicalType();
    return lt == null || hasJavaBinding(s) ? null : lt;
  }

  private static boolean hasJavaBinding(Schema s) {
    for (String p : JAVA_BINDING_PROPERTIES) {
      if (s.propertyAsString(p) != null) {
        return true;
      }
    }
    return false;
  }

  /** Spark's custom-decimal on a long, when valid by the rules of its Apache Avro registration; else null. */
  private static DecimalType customDecimal(Schema s) {
    if (!CUSTOM_DECIMAL.equals(s.propertyAsString("logicalType")) || hasJavaBinding(s)) {
      return null;
    }
    Integer precision = intProperty(s, "precision");
    Integer scale = intProperty(s, "scale");
    if (precision == null || scale == null || precision <= 0 || precision > DecimalType.MAX_PRECISION()
        || scale < 0 || scale > precision) {
      return null;
    }
    return DataTypes.createDecimalType(precision, scale);
  }

  private static Integer intProperty(Schema s, String name) {
    return s.property(name) instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
        ? Integer.valueOf(l.intValue()) : null;
  }

  /** Avro allows decimals of any precision on bytes; Spark holds at most 38 digits. */
  private static DecimalType decimal(int precision, int scale) {
    if (precision > DecimalType.MAX_PRECISION()) {
      throw new IncompatibleSchemaException("decimal(" + precision + ", " + scale + ") has more digits than Spark's"
          + " maximum decimal precision " + DecimalType.MAX_PRECISION());
    }
    return DataTypes.createDecimalType(precision, scale);
  }

  private static DataType catalystTypeOr(Schema s, DataType plain) {
    String sql = s.propertyAsString(CATALYST_TYPE_PROPERTY);
    if (sql == null) {
      return plain;
    }
    try {
      return CatalystSqlParser$.MODULE$.parseDataType(sql);
    } catch (Exception e) { // Spark's ParseException
      throw new IncompatibleSchemaException("cannot parse " + CATALYST_TYPE_PROPERTY + " \"" + sql + "\": "
          + e.getMessage(), e);
    }
  }
}
