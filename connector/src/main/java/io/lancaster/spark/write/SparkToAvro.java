package io.lancaster.spark.write;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.spark.types.IncompatibleSchemaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimeType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.YearMonthIntervalType;

/**
 * The Avro schema Spark writes a DataFrame as, exactly spark-avro 4.2's {@code SchemaConverters.toAvroType}, the
 * reverse of the read mapping:
 *
 * <ul>
 *   <li>boolean, float, double, string, binary (bytes): the same type; byte, short, int: int; long: long;
 *   <li>date: int {@code date}; timestamp: long {@code timestamp-micros}; timestamp_ntz: long
 *       {@code local-timestamp-micros}; time: long {@code time-micros}; intervals: int (year-month) or long
 *       (day-time); time and intervals carry their Spark type in the {@code spark.sql.catalyst.type} property;
 *   <li>decimal(p, s): a fixed of the fewest bytes that hold p digits, with the decimal logical type, named
 *       {@code <namespace>.<field>.fixed};
 *   <li>struct: a record named after its field, in the namespace of the enclosing records' names (the top-level
 *       record takes {@code recordName} and {@code recordNamespace}); array and map (string keys only): the same;
 *   <li>a nullable type T (except null): the union [T, "null"].
 * </ul>
 */
public final class SparkToAvro {
  /** The Avro property that tells readers which Spark type an int or long holds. */
  public static final String CATALYST_TYPE_PROP = "spark.sql.catalyst.type";
  public static final String DEFAULT_RECORD_NAME = "topLevelRecord";

  private SparkToAvro() {}

  /** The top-level record for a DataFrame schema. */
  public static RecordSchema convert(StructType schema, String recordName, String recordNamespace) {
    checkName(recordName, "recordName");
    if (!recordNamespace.isEmpty()) {
      checkName(recordNamespace, "recordNamespace");
    }
    return (RecordSchema) convert(schema, false, recordName, recordNamespace);
  }

  /** Avro Java's name rule (Unicode letters, digits, '_'; not starting with a digit), as spark-avro applies it. */
  private static void checkName(String dotted, String option) {
    boolean valid = true;
    for (String name : dotted.split("\\.", -1)) {
      valid &= !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
      for (int i = 1; valid && i < name.length(); i++) {
        valid = Character.isLetterOrDigit(name.charAt(i)) || name.charAt(i) == '_';
      }
    }
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + option + " '" + dotted + "': an Avro name starts with a letter or "
          + "'_' and has only letters, digits and '_' (a namespace is such names separated by dots)");
    }
  }

  /**
   * The schema of a value of {@code type}; {@code recordName} and {@code namespace} name the record a struct
   * becomes (and derive the names of nested records and decimal fixeds).
   */
  public static Schema convert(DataType type, boolean nullable, String recordName, String namespace) {
    Schema schema = nonNull(type, recordName, namespace);
    if (nullable && !(type instanceof NullType)) {
      return new UnionSchema(List.of(schema, PrimitiveSchema.of(Schema.Type.NULL)));
    }
    return schema;
  }

  private static Schema nonNull(DataType type, String recordName, String namespace) {
    if (type instanceof BooleanType) {
      return PrimitiveSchema.of(Schema.Type.BOOLEAN);
    } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType) {
      return PrimitiveSchema.of(Schema.Type.INT);
    } else if (type instanceof LongType) {
      return PrimitiveSchema.of(Schema.Type.LONG);
    } else if (type instanceof DateType) {
      return logical(Schema.Type.INT, "date", null);
    } else if (type instanceof TimestampType) {
      return logical(Schema.Type.LONG, "timestamp-micros", null);
    } else if (type instanceof TimestampNTZType) {
      return logical(Schema.Type.LONG, "local-timestamp-micros", null);
    } else if (type instanceof TimeType) {
      return logical(Schema.Type.LONG, "time-micros", type.typeName());
    } else if (type instanceof FloatType) {
      return PrimitiveSchema.of(Schema.Type.FLOAT);
    } else if (type instanceof DoubleType) {
      return PrimitiveSchema.of(Schema.Type.DOUBLE);
    } else if (DataTypes.StringType.equals(type)) {
      return PrimitiveSchema.of(Schema.Type.STRING);
    } else if (type instanceof NullType) {
      return PrimitiveSchema.of(Schema.Type.NULL);
    } else if (type instanceof DecimalType d) {
      return decimal(d, recordName, namespace);
    } else if (type instanceof BinaryType) {
      return PrimitiveSchema.of(Schema.Type.BYTES);
    } else if (type instanceof ArrayType a) {
      return new ArraySchema(convert(a.elementType(), a.containsNull(), recordName, namespace));
    } else if (type instanceof MapType m && DataTypes.StringType.equals(m.keyType())) {
      return new MapSchema(convert(m.valueType(), m.valueContainsNull(), recordName, namespace));
    } else if (type instanceof StructType st) {
      return record(st, recordName, namespace);
    } else if (type instanceof YearMonthIntervalType) {
      return PrimitiveSchema.of(Schema.Type.INT, Map.of(CATALYST_TYPE_PROP, type.typeName()));
    } else if (type instanceof DayTimeIntervalType) {
      return PrimitiveSchema.of(Schema.Type.LONG, Map.of(CATALYST_TYPE_PROP, type.typeName()));
    }
    throw new IncompatibleSchemaException("Unexpected type " + type + " (" + type.sql() + ") at "
        + (namespace.isEmpty() ? recordName : namespace + "." + recordName) + ": Avro has no type for it");
  }

  private static RecordSchema record(StructType struct, String recordName, String namespace) {
    String childNamespace = namespace.isEmpty() ? recordName : namespace + "." + recordName;
    List<Field> fields = new ArrayList<>();
    for (StructField f : struct.fields()) {
      fields.add(new Field(f.name(), convert(f.dataType(), f.nullable(), f.name(), childNamespace)));
    }
    return new RecordSchema(Name.resolve(recordName, namespace), fields);
  }

  private static FixedSchema decimal(DecimalType d, String recordName, String namespace) {
    // The name spark-avro gives, unique per field path (several decimal fields may not share one name).
    String name = namespace.isEmpty() ? recordName + ".fixed" : namespace + "." + recordName + ".fixed";
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("logicalType", "decimal");
    props.put("precision", (long) d.precision());
    props.put("scale", (long) d.scale());
    return new FixedSchema(Name.resolve(name, null), null, null, minBytesForPrecision(d.precision()), props);
  }

  private static Schema logical(Schema.Type type, String logicalType, String catalystType) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("logicalType", logicalType);
    if (catalystType != null) {
      props.put(CATALYST_TYPE_PROP, catalystType);
    }
    return PrimitiveSchema.of(type, props);
  }

  /** The fewest bytes whose two's complement holds every number of {@code precision} digits (Spark's formula). */
  static int minBytesForPrecision(int precision) {
    int bytes = 1;
    while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
      bytes++;
    }
    return bytes;
  }
}
