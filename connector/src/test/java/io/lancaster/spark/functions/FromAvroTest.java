package io.lancaster.spark.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@code from_avro} of datums Apache Avro Java wrote gives what spark-avro's from_avro gives (rebuilt from Apache
 * Avro's reader and spark-avro's deserializer, see {@link SparkAvroOracle}): every type, random schemas, evolved
 * reader schemas, in generated code and interpreted; and malformed datums fail or give null as the mode says.
 */
class FromAvroTest {

  @Test
  void everyTypeDecodesAsSparkAvroDecodesIt() throws Exception {
    List<byte[]> datums = new ArrayList<>();
    for (GenericData.Record r : EveryType.data(300, 1)) {
      datums.add(SparkAvroOracle.write(EveryType.SCHEMA, r));
    }
    List<String> expected = new ArrayList<>();
    for (byte[] d : datums) {
      expected.add(CanonicalValues.of(SparkAvroOracle.fromAvro(d, EveryType.JSON, null, "CORRECTED")));
    }
    List<Object> generated = Frames.withConfs(Frames.GENERATED,
        () -> Frames.apply(datums, c -> AvroFunctions.from_avro(c, EveryType.JSON)));
    List<Object> interpreted = Frames.withConfs(Frames.INTERPRETED,
        () -> Frames.apply(datums, c -> AvroFunctions.from_avro(c, EveryType.JSON)));

    assertThat(CanonicalValues.of(generated)).containsExactlyElementsOf(expected);
    assertThat(CanonicalValues.of(interpreted)).containsExactlyElementsOf(expected);
    assertThat(String.join("\n", expected)).contains("NaNf", "-0.0d", "BD", "Timestamp:", "LocalDateTime:",
        "Date:", "\"GREEN\"", "{null, null, {");
  }

  @Test
  void runsInsideWholeStageGeneratedCode() {
    Dataset<Row> df = Frames.binary(List.of(new byte[] {2}));
    String plan = df.select(AvroFunctions.from_avro(df.col("value"), "\"int\""),
        AvroFunctions.to_avro(df.col("value"))).queryExecution().executedPlan().toString();
    assertThat(plan).containsPattern("\\*\\(\\d+\\) Project \\[from_avro\\(value#\\d+, \"int\"\\) AS .*to_avro");
  }

  @Test
  void theResultTypeIsSparkAvros() {
    Dataset<Row> df = Frames.binary(List.of());
    DataType ours = df.select(AvroFunctions.from_avro(df.col("value"), EveryType.JSON)).schema().fields()[0]
        .dataType();
    assertThat(ours).isEqualTo(SparkAvroOracle.sqlType(EveryType.JSON, false, "member_", -1));
    DataType permissive = df.select(AvroFunctions.from_avro(df.col("value"), EveryType.JSON,
        Map.of("mode", "PERMISSIVE"))).schema().fields()[0].dataType();
    assertThat(permissive.catalogString()).isEqualTo(ours.catalogString());
    assertThat(((StructType) permissive).fields()).allMatch(f -> f.nullable());
    assertThat(((StructType) ours).apply("i").nullable()).isFalse();
  }

