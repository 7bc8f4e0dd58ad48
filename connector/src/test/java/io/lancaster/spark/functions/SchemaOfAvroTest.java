package io.lancaster.spark.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.testing.RandomSchemas;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.junit.jupiter.api.Test;

/**
 * {@code schema_of_avro} gives spark-avro's string: the SQL form of {@code SchemaConverters.toSqlType}'s type, made
 * nullable in PERMISSIVE mode, under the union naming and recursion options.
 */
class SchemaOfAvroTest {
  static final String RECURSIVE = """
      {"type":"record","name":"Node","fields":[
        {"name":"v","type":"int"},
        {"name":"next","type":["null","Node"]}]}""";

  static String sparkAvro(String json, Map<String, String> options) {
    boolean stable = Boolean.parseBoolean(options.getOrDefault("enableStableIdentifiersForUnionType", "false"));
    DataType t = SparkAvroOracle.sqlType(json, stable,
        options.getOrDefault("stableIdentifierPrefixForUnionType", "member_"),
        Integer.parseInt(options.getOrDefault("recursiveFieldMaxDepth", "-1")));
    return "PERMISSIVE".equals(options.get("mode")) ? t.asNullable().sql() : t.sql();
  }

  static String ours(String json, Map<String, String> options) {
    Row row = Frames.spark().range(1).select(AvroFunctions.schema_of_avro(json, options)).first();
    return row.getString(0);
  }

  @Test
  void everyTypeAndEveryOptionAsSparkAvro() {
    List<Map<String, String>> optionSets = List.of(Map.of(), Map.of("mode", "PERMISSIVE"),
        Map.of("enableStableIdentifiersForUnionType", "true"),
        Map.of("enableStableIdentifiersForUnionType", "true", "stableIdentifierPrefixForUnionType", "u_"));
    for (Map<String, String> o : optionSets) {
      assertThat(ours(EveryType.JSON, o)).as(o.toString()).isEqualTo(sparkAvro(EveryType.JSON, o));
    }
    assertThat(ours(EveryType.JSON, Map.of())).startsWith("STRUCT<n: VOID, b: BOOLEAN NOT NULL")
        .contains("multi: STRUCT<member0: INT, member1: STRING, member2: STRUCT<x: INT NOT NULL>>");
  }

  @Test
  void recursiveSchemasFollowRecursiveFieldMaxDepth() {
    for (String depth : List.of("1", "2", "3")) {
      Map<String, String> o = Map.of("recursiveFieldMaxDepth", depth);
      assertThat(ours(RECURSIVE, o)).as(depth).isEqualTo(sparkAvro(RECURSIVE, o));
    }
    assertThat(ours(RECURSIVE, Map.of("recursiveFieldMaxDepth", "2")))
        .isEqualTo("STRUCT<v: INT NOT NULL, next: STRUCT<v: INT NOT NULL>>");
  }

  @Test
  void randomSchemasAsSparkAvro() {
    RandomSchemas schemas = new RandomSchemas(RandomSchemas.Options.DEFAULT.withRecursion(false)
        .withRecordPercent(90));
    int compared = 0;
    for (int seed = 0; seed < 60; seed++) {
      String json = schemas.nextJson(new Random(seed));
      String expected;
      try {
        expected = sparkAvro(json, Map.of());
      } catch (Exception e) {
        continue; // a schema Spark has no type for (e.g. a decimal of more than 38 digits)
      }
      assertThat(AvroFunctions.schemaOfAvro(json, Map.of())).as("seed %d: %s", seed, json).isEqualTo(expected);
      compared++;
    }
    assertThat(compared).isGreaterThan(40);
  }

  @Test
  void theAvroSchemaOptionIsTheSchemaDescribed() {
    String reader = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}";
    String writer = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    assertThat(ours(writer, Map.of("avroSchema", reader))).isEqualTo("STRUCT<a: BIGINT NOT NULL>");
  }
}
