package io.lancaster.spark.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimeType;
import org.apache.spark.sql.types.YearMonthIntervalType;

/** Seeded random Spark schemas of every type Avro can hold: scalars, decimals, temporals, nested collections. */
final class RandomSparkTypes {
  private final Random random;
  private final boolean withTimeAndIntervals;

  RandomSparkTypes(long seed, boolean withTimeAndIntervals) {
    this.random = new Random(seed);
    this.withTimeAndIntervals = withTimeAndIntervals;
  }

  StructType struct(int depth) {
    int n = 1 + random.nextInt(6);
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fields.add(DataTypes.createStructField("f" + i + (random.nextBoolean() ? "_" + random.nextInt(9) : ""),
          type(depth), random.nextInt(3) > 0));
    }
    return DataTypes.createStructType(fields);
  }

  DataType type(int depth) {
    int kinds = depth > 0 ? 4 : 1;
    switch (random.nextInt(kinds)) {
      case 1:
        return DataTypes.createArrayType(type(depth - 1), random.nextBoolean());
      case 2:
        return DataTypes.createMapType(DataTypes.StringType, type(depth - 1), random.nextBoolean());
      case 3:
        return struct(depth - 1);
      default:
        return scalar();
    }
  }

  DataType scalar() {
    int n = withTimeAndIntervals ? 19 : 15;
    switch (random.nextInt(n)) {
      case 0: return DataTypes.BooleanType;
      case 1: return DataTypes.ByteType;
      case 2: return DataTypes.ShortType;
      case 3: return DataTypes.IntegerType;
      case 4: return DataTypes.LongType;
      case 5: return DataTypes.FloatType;
      case 6: return DataTypes.DoubleType;
      case 7: return DataTypes.StringType;
      case 8: return DataTypes.BinaryType;
      case 9: {
        int precision = 1 + random.nextInt(38);
        return DataTypes.createDecimalType(precision, random.nextInt(precision + 1));
      }
      case 10: return DataTypes.DateType;
      case 11: return DataTypes.TimestampType;
      case 12: return DataTypes.TimestampNTZType;
      case 13: return DataTypes.NullType;
      case 14: return DataTypes.createDecimalType(18, 4);
      case 15: return new TimeType(random.nextInt(7));
      case 16: return DataTypes.createDayTimeIntervalType();
      case 17: return DataTypes.createYearMonthIntervalType(YearMonthIntervalType.YEAR(),
          YearMonthIntervalType.YEAR());
      default: return DataTypes.createDayTimeIntervalType(DayTimeIntervalType.HOUR(), DayTimeIntervalType.SECOND());
    }
  }
}
