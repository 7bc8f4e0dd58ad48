package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.spark.testing.LocalSpark;
import io.lancaster.spark.types.IncompatibleSchemaException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing with a user's output schema ({@code avroSchema}): every conversion spark-avro's serializer makes, field
 * matching by name and by position, the errors found before any task runs and the data errors of a write.
 */
class OutputSchemaWriteTest {
  private static final String SCHEMA = """
      {"type":"record","name":"Out","namespace":"com.example","fields":[
        {"name":"id","type":"long"},
        {"name":"color","type":{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}},
        {"name":"hash","type":{"type":"fixed","name":"Hash","size":4}},
        {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"tsPlain","type":"long"},
        {"name":"ntz","type":{"type":"long","logicalType":"local-timestamp-millis"}},
        {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
        {"name":"big","type":["null",{"type":"bytes","logicalType":"decimal","precision":30,"scale":5}]},
        {"name":"small","type":{"type":"fixed","name":"Small","size":3,"logicalType":"decimal","precision":4,
          "scale":1}},
        {"name":"name","type":["string","null"]},
        {"name":"note","type":["null","string"]},
        {"name":"n","type":["null","int","long"]},
        {"name":"x","type":["float","double"]},
        {"name":"u","type":["null","int","string",{"type":"array","items":"Color"}]},
        {"name":"day","type":"int"},
        {"name":"extra","type":["null","string"],"default":null},
        {"name":"inner","type":{"type":"record","name":"In","fields":[{"name":"Z","type":["null","Color"]}]}}
      ]}""";

  @TempDir Path dir;

  private static Dataset<Row> frame() {
    return LocalSpark.session().range(0, 300, 1, 2).selectExpr(
        "id",
        "element_at(array('RED', 'GREEN', 'BLUE'), cast(id % 3 + 1 as int)) as color",
        "cast(concat('h', cast(id % 900 + 100 as string)) as binary) as hash",
        "timestamp_micros(1700000000123456 + id * 1000001 - 3000000000000) as ts",
        "timestamp_micros(-1234567 * id) as tsPlain",
        "cast(timestamp_micros(1600000000999999 + id) as timestamp_ntz) as ntz",
        "cast((id - 150) * 1.25 as decimal(10,2)) as amount",
        "if(id % 4 = 0, null, cast((id - 7) * 123456789012.12345 as decimal(30,5))) as big",
        "cast((id % 200 - 100) / 10 as decimal(4,1)) as small",
        "if(id % 5 = 0, null, concat('name', id)) as name",
        "if(id % 3 = 0, null, 'note') as note",
        "if(id % 7 = 0, null, id * 3000000000) as n",
        "id / 3 as x",
        "named_struct('member0', if(id % 3 = 0, cast(id as int), null), 'member1', if(id % 3 = 1, "
            + "string(id), null), 'member2', if(id % 3 = 2, array('RED', 'BLUE'), null)) as u",
        "date_add(date'2000-01-01', cast(id as int)) as day",
        "named_struct('z', if(id % 2 = 0, null, 'BLUE')) as inner");
  }

  private Path write(String format, Dataset<Row> df, Map<String, String> options, String name) {
    Path out = dir.resolve(name);
    df.write().format(format).option("avroSchema", SCHEMA).options(options).save(out.toString());
    return out;
  }

  @Test
  void everyConversionAsSparkAvro() {
    Path ours = write(WriteTests.LANCASTER, frame(), Map.of(), "ours");
    Path theirs = write(LocalSpark.SPARK_AVRO, frame(), Map.of(), "theirs");
    WriteTests.ApacheRead a = WriteTests.readApache(ours);
    WriteTests.ApacheRead b = WriteTests.readApache(theirs);
    org.apache.avro.Schema expected = new org.apache.avro.Schema.Parser().parse(SCHEMA);
    assertThat(a.schemas()).allSatisfy(s -> assertThat(s).isEqualTo(expected));
    assertThat(WriteTests.sorted(a.records())).hasSize(300).isEqualTo(WriteTests.sorted(b.records()));

    GenericRecord r = a.records().stream().filter(x -> (Long) x.get("id") == 4L).findFirst().orElseThrow();
    assertThat(r.get("color").toString()).isEqualTo("GREEN");
    assertThat(((GenericData.Fixed) r.get("hash")).bytes()).isEqualTo("h104".getBytes());
    assertThat(r.get("ts")).isEqualTo((1700000000123456L + 4 * 1000001 - 3000000000000L) / 1000);
    assertThat(r.get("tsPlain")).isEqualTo(Math.floorDiv(-1234567L * 4, 1000L));
    assertThat(r.get("ntz")).isEqualTo((1600000000999999L + 4) / 1000);
    assertThat(r.get("amount")).isEqualTo(ByteBuffer.wrap(java.math.BigInteger.valueOf(-18250).toByteArray()));
    assertThat(r.get("name")).isEqualTo(new Utf8("name4"));
    assertThat(r.get("n")).isEqualTo(12000000000L);
    assertThat(r.get("x")).isEqualTo(4 / 3.0);
    assertThat(r.get("u")).isEqualTo(new Utf8("4"));
    assertThat(r.get("extra")).isNull();
    assertThat(((GenericRecord) r.get("inner")).get("Z")).isNull();

    // spark-avro reads Lancaster's files as its own
    assertThat(WriteTests.canonical(LocalSpark.session().read().format(LocalSpark.SPARK_AVRO)
        .load(ours.toString()).collectAsList()))
        .isEqualTo(WriteTests.canonical(LocalSpark.session().read().format(LocalSpark.SPARK_AVRO)
            .load(theirs.toString()).collectAsList()));
  }