  @Test
  void randomSchemasDecodeAsSparkAvroDecodesThem() {
    RandomSchemas schemas = new RandomSchemas(RandomSchemas.Options.DEFAULT.withLogicalTypes(false)
        .withRecursion(false).withRecordPercent(60));
    RandomData data = new RandomData(4, 6);
    int compared = 0;
    int beyondSparkAvro = 0;
    for (int seed = 0; seed < 30; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      String json = schema.toString();
      org.apache.avro.Schema apache = AvroJava.toAvro(schema);
      List<byte[]> datums = new ArrayList<>();
      for (int k = 0; k < 15; k++) {
        datums.add(AvroJava.writeAvro(apache, AvroJava.toAvroDatum(schema, data.next(schema, random)), false));
      }
      List<String> expected = new ArrayList<>();
      try {
        for (byte[] d : datums) {
          expected.add(CanonicalValues.of(SparkAvroOracle.fromAvro(d, json, null, "CORRECTED")));
        }
      } catch (Exception e) {
        // spark-avro cannot decode a top-level union of several types (it takes their struct for a record).
        assertThat(e).as("seed %d", seed).isInstanceOf(org.apache.spark.sql.avro.IncompatibleSchemaException.class);
        assertThat(json).as("seed %d", seed).startsWith("[");
        assertThat(Frames.apply(datums, c -> AvroFunctions.from_avro(c, json))).hasSize(datums.size());
        beyondSparkAvro++;
        continue;
      }
      List<Object> ours = Frames.apply(datums, c -> AvroFunctions.from_avro(c, json));
      assertThat(CanonicalValues.of(ours)).as("seed %d: %s", seed, json).containsExactlyElementsOf(expected);
      compared++;
    }
    assertThat(compared).isGreaterThan(20);
    assertThat(beyondSparkAvro).isPositive();
  }

  @Test
  void anEvolvedReaderSchemaResolvesAsApacheAvroResolves() {
    String v1 = """
        {"type":"record","name":"User","namespace":"t","fields":[
          {"name":"id","type":"int"},
          {"name":"name","type":"string"},
          {"name":"dropped","type":{"type":"array","items":"double"}},
          {"name":"score","type":"float"},
          {"name":"tier","type":{"type":"enum","name":"Tier","symbols":["GOLD","SILVER"]}}]}""";
    String v2 = """
        {"type":"record","name":"User","namespace":"t","fields":[
          {"name":"id","type":"long"},
          {"name":"full_name","type":"string","aliases":["name"]},
          {"name":"score","type":"double"},
          {"name":"tier","type":{"type":"enum","name":"Tier","symbols":["BRONZE","SILVER","GOLD"]}},
          {"name":"email","type":["null","string"],"default":null},
          {"name":"tags","type":{"type":"array","items":"string"},"default":["new"]}]}""";
    org.apache.avro.Schema writer = SparkAvroOracle.parse(v1);
    List<byte[]> datums = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      GenericData.Record r = new GenericData.Record(writer);
      r.put("id", k * 1000 - 1);
      r.put("name", "user " + k);
      r.put("dropped", List.of(1.5 * k, -0.0));
      r.put("score", k / 3f);
      r.put("tier", new GenericData.EnumSymbol(writer.getField("tier").schema(), k % 2 == 0 ? "GOLD" : "SILVER"));
      byte[] bytes = SparkAvroOracle.write(writer, r);
      datums.add(bytes);
      expected.add(CanonicalValues.of(SparkAvroOracle.fromAvro(bytes, v1, v2, "CORRECTED")));
    }
    List<Object> ours = Frames.apply(datums, c -> AvroFunctions.from_avro(c, v1, Map.of("avroSchema", v2)));

