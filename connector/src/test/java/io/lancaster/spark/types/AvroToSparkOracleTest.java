package io.lancaster.spark.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.RandomSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.NameValidator;
import org.apache.spark.sql.avro.SchemaConverters;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link AvroToSpark} with spark-avro's {@code SchemaConverters.toSqlType} (in Spark's jar) over random
 * schemas and a list of tricky ones, under several option sets: same type and nullability, or both fail.
 */
class AvroToSparkOracleTest {

  private static final List<TypeMappingOptions> OPTIONS = List.of(
      TypeMappingOptions.DEFAULT,
      TypeMappingOptions.DEFAULT.withStableUnionIds(true),
      TypeMappingOptions.DEFAULT.withStableUnionIds(true).withStableIdPrefix(""),
      TypeMappingOptions.DEFAULT.withStableUnionIds(true).withStableIdPrefix("u_"),
      TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(0),
      TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(1),
      TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(2),
      TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(3).withStableUnionIds(true));

  @BeforeAll
  static void registerSparkLogicalTypes() throws ClassNotFoundException {
    // spark-avro registers custom-decimal with Apache Avro when its file format loads; schemas parsed after that
    // see it, as every schema spark-avro reads does.
    Class.forName("org.apache.spark.sql.avro.AvroFileFormat$");
  }

  @Test
  void randomSchemasMapAsSparkAvroMapsThem() {
    RandomSchemas schemas = new RandomSchemas(RandomSchemas.Options.DEFAULT.withRecordPercent(80));
    int compared = 0;
    int failedAlike = 0;
    for (int seed = 0; seed < 600; seed++) {
      String json = schemas.nextJson(new Random(seed));
      for (TypeMappingOptions o : OPTIONS) {
        failedAlike += compare("seed " + seed, json, o) ? 0 : 1;
        compared++;
      }
    }
    assertThat(compared - failedAlike).as("comparisons where both mapped the schema").isGreaterThan(compared / 2);
    assertThat(failedAlike).as("comparisons where both rejected the schema").isPositive();
  }

  @Test
  void trickySchemasMapAsSparkAvroMapsThem() {
    for (String json : trickySchemas()) {
      for (TypeMappingOptions o : OPTIONS) {
        compare("tricky", json, o);
      }
    }
  }

  @Test
  void fixedDecimalsAreValidExactlyWhereApacheAvroSaysSo() {
    for (int size = 0; size <= 40; size++) {
      int max = LogicalType.Decimal.maxPrecision(size);
      for (int precision : new int[] {max, max + 1}) {
        if (precision < 1 || precision > 38) {
          continue;
        }
        String json = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":" + size + ",\"logicalType\":\"decimal\","
            + "\"precision\":" + precision + ",\"scale\":0}";
        compare("fixed " + size, json, TypeMappingOptions.DEFAULT);
      }
    }
  }