  @Test
  void caseSensitiveMatchingFollowsTheConf() throws Exception {
    Dataset<Row> df = frame().withColumnRenamed("id", "ID");
    write(WriteTests.LANCASTER, df, Map.of(), "insensitive");
    assertThat(WriteTests.readApache(dir.resolve("insensitive")).records()).hasSize(300);
    WriteTests.withConfs(Map.of("spark.sql.caseSensitive", "true"), () -> {
      assertThatThrownBy(() -> write(WriteTests.LANCASTER, df, Map.of(), "sensitive"))
          .isInstanceOf(IncompatibleSchemaException.class)
          .hasMessageContaining("Cannot find field 'ID' in Avro schema");
      return null;
    });
  }

  @Test
  void positionalFieldMatching() {
    String schema = """
        {"type":"record","name":"P","fields":[
          {"name":"first","type":"long"},
          {"name":"second","type":["null","string"]},
          {"name":"third","type":{"type":"record","name":"Q","fields":[{"name":"q1","type":"int"}]}}]}""";
    Dataset<Row> df = LocalSpark.session().range(5).selectExpr("id as a", "string(id) as b",
        "named_struct('c', cast(id as int)) as c");
    assertThatThrownBy(() -> df.write().format(WriteTests.LANCASTER).option("avroSchema", schema)
        .save(dir.resolve("byName").toString()))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("Cannot find field 'a' in Avro schema");
    Path ours = dir.resolve("ours");
    Path theirs = dir.resolve("theirs");
    df.write().format(WriteTests.LANCASTER).option("avroSchema", schema).option("positionalFieldMatching", "true")
        .save(ours.toString());
    df.write().format(LocalSpark.SPARK_AVRO).option("avroSchema", schema).option("positionalFieldMatching", "true")
        .save(theirs.toString());
    assertThat(WriteTests.sorted(WriteTests.readApache(ours).records())).hasSize(5)
        .isEqualTo(WriteTests.sorted(WriteTests.readApache(theirs).records()));
    assertThatThrownBy(() -> df.selectExpr("a", "b").write().format(WriteTests.LANCASTER)
        .option("avroSchema", schema).option("positionalFieldMatching", "true").save(dir.resolve("short").toString()))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("Found field 'third' at position 2 of top-level record");
  }

  @Test
  void recordNameAndNamespace() {
    Dataset<Row> df = LocalSpark.session().range(3).selectExpr("id", "named_struct('d', cast(id as decimal(5,2))) "
        + "as s");
    df.write().format(WriteTests.LANCASTER).option("recordName", "Event").option("recordNamespace", "org.acme")
        .save(dir.resolve("ours").toString());
    df.write().format(LocalSpark.SPARK_AVRO).option("recordName", "Event").option("recordNamespace", "org.acme")
        .save(dir.resolve("theirs").toString());
    org.apache.avro.Schema ours = WriteTests.readApache(dir.resolve("ours")).schemas().get(0);
    assertThat(ours.getFullName()).isEqualTo("org.acme.Event");
    assertThat(ours.getField("s").schema().getFullName()).isEqualTo("org.acme.Event.s");
    assertThat(ours).isEqualTo(WriteTests.readApache(dir.resolve("theirs")).schemas().get(0));
  }

