package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.types.IncompatibleSchemaException;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkToAvro} gives the schema spark-avro's {@code SchemaConverters.toAvroType} gives, for fixed and seeded
 * random Spark schemas, under several record names and namespaces: both JSONs parse (Apache Avro) to equal schemas.
 */
class SparkToAvroOracleTest {

  private static void assertSameAsSparkAvro(DataType type, boolean nullable, String name, String namespace) {
    org.apache.avro.Schema theirs = SchemaConverters.toAvroType(type, nullable, name, namespace);
    Schema ours = SparkToAvro.convert(type, nullable, name, namespace);
    org.apache.avro.Schema oursParsed = new org.apache.avro.Schema.Parser().parse(ours.toString());
    org.apache.avro.Schema theirsParsed = new org.apache.avro.Schema.Parser().parse(theirs.toString());
    assertThat(oursParsed).as("%s as %s.%s", type.sql(), namespace, name).isEqualTo(theirsParsed);
    assertThat(oursParsed.toString()).isEqualTo(theirsParsed.toString()); // properties and names spelled alike
  }

  @Test
  void everyTypeAtTopLevelAndNested() {
    StructType inner = new StructType()
        .add("d", DataTypes.createDecimalType(9, 2), true)
        .add("deep", new StructType().add("dd", DataTypes.createDecimalType(38, 0)).add("s", DataTypes.StringType));
    StructType schema = new StructType()
        .add("bool", DataTypes.BooleanType, false)
        .add("b", DataTypes.ByteType)
        .add("s", DataTypes.ShortType, false)
        .add("i", DataTypes.IntegerType)
        .add("l", DataTypes.LongType, false)
        .add("f", DataTypes.FloatType)
        .add("d", DataTypes.DoubleType)
        .add("str", DataTypes.StringType)
        .add("bin", DataTypes.BinaryType)
        .add("dec1", DataTypes.createDecimalType(1, 0))
        .add("dec18", DataTypes.createDecimalType(18, 6), false)
        .add("dec19", DataTypes.createDecimalType(19, 19))
        .add("dec38", DataTypes.createDecimalType(38, 10))
        .add("date", DataTypes.DateType)
        .add("ts", DataTypes.TimestampType)
        .add("ntz", DataTypes.TimestampNTZType, false)
        .add("nul", DataTypes.NullType)
        .add("arr", DataTypes.createArrayType(DataTypes.createDecimalType(5, 1), true))
        .add("arrOfStruct", DataTypes.createArrayType(inner, false))
        .add("map", DataTypes.createMapType(DataTypes.StringType, inner, true))
        .add("mapOfArr", DataTypes.createMapType(DataTypes.StringType,
            DataTypes.createArrayType(DataTypes.createDecimalType(4, 4)), false))
        .add("inner", inner, false)
        .add("time", new org.apache.spark.sql.types.TimeType(6))
        .add("time3", new org.apache.spark.sql.types.TimeType(3), false)
        .add("dti", DataTypes.createDayTimeIntervalType())
        .add("ymi", DataTypes.createYearMonthIntervalType(), false);
    assertSameAsSparkAvro(schema, false, "topLevelRecord", "");
    assertSameAsSparkAvro(schema, false, "Top", "com.example.data");
    assertSameAsSparkAvro(schema, true, "r", "ns");
    assertSameAsSparkAvro(schema, false, "a.b.Record", "ignored.namespace");
  }

  @Test
  void nonStructTypesAlone() {
    assertSameAsSparkAvro(DataTypes.createDecimalType(10, 3), true, "value", "");
    assertSameAsSparkAvro(DataTypes.createArrayType(DataTypes.StringType, true), false, "x", "y");
    assertSameAsSparkAvro(DataTypes.NullType, true, "x", "");
  }

  @Test
  void randomSchemas() {
    String[][] names = {{"topLevelRecord", ""}, {"rec", "org.lancaster"}, {"R", "a"}};
    for (int seed = 0; seed < 300; seed++) {
      RandomSparkTypes random = new RandomSparkTypes(seed, seed % 2 == 0);
      StructType schema = random.struct(3);
      String[] name = names[seed % names.length];
      assertSameAsSparkAvro(schema, false, name[0], name[1]);
    }
  }

  @Test
  void mapsWithOtherKeysHaveNoAvroType() {
    StructType schema = new StructType().add("m", DataTypes.createMapType(DataTypes.IntegerType,
        DataTypes.StringType));
    assertThatThrownBy(() -> SchemaConverters.toAvroType(schema, false, "r", ""))
        .hasMessageContaining("Unexpected type");
    assertThatThrownBy(() -> SparkToAvro.convert(schema, "r", ""))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("Unexpected type")
        .hasMessageContaining("r.m");
  }

  @Test
  void recordNamesAreAvroNames() {
    StructType schema = new StructType().add("a", DataTypes.IntegerType);
    assertThatThrownBy(() -> SparkToAvro.convert(schema, "my-record", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordName 'my-record'");
    assertThatThrownBy(() -> SparkToAvro.convert(schema, "r", "a..b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordNamespace 'a..b'");
    assertThat(SparkToAvro.convert(schema, "Données", "espace_1").fullName()).isEqualTo("espace_1.Données");
  }

  @Test
  void minBytesForPrecisionIsSparksFormula() {
    assertThat(SparkToAvro.minBytesForPrecision(1)).isEqualTo(1);
    assertThat(SparkToAvro.minBytesForPrecision(2)).isEqualTo(1);
    assertThat(SparkToAvro.minBytesForPrecision(3)).isEqualTo(2);
    assertThat(SparkToAvro.minBytesForPrecision(18)).isEqualTo(8);
    assertThat(SparkToAvro.minBytesForPrecision(19)).isEqualTo(9);
    assertThat(SparkToAvro.minBytesForPrecision(38)).isEqualTo(16);
  }
}
