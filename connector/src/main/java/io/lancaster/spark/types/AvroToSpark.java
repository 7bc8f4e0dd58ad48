package io.lancaster.spark.types;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark SQL type of an Avro schema, exactly as spark-avro 4.2's {@code SchemaConverters.toSqlType}:
 *
 * <ul>
 *   <li>null: {@code NullType}, nullable; boolean, float, double, string: the same type; enum: string;
 *   <li>int: {@code IntegerType}, {@code DateType} for {@code date}; long: {@code LongType},
 *       {@code TimestampType} for {@code timestamp-millis/micros}, {@code TimestampNTZType} for
 *       {@code local-timestamp-millis/micros}, {@code TimeType(6)} for {@code time-micros}, a decimal for Spark's
 *       {@code custom-decimal}; an int or long without those takes the type its {@code spark.sql.catalyst.type}
 *       property names (Spark writes intervals so), and so does {@code time-micros} (a time precision);
 *   <li>bytes and fixed: {@code BinaryType}, {@code DecimalType(p, s)} for a valid {@code decimal};
 *   <li>record: a struct of its fields; array: {@code ArrayType}; map: {@code MapType} with string keys;
 *   <li>union: see {@link UnionShape}.
 * </ul>
 *
 * <p>Logical types spark-avro does not map read as their underlying type, as there: {@code uuid} as a string,
 * {@code time-millis} as an int, {@code timestamp-nanos} and {@code local-timestamp-nanos} as a long,
 * {@code big-decimal} as binary, {@code duration} (fixed 12) as binary. Invalid logical types (a decimal whose
 * precision does not fit its fixed, {@code date} on a long, any logical type beside a Java binding property such
 * as {@code java-class}) are ignored as Apache Avro ignores them. A bytes decimal of more than 38 digits has no
 * Spark type and fails.
 *
 * <p>Recursive records: a record that encloses itself fails with {@link IncompatibleSchemaException} unless
 * {@link TypeMappingOptions#recursiveFieldMaxDepth()} is positive; then the field, array, map or union through
 * which it would occur that many times more is dropped (its type is null).
 */
public final class AvroToSpark {

  /** The column that holds a top-level schema that is not a record. */
  public static final String VALUE_COLUMN = "value";

  private AvroToSpark() {}

  /**
   * The columns of a file with that schema: a record's fields, or one column {@value #VALUE_COLUMN} for any
   * other schema (spark-avro rejects those; Lancaster reads them, e.g. Kafka Connect's {@code ["null","bytes"]}).
   */
  public static StructType toStructType(Schema avro, TypeMappingOptions o) {
    SparkType t = toSparkType(avro, o);
    if (avro instanceof RecordSchema) {
      return (StructType) t.dataType();
    }
    return new StructType(new StructField[] {DataTypes.createStructField(VALUE_COLUMN, t.dataType(), t.nullable())});
  }

  /** The Spark type of a top-level schema; never null. */
  public static SparkType toSparkType(Schema avro, TypeMappingOptions o) {
    return toSparkType(avro, RecordPath.EMPTY, o);
  }

  /**
   * The Spark type of a schema under the records of {@code path}, or null when the recursion cut drops it.
   *
   * @throws IncompatibleSchemaException when the schema has no Spark type
   */
  public static SparkType toSparkType(Schema avro, RecordPath path, TypeMappingOptions o) {
    switch (avro.type()) {
      case RECORD:
        return record((RecordSchema) avro, path, o);
      case ARRAY: {
        SparkType items = toSparkType(((ArraySchema) avro).items(), path, o);
        return items == null ? null
            : new SparkType(DataTypes.createArrayType(items.dataType(), items.nullable()), false);
      }
      case MAP: {
        SparkType values = toSparkType(((MapSchema) avro).values(), path, o);
        return values == null ? null : new SparkType(
            DataTypes.createMapType(DataTypes.StringType, values.dataType(), values.nullable()), false);
      }
      case UNION:
        return UnionShape.of((UnionSchema) avro, path, o).sparkType();
      default:
        return new SparkType(ScalarTypes.of(avro), avro.type() == Schema.Type.NULL);
    }
  }

  private static SparkType record(RecordSchema record, RecordPath path, TypeMappingOptions o) {
    int occurrences = path.occurrences(record);
    if (occurrences > 0 && o.recursiveFieldMaxDepth() <= 0) {
      throw new IncompatibleSchemaException("Found recursive reference in Avro schema, which Spark cannot hold by"
          + " default: record " + record.fullName() + " contains itself. Try setting the option"
          + " `recursiveFieldMaxDepth` to 1 - " + TypeMappingOptions.MAX_RECURSIVE_FIELD_DEPTH + ".");
    }
    if (occurrences > 0 && occurrences >= o.recursiveFieldMaxDepth()) {
      return null; // the recursion cut: the field that would hold it is dropped
    }
    RecordPath inner = path.enter(record);
    List<StructField> fields = new ArrayList<>();
    for (Field f : record.fields()) {
      SparkType t = toSparkType(f.schema(), inner, o);
      if (t != null) {
        fields.add(DataTypes.createStructField(f.name(), t.dataType(), t.nullable()));
      }
    }
    return new SparkType(DataTypes.createStructType(fields), false);
  }
}
