package io.lancaster.spark.write.encode;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.spark.types.IncompatibleSchemaException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 * Compiles the encoder tree that writes rows of a Spark schema as records of an Avro schema, with exactly the
 * conversions of spark-avro's {@code AvroSerializer}: each Spark type into the Avro types it accepts (string into
 * string or enum, binary into bytes or fixed, decimal into a fixed or bytes decimal of the same precision and scale,
 * timestamp into timestamp-micros or -millis, long into [int, long], a struct of members into a union, ...), a union
 * with one non-null branch taken as that branch, fields matched by {@link FieldMatching}.
 *
 * <p>Everything that depends on the schemas alone fails here, before a row is written, with an
 * {@link IncompatibleSchemaException} naming the field; what depends on the data (a null in a non-null field, a
 * string that is no enum symbol, a binary of the wrong size for its fixed) fails when that row is written.
 */
public final class EncoderCompiler {
  private final EncoderOptions options;

  private EncoderCompiler(EncoderOptions options) {
    this.options = options;
  }

  /** The row writer of {@code spark} rows into records of {@code avro}, a record or a union of null and a record. */
  public static RowDatumWriter compile(StructType spark, Schema avro, EncoderOptions options) {
    return new EncoderCompiler(options).root(spark, avro);
  }

  private RowDatumWriter root(StructType spark, Schema avro) {
    Schema actual = avro;
    int branch = -1;
    if (avro instanceof UnionSchema u) {
      List<Integer> nonNull = nonNullBranches(u);
      if (nonNull.size() == 1) {
        branch = nonNull.get(0);
        actual = u.branch(branch);
      }
    }
    if (!(actual instanceof RecordSchema record)) {
      throw new IncompatibleSchemaException("Attempting to treat " + actual.fullName()
          + " as a RECORD, but it was: " + actual.type() + " (the Avro schema of a file written from a DataFrame is "
          + "a record)");
    }
    return new RowDatumWriter(branch, record(spark, record, List.of(), List.of()));
  }

  private Records.Record record(StructType struct, RecordSchema record, List<String> sparkPath,
      List<String> avroPath) {
    FieldMatching matching = new FieldMatching(record, struct, avroPath, sparkPath,
        options.positionalFieldMatching(), options.caseSensitive());
    matching.requireEverySparkField();
    matching.requireEveryNonNullAvroField();
    List<Field> fields = record.fields();
    int[] ordinals = new int[fields.size()];
    ValueEncoder[] encoders = new ValueEncoder[fields.size()];
    for (FieldMatching.Match m : matching.matches()) {
      int k = m.avroField().position();
      ordinals[k] = m.sparkPosition();
      encoders[k] = slot(m.sparkField().dataType(), true, m.avroField().schema(),
          FieldMatching.append(sparkPath, m.sparkField().name()), FieldMatching.append(avroPath, m.avroField().name()));
    }
    for (int k = 0; k < encoders.length; k++) {
      if (encoders[k] == null) {
        ordinals[k] = -1;
        encoders[k] = new Nullability.AlwaysNull(((UnionSchema) fields.get(k).schema()).nullIndex());
      }
    }
    return new Records.Record(struct.fields().length, ordinals, encoders);
  }

  /**
   * A value that may be null (when {@code checkNull}: struct fields, and elements and values that Spark says may
   * be null) into a declared Avro type, which may be a union.
   */
  private ValueEncoder slot(DataType type, boolean checkNull, Schema declared, List<String> sparkPath,
      List<String> avroPath) {
    String quoted = quote(avroPath);
    if (declared instanceof UnionSchema u) {
      List<Integer> nonNull = nonNullBranches(u);
      ValueEncoder nonNullValue;
      if (nonNull.isEmpty()) {
        nonNullValue = new Nullability.Branch(u.nullIndex(),
            value(type, PrimitiveSchema.of(Schema.Type.NULL), sparkPath, avroPath));
      } else if (nonNull.size() == 1) {
        int b = nonNull.get(0);
        nonNullValue = new Nullability.Branch(b, value(type, u.branch(b), sparkPath, avroPath));
      } else {
        nonNullValue = value(type, u, sparkPath, avroPath); // writes its own branch
      }
      if (!checkNull) {
        return nonNullValue;
      }
      return u.nullIndex() >= 0 ? new Nullability.NullBranchOr(u.nullIndex(), nonNullValue)
          : new Nullability.Required(nonNullValue, quoted, u.toString());
    }
    ValueEncoder v = value(type, declared, sparkPath, avroPath);
    if (!checkNull || declared.type() == Schema.Type.NULL) {
      return v;
    }
    return new Nullability.Required(v, quoted, declared.toString());
  }