    assertThat(CanonicalValues.of(ours)).containsExactlyElementsOf(expected);
    assertThat(expected.get(1)).isEqualTo("{Long:999, \"user 1\", 0.3333333432674408d, \"SILVER\", null, [\"new\"]}");
  }

  @Test
  void aWriterSchemaTheReaderCannotReadFailsWhenTheColumnIsMade() {
    String writer = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    String reader = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    assertThatThrownBy(() -> AvroFunctions.from_avro(Frames.binary(List.of()).col("value"), writer,
        Map.of("avroSchema", reader)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be read with the reader schema");
  }

  @Test
  void garbageFailsTheQueryInFailFastMode() {
    String json = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"s\",\"type\":\"string\"}]}";
    List<byte[]> datums = List.of(new byte[] {2, 'o', 'k'}, new byte[] {(byte) 0x80}, new byte[] {40, 1});
    assertThatThrownBy(() -> Frames.apply(datums, c -> AvroFunctions.from_avro(c, json)))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("MALFORMED_RECORD_IN_PARSING")
        .hasStackTraceContaining("from_avro")
        .hasStackTraceContaining("PERMISSIVE");
  }

  @Test
  void garbageGivesAStructOfNullsOrNullInPermissiveMode() {
    String record = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"s\",\"type\":\"string\"},"
        + "{\"name\":\"i\",\"type\":\"int\"}]}";
    List<byte[]> datums = List.of(new byte[] {2, 'o', 2}, new byte[] {(byte) 0x80}, new byte[] {40, 1}, new byte[0]);
    Map<String, String> permissive = Map.of("mode", "PERMISSIVE");

    List<Object> records = Frames.apply(datums, c -> AvroFunctions.from_avro(c, record, permissive));
    List<Object> strings = Frames.apply(datums, c -> AvroFunctions.from_avro(c, "\"string\"", permissive));

    // As spark-avro: a malformed record gives a row of nulls, a malformed value of any other type null.
    assertThat(CanonicalValues.of(records)).containsExactly("{\"o\", Integer:1}", "{null, null}", "{null, null}",
        "{null, null}");
    assertThat(CanonicalValues.of(strings)).containsExactly("\"o\"", "null", "null", "null");
  }

  @Test
  void bytesAfterTheDatumAreIgnoredAsSparkAvroIgnoresThem() {
    // Data written with a schema that appended a field, read with the old one (spark-avro's behaviour).
    List<Object> ours = Frames.apply(List.of(new byte[] {4, 2, 'x'}), c -> AvroFunctions.from_avro(c, "\"int\""));
    assertThat(ours).containsExactly(2);
  }

  @Test
  void dropMalformedIsRefusedAsSparkAvroRefusesIt() {
    Column data = Frames.binary(List.of()).col("value");
    assertThatThrownBy(() -> AvroFunctions.from_avro(data, "\"int\"", Map.of("mode", "DROPMALFORMED")))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("PARSE_MODE_UNSUPPORTED");
  }

  @Test
  void nullInputGivesNull() {
    List<byte[]> datums = new ArrayList<>();
    datums.add(null);
    datums.add(new byte[] {6});
    assertThat(Frames.apply(datums, c -> AvroFunctions.from_avro(c, "\"int\""))).containsExactly(null, 3);
  }

  @Test
  void datesBeforeTheCalendarSwitchFollowTheRebaseModeAsInSparkAvro() throws Exception {
    String json = "{\"type\":\"int\",\"logicalType\":\"date\"}";
    int ancient = -200_000; // 1422
    byte[] datum = SparkAvroOracle.write(SparkAvroOracle.parse(json), ancient);

    Object legacy = Frames.apply(List.of(datum), c -> AvroFunctions.from_avro(c, json,
        Map.of("datetimeRebaseMode", "LEGACY"))).get(0);
    Object corrected = Frames.withConfs(Map.of(DecodeOptions.REBASE_MODE_CONF, "CORRECTED"),
        () -> Frames.apply(List.of(datum), c -> AvroFunctions.from_avro(c, json)).get(0));

    assertThat(CanonicalValues.of(legacy)).isEqualTo(CanonicalValues.of(
        SparkAvroOracle.fromAvro(datum, json, null, "LEGACY")));
    assertThat(CanonicalValues.of(corrected)).isEqualTo(CanonicalValues.of(
        SparkAvroOracle.fromAvro(datum, json, null, "CORRECTED")));
    assertThat(CanonicalValues.of(legacy)).isNotEqualTo(CanonicalValues.of(corrected));
    assertThatThrownBy(() -> Frames.apply(List.of(datum), c -> AvroFunctions.from_avro(c, json,
        Map.of("datetimeRebaseMode", "EXCEPTION"))))
        .hasStackTraceContaining("INCONSISTENT_BEHAVIOR_CROSS_VERSION");
  }
}