  @Test
  void recursionCutDropsTheFieldAtTheConfiguredDepth() {
    Schema list = Schema.parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"},"
        + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}");
    StructType leaf = new StructType().add("v", DataTypes.IntegerType, false);
    assertThat(AvroToSpark.toStructType(list, TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(1)))
        .isEqualTo(leaf);
    assertThat(AvroToSpark.toStructType(list, TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(2)))
        .isEqualTo(new StructType().add("v", DataTypes.IntegerType, false).add("next", leaf, true));
    assertThatThrownBy(() -> AvroToSpark.toStructType(list, TypeMappingOptions.DEFAULT))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("Node")
        .hasMessageContaining("`recursiveFieldMaxDepth` to 1 - 15");
  }

  @Test
  void nonRecordTopLevelSchemasReadAsOneValueColumn() {
    assertThat(AvroToSpark.toStructType(Schema.parse("[\"null\",\"bytes\"]"), TypeMappingOptions.DEFAULT))
        .isEqualTo(new StructType().add("value", DataTypes.BinaryType, true));
    assertThat(AvroToSpark.toStructType(Schema.parse("\"string\""), TypeMappingOptions.DEFAULT))
        .isEqualTo(new StructType().add("value", DataTypes.StringType, false));
  }

  /**
   * Maps {@code json} with both and checks they agree; returns whether they mapped it (false: both failed).
   * Non-record schemas are compared as spark-avro's type and as Lancaster's {@code value} column.
   */
  private static boolean compare(String what, String json, TypeMappingOptions o) {
    String context = what + " " + o + ": " + json;
    Schema ours = new SchemaParser().parse(json);
    org.apache.avro.Schema theirs =
        new org.apache.avro.Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(json);
    SchemaConverters.SchemaType expected;
    try {
      expected = SchemaConverters.toSqlType(theirs, o.stableUnionIds(), o.stableIdPrefix(),
          o.recursiveFieldMaxDepth());
    } catch (Exception | AssertionError e) {
      assertThatThrownBy(() -> AvroToSpark.toStructType(ours, o))
          .as("spark-avro fails with %s; %s", e, context)
          .isInstanceOf(IncompatibleSchemaException.class);
      return false;
    }
    SparkType actual;
    StructType struct;
    try {
      actual = AvroToSpark.toSparkType(ours, o);
      struct = AvroToSpark.toStructType(ours, o);
    } catch (RuntimeException e) {
      throw new AssertionError("spark-avro maps to " + expected + " but we fail; " + context, e);
    }
    assertThat(actual.dataType()).as(context).isEqualTo(expected.dataType());
    assertThat(actual.nullable()).as(context).isEqualTo(expected.nullable());
    StructType columns = ours instanceof RecordSchema ? (StructType) expected.dataType()
        : new StructType(new StructField[] {DataTypes.createStructField("value", expected.dataType(),
            expected.nullable())});
    assertThat(struct).as(context).isEqualTo(columns);
    return true;
  }

  private static List<String> trickySchemas() {
    List<String> s = new ArrayList<>();
    // primitives and every logical type, valid or not
    for (String p : List.of("null", "boolean", "int", "long", "float", "double", "bytes", "string")) {
      s.add("\"" + p + "\"");
    }
    for (String lt : List.of("date", "time-millis", "time-micros", "timestamp-millis", "timestamp-micros",
        "timestamp-nanos", "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos", "uuid",
        "big-decimal", "decimal", "duration", "custom-decimal", "no-such-type")) {
      for (String t : List.of("int", "long", "string", "bytes")) {
        s.add("{\"type\":\"" + t + "\",\"logicalType\":\"" + lt + "\"}");
      }
      s.add("{\"type\":\"fixed\",\"name\":\"F12\",\"size\":12,\"logicalType\":\"" + lt + "\"}");
      s.add("{\"type\":\"fixed\",\"name\":\"F16\",\"size\":16,\"logicalType\":\"" + lt + "\"}");
    }
    // decimals: valid, too precise for Spark, invalid parameters
    for (String params : List.of("\"precision\":10,\"scale\":2", "\"precision\":10", "\"precision\":38,\"scale\":38",
        "\"precision\":39,\"scale\":2", "\"precision\":4,\"scale\":6", "\"precision\":0", "\"precision\":-3",
        "\"precision\":5,\"scale\":-1", "\"precision\":\"10\"", "\"precision\":10.0", "\"precision\":3000000000",
        "\"scale\":2", "\"precision\":5,\"scale\":null", "\"precision\":5,\"scale\":\"1\"")) {
      s.add("{\"type\":\"bytes\",\"logicalType\":\"decimal\"," + params + "}");
      s.add("{\"type\":\"fixed\",\"name\":\"F\",\"size\":8,\"logicalType\":\"decimal\"," + params + "}");
      s.add("{\"type\":\"long\",\"logicalType\":\"custom-decimal\"," + params + "}");
      s.add("{\"type\":\"int\",\"logicalType\":\"custom-decimal\"," + params + "}");
    }
    s.add("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4,\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}");
    s.add("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4,\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}");
    s.add("{\"type\":\"fixed\",\"name\":\"F\",\"size\":0,\"logicalType\":\"decimal\",\"precision\":1}");
    s.add("{\"type\":\"long\",\"logicalType\":\"custom-decimal\",\"precision\":18,\"scale\":4,\"className\":\"x\"}");
    // a Java binding property makes Apache Avro ignore the logical type
    for (String binding : List.of("avro.java.string", "java-class", "java-key-class", "java-element-class")) {
      s.add("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\",\"" + binding + "\":\"java.util.Date\"}");
      s.add("{\"type\":\"int\",\"logicalType\":\"date\",\"" + binding + "\":\"x\"}");
      s.add("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"" + binding + "\":\"x\"}");
      s.add("{\"type\":\"long\",\"logicalType\":\"custom-decimal\",\"precision\":5,\"scale\":1,\"" + binding
          + "\":\"x\"}");
      s.add("{\"type\":\"long\",\"logicalType\":\"timestamp-micros\",\"" + binding + "\":5}"); // not a string
    }
    // Spark's catalyst-type property
    for (String sql : List.of("interval year to month", "interval day to second", "smallint", "time(3)", "time(6)",
        "bigint", "string", "decimal(10,2)", "not a type ((", "")) {
      for (String base : List.of("\"int\"", "\"long\"", "\"int\",\"logicalType\":\"date\"",
          "\"int\",\"logicalType\":\"time-millis\"", "\"long\",\"logicalType\":\"time-micros\"",
          "\"long\",\"logicalType\":\"timestamp-millis\"", "\"long\",\"logicalType\":\"local-timestamp-micros\"",
          "\"long\",\"logicalType\":\"custom-decimal\",\"precision\":9,\"scale\":1", "\"string\"", "\"bytes\"")) {
        s.add("{\"type\":" + base + ",\"spark.sql.catalyst.type\":\"" + sql + "\"}");
      }
    }
    s.add("{\"type\":\"int\",\"spark.sql.catalyst.type\":5}");
    s.add("{\"type\":\"long\",\"spark.sql.catalyst.type\":{\"x\":1}}");
    // named and nested types
    s.add("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");
    s.add("{\"type\":\"record\",\"name\":\"Empty\",\"fields\":[]}");
    s.add("{\"type\":\"array\",\"items\":[\"null\",\"int\"]}");
    s.add("{\"type\":\"map\",\"values\":[\"null\",{\"type\":\"array\",\"items\":\"string\"}]}");
    s.add(record("{\"name\":\"a\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"map\",\"values\":\"null\"}}},"
        + "{\"name\":\"r\",\"type\":{\"type\":\"record\",\"name\":\"In\",\"fields\":[{\"name\":\"x\","
        + "\"type\":[\"int\",\"null\"]}]}},{\"name\":\"r2\",\"type\":[\"In\",\"null\"]}"));
    // unions, with null anywhere
    for (String u : List.of("[]", "[\"null\"]", "[\"int\"]", "[\"null\",\"int\"]", "[\"int\",\"null\"]",
        "[\"int\",\"long\"]", "[\"long\",\"int\"]", "[\"long\",\"int\",\"null\"]", "[\"null\",\"float\",\"double\"]",
        "[\"double\",\"float\"]", "[\"int\",\"double\"]", "[\"int\",\"long\",\"string\"]",
        "[\"null\",\"int\",\"string\"]", "[\"string\",\"null\",\"int\"]", "[\"boolean\",\"bytes\",\"null\"]",
        "[{\"type\":\"int\",\"logicalType\":\"date\"},\"long\"]",
        "[{\"type\":\"int\",\"logicalType\":\"date\"},{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}]",
        "[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}]",
        "[{\"type\":\"int\",\"spark.sql.catalyst.type\":\"not a type ((\"},\"long\"]",
        "[{\"type\":\"int\",\"spark.sql.catalyst.type\":\"not a type ((\"},\"string\"]",
        "[{\"type\":\"float\"},\"double\",\"null\"]",
        "[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"int\"]},{\"type\":\"map\",\"values\":\"long\"}]",
        "[{\"type\":\"enum\",\"name\":\"a.E\",\"symbols\":[\"X\"]},{\"type\":\"fixed\",\"name\":\"b.F\",\"size\":2},"
            + "{\"type\":\"record\",\"name\":\"c.R\",\"fields\":[]},\"null\",\"string\"]",
        // stable ids: the same simple name, or names equal but for case, conflict
        "[{\"type\":\"fixed\",\"name\":\"a.X\",\"size\":2},{\"type\":\"fixed\",\"name\":\"b.X\",\"size\":3}]",
        "[{\"type\":\"record\",\"name\":\"Int\",\"fields\":[]},\"int\"]",
        "[{\"type\":\"record\",\"name\":\"Array\",\"fields\":[]},{\"type\":\"array\",\"items\":\"int\"}]",
        "[{\"type\":\"record\",\"name\":\"a.Map\",\"fields\":[]},\"null\",\"string\"]")) {
      s.add(u);
      s.add(record("{\"name\":\"u\",\"type\":" + u + "}"));
      s.add("{\"type\":\"array\",\"items\":" + u + "}");
    }
    // recursion: direct, mutual, through arrays, maps and unions of several branches
    String node = "{\"type\":\"record\",\"name\":\"ns.Node\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"},"
        + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}";
    s.add(node);
    s.add(record("{\"name\":\"n\",\"type\":" + node + "},{\"name\":\"m\",\"type\":[\"ns.Node\",\"null\"]}"));
    s.add("{\"type\":\"record\",\"name\":\"Tree\",\"fields\":[{\"name\":\"kids\",\"type\":{\"type\":\"array\","
        + "\"items\":\"Tree\"}},{\"name\":\"byName\",\"type\":{\"type\":\"map\",\"values\":\"Tree\"}},"
        + "{\"name\":\"v\",\"type\":\"string\"}]}");
    s.add("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":[\"null\",{\"type\":\"record\","
        + "\"name\":\"B\",\"fields\":[{\"name\":\"a\",\"type\":[\"null\",\"A\"]},"
        + "{\"name\":\"x\",\"type\":\"long\"}]}]},"
        + "{\"name\":\"b2\",\"type\":[\"B\",\"null\"]}]}");
    s.add("{\"type\":\"record\",\"name\":\"U\",\"fields\":[{\"name\":\"x\",\"type\":[\"null\",\"U\",\"string\"]},"
        + "{\"name\":\"y\",\"type\":[\"U\",\"int\"]},{\"name\":\"z\",\"type\":[\"U\"]},"
        + "{\"name\":\"w\",\"type\":[\"int\",\"U\",{\"type\":\"array\",\"items\":\"U\"}]}]}");
    s.add("[\"null\",\"string\"," + node + "]");
    return s;
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Top\",\"namespace\":\"t\",\"fields\":[" + fields + "]}";
  }
}