  /** A non-null value of {@code type} into {@code avro}; a union here has several non-null branches. */
  private ValueEncoder value(DataType type, Schema avro, List<String> sparkPath, List<String> avroPath) {
    String errorPrefix = "Cannot convert SQL " + fieldStr(sparkPath) + " to Avro " + fieldStr(avroPath)
        + " because ";
    Schema.Type t = avro.type();
    LogicalType logical = avro.logicalType();
    if (type instanceof NullType && t == Schema.Type.NULL) {
      return Scalars.Nulls.INSTANCE;
    } else if (type instanceof BooleanType && t == Schema.Type.BOOLEAN) {
      return Scalars.Booleans.INSTANCE;
    } else if (type instanceof ByteType && t == Schema.Type.INT) {
      return Scalars.BytesAsInts.INSTANCE;
    } else if (type instanceof ShortType && t == Schema.Type.INT) {
      return Scalars.ShortsAsInts.INSTANCE;
    } else if (type instanceof IntegerType && t == Schema.Type.INT) {
      return Scalars.Ints.INSTANCE;
    } else if (type instanceof LongType && t == Schema.Type.LONG) {
      return Scalars.Longs.INSTANCE;
    } else if (type instanceof FloatType && t == Schema.Type.FLOAT) {
      return Scalars.Floats.INSTANCE;
    } else if (type instanceof DoubleType && t == Schema.Type.DOUBLE) {
      return Scalars.Doubles.INSTANCE;
    } else if (type instanceof DecimalType d && (t == Schema.Type.FIXED || t == Schema.Type.BYTES)
        && new LogicalType.Decimal(d.precision(), d.scale()).equals(logical)) {
      return decimal(d, avro);
    } else if (DataTypes.StringType.equals(type) && avro instanceof EnumSchema e) {
      return new Texts.Enums(e, errorPrefix);
    } else if (DataTypes.StringType.equals(type) && t == Schema.Type.STRING) {
      return Texts.Strings.INSTANCE;
    } else if (type instanceof BinaryType && avro instanceof FixedSchema f) {
      return new Binaries.Fixed(f.size(), errorPrefix);
    } else if (type instanceof BinaryType && t == Schema.Type.BYTES) {
      return Binaries.Bytes.INSTANCE;
    } else if (type instanceof DateType && t == Schema.Type.INT) {
      return new Temporals.Dates(options.rebase());
    } else if (type instanceof TimestampType && t == Schema.Type.LONG) {
      if (logical == null || logical == LogicalType.Simple.TIMESTAMP_MILLIS) {
        return new Temporals.TimestampMillis(options.rebase()); // a plain long: millis, as spark-avro
      } else if (logical == LogicalType.Simple.TIMESTAMP_MICROS) {
        return new Temporals.TimestampMicros(options.rebase());
      }
      throw new IncompatibleSchemaException(errorPrefix + "SQL type " + type.sql()
          + " cannot be converted to Avro logical type " + logical.logicalTypeName());
    } else if (type instanceof TimestampNTZType && t == Schema.Type.LONG) {
      if (logical == null || logical == LogicalType.Simple.LOCAL_TIMESTAMP_MILLIS) {
        return Temporals.LocalTimestampMillis.INSTANCE;
      } else if (logical == LogicalType.Simple.LOCAL_TIMESTAMP_MICROS) {
        return Scalars.Longs.INSTANCE;
      }
      throw new IncompatibleSchemaException(errorPrefix + "SQL type " + type.sql()
          + " cannot be converted to Avro logical type " + logical.logicalTypeName());
    } else if (type instanceof TimeType && t == Schema.Type.LONG) {
      if (logical == LogicalType.Simple.TIME_MICROS) {
        return Temporals.TimeMicros.INSTANCE;
      }
      throw new IncompatibleSchemaException(errorPrefix + "SQL type " + type.sql()
          + " cannot be converted to Avro logical type " + (logical == null ? "null" : logical.logicalTypeName()));
    } else if (type instanceof ArrayType a && avro instanceof ArraySchema as) {
      return new Collections.Arrays(slot(a.elementType(), a.containsNull(), as.items(),
          FieldMatching.append(sparkPath, "element"), FieldMatching.append(avroPath, "element")));
    } else if (type instanceof StructType st && avro instanceof RecordSchema r) {
      return record(st, r, sparkPath, avroPath);
    } else if (type instanceof StructType st && avro instanceof UnionSchema u) {
      return members(st, u, sparkPath, avroPath);
    } else if (type instanceof DoubleType && avro instanceof UnionSchema u
        && nonNullTypes(u).equals(EnumSet.of(Schema.Type.FLOAT, Schema.Type.DOUBLE))) {
      return new Unions.DoubleBranch(u.indexOf("double"));
    } else if (type instanceof LongType && avro instanceof UnionSchema u
        && nonNullTypes(u).equals(EnumSet.of(Schema.Type.INT, Schema.Type.LONG))) {
      return new Unions.LongBranch(u.indexOf("long"));
    } else if (type instanceof MapType m && DataTypes.StringType.equals(m.keyType()) && avro instanceof MapSchema ms) {
      return new Collections.Maps(slot(m.valueType(), m.valueContainsNull(), ms.values(),
          FieldMatching.append(sparkPath, "value"), FieldMatching.append(avroPath, "value")));
    } else if (type instanceof YearMonthIntervalType && t == Schema.Type.INT) {
      return Scalars.Ints.INSTANCE;
    } else if (type instanceof DayTimeIntervalType && t == Schema.Type.LONG) {
      return Scalars.Longs.INSTANCE;
    }
    throw new IncompatibleSchemaException(errorPrefix + "schema is incompatible (sqlType = " + type.sql()
        + ", avroType = " + avro + ")");
  }