  @Test
  void schemaErrorsComeBeforeAnyTaskAndNameTheField() {
    String[][] cases = {
        {"{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"s\",\"type\":{\"type\":\"record\",\"name\":\"S\",\"fields\":["
            + "{\"name\":\"t\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}},"
            + "{\"name\":\"d\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,"
            + "\"scale\":2}}]}},"
            + "{\"name\":\"required\",\"type\":\"string\"}]}",
            "Found field 'required' in Avro schema but there is no match in the SQL schema"},
        {"{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}",
            "Cannot find field 's' in Avro schema"},
        {"{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
            + "{\"name\":\"s\",\"type\":{\"type\":\"record\",\"name\":\"S\",\"fields\":[]}}]}",
            "Cannot convert SQL field 'id' to Avro field 'id' because schema is incompatible (sqlType = BIGINT, "
                + "avroType = \"int\")"},
        {"{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"s\",\"type\":{\"type\":\"record\",\"name\":\"S\",\"fields\":["
            + "{\"name\":\"t\",\"type\":{\"type\":\"long\",\"logicalType\":\"local-timestamp-micros\"}},"
            + "{\"name\":\"d\",\"type\":\"string\"}]}}]}",
            "Cannot convert SQL field 's.t' to Avro field 's.t' because SQL type TIMESTAMP cannot be converted to "
                + "Avro logical type local-timestamp-micros"},
        {"{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"s\",\"type\":{\"type\":\"record\",\"name\":\"S\",\"fields\":["
            + "{\"name\":\"t\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}},"
            + "{\"name\":\"d\",\"type\":{\"type\":\"fixed\",\"name\":\"F\",\"size\":2,\"logicalType\":\"decimal\","
            + "\"precision\":10,\"scale\":2}}]}}]}",
            "Cannot convert SQL field 's.d' to Avro field 's.d' because schema is incompatible (sqlType = "
                + "DECIMAL(10,2)"},
        {"\"string\"", "Attempting to treat string as a RECORD, but it was: STRING"},
    };
    Dataset<Row> df = LocalSpark.session().range(3).selectExpr("id",
        "named_struct('t', current_timestamp(), 'd', cast(id as decimal(10,2))) as s");
    for (String[] c : cases) {
      Path out = dir.resolve("error");
      assertThatThrownBy(() -> df.write().format(WriteTests.LANCASTER).option("avroSchema", c[0])
          .save(out.toString()))
          .isInstanceOf(IncompatibleSchemaException.class) // thrown by prepareWrite itself, not by a failed task
          .hasMessageContaining(c[1]);
      assertThat(Files.exists(out) ? WriteTests.dataFiles(out) : java.util.List.of()).isEmpty();
    }
  }

  @Test
  void noWideningThatSparkAvroDoesNotMake() {
    // spark-avro's serializer writes an int column only into an int field (its task fails otherwise)
    String schema = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"i\",\"type\":\"long\"}]}";
    Dataset<Row> df = LocalSpark.session().range(3).selectExpr("cast(id as int) as i");
    assertThatThrownBy(() -> df.write().format(WriteTests.LANCASTER).option("avroSchema", schema)
        .save(dir.resolve("ours").toString()))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("Cannot convert SQL field 'i' to Avro field 'i' because schema is incompatible "
            + "(sqlType = INT, avroType = \"long\")");
    assertThatThrownBy(() -> df.write().format(LocalSpark.SPARK_AVRO).option("avroSchema", schema)
        .save(dir.resolve("theirs").toString()))
        .satisfies(e -> assertThat(WriteTests.messages(e)).contains("schema is incompatible"));
  }

  @Test
  void dataErrorsNameTheField() {
    String schema = """
        {"type":"record","name":"R","fields":[
          {"name":"id","type":"long"},
          {"name":"s","type":{"type":"record","name":"S","fields":[
            {"name":"color","type":{"type":"enum","name":"Color","symbols":["RED","GREEN"]}},
            {"name":"h","type":{"type":"fixed","name":"H","size":2}},
            {"name":"label","type":"string"}]}}]}""";
    String[][] cases = {
        {"named_struct('color', if(id = 2, 'PURPLE', 'RED'), 'h', x'0102', 'label', 'l')",
            "Cannot convert SQL field 's.color' to Avro field 's.color' because \"PURPLE\" cannot be written since "
                + "it's not defined in enum \"RED\", \"GREEN\""},
        {"named_struct('color', 'RED', 'h', if(id = 2, x'010203', x'0102'), 'label', 'l')",
            "Cannot convert SQL field 's.h' to Avro field 's.h' because 3 bytes of binary data cannot be written "
                + "into FIXED type with size of 2 bytes"},
        {"named_struct('color', 'RED', 'h', x'0102', 'label', if(id = 2, null, 'l'))",
            "Cannot write null value for field `s`.`label` defined as non-null Avro data type \"string\""},
    };
    for (String[] c : cases) {
      Dataset<Row> df = LocalSpark.session().range(4).selectExpr("id", c[0] + " as s");
      assertThatThrownBy(() -> df.write().format(WriteTests.LANCASTER).mode("overwrite")
          .option("avroSchema", schema).save(dir.resolve("data").toString()))
          .isInstanceOf(SparkException.class)
          .satisfies(e -> assertThat(WriteTests.messages(e)).contains(c[1]));
      assertThatThrownBy(() -> df.write().format(LocalSpark.SPARK_AVRO).mode("overwrite")
          .option("avroSchema", schema).save(dir.resolve("data").toString()))
          .isInstanceOf(SparkException.class);
    }
  }
}