  private static ValueEncoder decimal(DecimalType d, Schema avro) {
    int p = d.precision();
    int s = d.scale();
    if (avro instanceof FixedSchema f) {
      return Decimals.isCompact(p) ? new Decimals.CompactAsFixed(p, s, f.size())
          : new Decimals.WideAsFixed(p, s, f.size());
    }
    return Decimals.isCompact(p) ? new Decimals.CompactAsBytes(p, s) : new Decimals.WideAsBytes(p, s);
  }

  /** A struct of members {@code member0}, {@code member1}, ... into the union's non-null branches, in order. */
  private ValueEncoder members(StructType struct, UnionSchema union, List<String> sparkPath, List<String> avroPath) {
    List<Integer> branches = nonNullBranches(union);
    StructField[] fields = struct.fields();
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      expected.add("member" + i);
    }
    for (StructField f : fields) {
      actual.add(f.name());
    }
    String where = "Generic Avro union at " + fieldStr(avroPath) + " does not match the SQL schema at "
        + fieldStr(sparkPath) + ".  It expected the ";
    if (options.positionalFieldMatching()) {
      if (expected.size() != actual.size()) {
        throw new IncompatibleSchemaException(where + expected.size() + " members but got " + actual.size());
      }
    } else if (!expected.equals(actual)) {
      throw new IncompatibleSchemaException(where + "following members (" + String.join(", ", expected)
          + ") but got (" + String.join(", ", actual) + ")");
    }
    int[] indexes = new int[fields.length];
    ValueEncoder[] members = new ValueEncoder[fields.length];
    for (int i = 0; i < fields.length; i++) {
      indexes[i] = branches.get(i);
      members[i] = value(fields[i].dataType(), union.branch(indexes[i]),
          FieldMatching.append(sparkPath, fields[i].name()), FieldMatching.append(avroPath, fields[i].name()));
    }
    return new Unions.Members(indexes, members, union.nullIndex(), quote(avroPath), union.toString());
  }

  private static List<Integer> nonNullBranches(UnionSchema u) {
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < u.size(); i++) {
      if (u.branch(i).type() != Schema.Type.NULL) {
        result.add(i);
      }
    }
    return result;
  }

  private static Set<Schema.Type> nonNullTypes(UnionSchema u) {
    Set<Schema.Type> types = EnumSet.noneOf(Schema.Type.class);
    for (int i : nonNullBranches(u)) {
      types.add(u.branch(i).type());
    }
    return types;
  }

  /** spark-avro's way to name a place in a schema: "top-level record" or "field 'a.b'". */
  static String fieldStr(List<String> path) {
    return path.isEmpty() ? "top-level record" : "field '" + String.join(".", path) + "'";
  }

  /** A field path as Spark quotes identifiers in errors: `a`.`b`. */
  private static String quote(List<String> path) {
    if (path.isEmpty()) {
      return "top-level record";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : path) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append('`').append(part.replace("`", "``")).append('`');
    }
    return sb.toString();
  }
}
