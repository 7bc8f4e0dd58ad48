package io.lancaster.hive;

import static io.lancaster.hive.testing.HiveSpark.LANCASTER;
import static io.lancaster.hive.testing.HiveSpark.LANCASTER_FORMATS;
import static io.lancaster.hive.testing.HiveSpark.LANCASTER_SERDE;
import static io.lancaster.hive.testing.HiveSpark.json;
import static io.lancaster.hive.testing.HiveSpark.location;
import static io.lancaster.hive.testing.HiveSpark.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.schema.TableSchemas;
import io.lancaster.hive.testing.HiveSpark;
import io.lancaster.hive.testing.RecordingInputFormat;
import io.lancaster.hive.testing.TableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lancaster's SerDe in Spark SQL with Hive support and an embedded metastore: DDL, inserts, queries, schema
 * evolution, partitions, CTAS, union mappings, schema URLs and codecs.
 */
class SparkHiveTableTest {
  private static final String PEOPLE = """
      {"type": "record", "name": "Person", "namespace": "test", "fields": [
        {"name": "id", "type": "int"},
        {"name": "name", "type": "string"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
          {"name": "city", "type": "string"}, {"name": "zip", "type": ["null", "int"], "default": null}]}},
        {"name": "score", "type": ["null", "double"], "default": null}]}""";
  private static final String PEOPLE_ROWS =
      "(1, 'ann', array('x', 'y'), named_struct('city', 'Oslo', 'zip', 150), 1.5),"
      + " (2, 'bob', array(), named_struct('city', 'Rome', 'zip', CAST(NULL AS INT)), NULL),"
      + " (3, 'cy', array('z'), named_struct('city', 'Oslo', 'zip', 7), 3.0)";

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = HiveSpark.session();
  }

  @Test
  void createsInsertsAndQueriesATable() throws Exception {
    spark.sql("CREATE TABLE people " + LANCASTER + " TBLPROPERTIES ('avro.schema.literal' = " + quote(PEOPLE) + ")");
    spark.sql("INSERT INTO people VALUES " + PEOPLE_ROWS);

    assertThat(json("SELECT * FROM people ORDER BY id")).containsExactly(
        "{\"id\":1,\"name\":\"ann\",\"tags\":[\"x\",\"y\"],\"address\":{\"city\":\"Oslo\",\"zip\":150},\"score\":1.5}",
        "{\"id\":2,\"name\":\"bob\",\"tags\":[],\"address\":{\"city\":\"Rome\"}}",
        "{\"id\":3,\"name\":\"cy\",\"tags\":[\"z\"],\"address\":{\"city\":\"Oslo\",\"zip\":7},\"score\":3.0}");
    assertThat(json("SELECT name, address.city FROM people WHERE score > 1 ORDER BY id")).containsExactly(
        "{\"name\":\"ann\",\"city\":\"Oslo\"}", "{\"name\":\"cy\",\"city\":\"Oslo\"}");
    assertThat(json("SELECT address.city, count(*) AS n FROM people GROUP BY address.city ORDER BY city"))
        .containsExactly("{\"city\":\"Oslo\",\"n\":2}", "{\"city\":\"Rome\",\"n\":1}");
    assertThat(spark.sql("SELECT count(*) FROM people").first().getLong(0)).isEqualTo(3L);

    // Spark names the files without an extension; they are Avro files both Lancaster and Apache Avro read alike.
    List<Path> files = TableFiles.of(location("people"));
    assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotContain("."));
    List<Object> records = TableFiles.readWithLancaster(files);
    assertThat(records).hasSize(3).isEqualTo(TableFiles.readWithApacheAvro(files));
    records.sort(Comparator.comparing(r -> (Integer) ((Map<?, ?>) r).get("id")));
    assertThat(records).containsExactly(
        map("id", 1, "name", "ann", "tags", List.of("x", "y"), "address", map("city", "Oslo", "zip", 150),
            "score", 1.5),
        map("id", 2, "name", "bob", "tags", List.of(), "address", map("city", "Rome", "zip", null), "score", null),
        map("id", 3, "name", "cy", "tags", List.of("z"), "address", map("city", "Oslo", "zip", 7), "score", 3.0));
  }

  @Test
  void readsOnlyTheQueriedColumnsResolvedToTheTableSchemaInTheReader() {
    spark.sql("CREATE TABLE recorded " + LANCASTER_SERDE
        + " STORED AS INPUTFORMAT '" + RecordingInputFormat.class.getName() + "'"
        + " OUTPUTFORMAT 'io.lancaster.hive.AvroHiveOutputFormat'"
        + " TBLPROPERTIES ('avro.schema.literal' = " + quote(PEOPLE) + ")");
    spark.sql("INSERT INTO recorded VALUES " + PEOPLE_ROWS);

    RecordingInputFormat.SEEN.clear();
    assertThat(json("SELECT name FROM recorded WHERE id > 1 ORDER BY name"))
        .containsExactly("{\"name\":\"bob\"}", "{\"name\":\"cy\"}");
    // Every record the readers read (the sort may read the table twice: once to sample it) holds only the
    // queried columns, already resolved to the table's schema: the SerDe has nothing left to resolve.
    assertThat(RecordingInputFormat.SEEN).hasSizeGreaterThanOrEqualTo(3)
        .allMatch(seen -> seen.equals("fields=[id, name] resolvedTo=test.Person"));

    RecordingInputFormat.SEEN.clear();
    assertThat(spark.sql("SELECT count(*) FROM recorded").first().getLong(0)).isEqualTo(3L);
    assertThat(RecordingInputFormat.SEEN).hasSize(3).allMatch(seen -> seen.equals("fields=[] resolvedTo=test.Person"));
  }

  @Test
  void readsOldFilesThroughTheEvolvedSchemaAfterAlterTable() {
    String v1 = """
        {"type": "record", "name": "Item", "fields": [
          {"name": "id", "type": "int"}, {"name": "label", "type": "string"}, {"name": "gone", "type": "string"}]}""";
    // id promoted to long, a column added with a default, one removed, the order changed.
    String v2 = """
        {"type": "record", "name": "Item", "fields": [
          {"name": "added", "type": "string", "default": "none"},
          {"name": "label", "type": "string"}, {"name": "id", "type": "long"}]}""";
    spark.sql("CREATE TABLE items " + LANCASTER + " TBLPROPERTIES ('avro.schema.literal' = " + quote(v1) + ")");
    spark.sql("INSERT INTO items VALUES (1, 'one', 'x'), (2, 'two', 'y')");

    spark.sql("ALTER TABLE items SET TBLPROPERTIES ('avro.schema.literal' = " + quote(v2) + ")");
    assertThat(json("SELECT * FROM items ORDER BY id")).containsExactly(
        "{\"added\":\"none\",\"label\":\"one\",\"id\":1}", "{\"added\":\"none\",\"label\":\"two\",\"id\":2}");

    spark.sql("INSERT INTO items VALUES ('new', 'three', 3000000000)");
    assertThat(json("SELECT id, added FROM items WHERE id > 1 ORDER BY id")).containsExactly(
        "{\"id\":2,\"added\":\"none\"}", "{\"id\":3000000000,\"added\":\"new\"}");
    assertThat(spark.table("items").schema().simpleString()).isEqualTo("struct<added:string,label:string,id:bigint>");
  }

  @Test
  void readsPartitionsWrittenWithOlderSchemasThroughTheTablesSchema() {
    String v1 = """
        {"type": "record", "name": "Event", "fields": [
          {"name": "id", "type": "int"}, {"name": "kind", "type": "string"}]}""";
    String v2 = """
        {"type": "record", "name": "Event", "fields": [
          {"name": "id", "type": "int"}, {"name": "source", "type": "string", "default": "legacy"},
          {"name": "kind", "type": "string"}]}""";
    spark.sql("CREATE TABLE events PARTITIONED BY (day string) " + LANCASTER_SERDE
        + " WITH SERDEPROPERTIES ('avro.schema.literal' = " + quote(v1) + ") " + LANCASTER_FORMATS);
    spark.sql("INSERT INTO events PARTITION (day) VALUES (1, 'click', '2024-01-01'), (2, 'view', '2024-01-02'),"
        + " (3, 'click', '2024-01-02')");

    spark.sql("ALTER TABLE events SET SERDEPROPERTIES ('avro.schema.literal' = " + quote(v2) + ")");
    spark.sql("INSERT INTO events PARTITION (day) VALUES (4, 'app', 'view', '2024-01-03')");

    assertThat(json("SELECT * FROM events ORDER BY id")).containsExactly(
        "{\"id\":1,\"source\":\"legacy\",\"kind\":\"click\",\"day\":\"2024-01-01\"}",
        "{\"id\":2,\"source\":\"legacy\",\"kind\":\"view\",\"day\":\"2024-01-02\"}",
        "{\"id\":3,\"source\":\"legacy\",\"kind\":\"click\",\"day\":\"2024-01-02\"}",
        "{\"id\":4,\"source\":\"app\",\"kind\":\"view\",\"day\":\"2024-01-03\"}");
    assertThat(json("SELECT id, source FROM events WHERE day = '2024-01-02' AND kind = 'click'"))
        .containsExactly("{\"id\":3,\"source\":\"legacy\"}");
    assertThat(spark.sql("SHOW PARTITIONS events").collectAsList()).hasSize(3);
    assertThat(Files.isDirectory(location("events").resolve("day=2024-01-03"))).isTrue();
  }

  @Test
  void createsATableAsSelectWithTheSchemaDerivedFromItsColumns() throws Exception {
    spark.sql("CREATE TABLE ctas_source " + LANCASTER + " TBLPROPERTIES ('avro.schema.literal' = "
        + quote(PEOPLE) + ")");
    spark.sql("INSERT INTO ctas_source VALUES " + PEOPLE_ROWS);

    spark.sql("CREATE TABLE ctas_copy " + LANCASTER + " AS SELECT id, name, address FROM ctas_source WHERE id <> 2");

    assertThat(json("SELECT * FROM ctas_copy ORDER BY id")).containsExactly(
        "{\"id\":1,\"name\":\"ann\",\"address\":{\"city\":\"Oslo\",\"zip\":150}}",
        "{\"id\":3,\"name\":\"cy\",\"address\":{\"city\":\"Oslo\",\"zip\":7}}");
    Properties columns = new Properties();
    columns.setProperty("columns", "id,name,address");
    columns.setProperty("columns.types", "int:string:struct<city:string,zip:int>");
    columns.setProperty("name", "default.ctas_copy");
    for (Path file : TableFiles.of(location("ctas_copy"))) {
      try (DataFileReader<Object> reader = DataFileReader.open(file)) {
        assertThat(reader.schema()).isEqualTo(TableSchemas.of(null, columns));
      }
    }
  }

  @Test
  void mapsUnionsToStructsOfMembersWhenAskedSinceSparkCannotReadUniontype() throws Exception {
    String schema = """
        {"type": "record", "name": "Mixed", "fields": [
          {"name": "id", "type": "int"}, {"name": "value", "type": ["null", "int", "string"]}]}""";
    spark.sql("CREATE TABLE mixed_struct " + LANCASTER + " TBLPROPERTIES ('avro.schema.literal' = " + quote(schema)
        + ", 'lancaster.avro.union.mapping' = 'struct')");
    spark.sql("INSERT INTO mixed_struct VALUES (1, named_struct('member0', 5, 'member1', CAST(NULL AS STRING))),"
        + " (2, named_struct('member0', CAST(NULL AS INT), 'member1', 'five')), (3, NULL)");

    assertThat(json("SELECT id, value.member0 AS i, value.member1 AS s FROM mixed_struct ORDER BY id"))
        .containsExactly("{\"id\":1,\"i\":5}", "{\"id\":2,\"s\":\"five\"}", "{\"id\":3}");
    List<Object> records = TableFiles.readWithLancaster(TableFiles.of(location("mixed_struct")));
    List<Object> values = new ArrayList<>();
    records.forEach(r -> values.add(((Map<?, ?>) r).get("value")));
    assertThat(values).containsExactlyInAnyOrder(5, "five", null);

    // The default mapping is Hive's uniontype, which Spark SQL has no type for: it refuses the table.
    assertThatThrownBy(() -> spark.sql("CREATE TABLE mixed_default " + LANCASTER
        + " TBLPROPERTIES ('avro.schema.literal' = " + quote(schema) + ")"))
        .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT))
            .contains("cannot recognize hive type string", "uniontype<int,string>"));
  }

  /** A map that may hold null values, as records read in {@code Plain} form do. */
  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void readsTheSchemaFromAUrlAndCompressesWithTheTablesCodec() throws Exception {
    Path schemaFile = HiveSpark.newDirectory("schema").resolve("people.avsc");
    Files.writeString(schemaFile, PEOPLE);
    spark.sql("CREATE TABLE people_url " + LANCASTER + " TBLPROPERTIES ('avro.schema.url' = '"
        + schemaFile.toUri() + "', 'avro.output.codec' = 'snappy')");
    spark.sql("INSERT INTO people_url VALUES " + PEOPLE_ROWS);

    assertThat(json("SELECT id, tags FROM people_url WHERE name = 'cy'")).containsExactly(
        "{\"id\":3,\"tags\":[\"z\"]}");
    List<Path> files = TableFiles.of(location("people_url"));
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(TableFiles.codec(f)).isEqualTo("snappy");
      try (DataFileReader<Object> reader = DataFileReader.open(f)) {
        assertThat(reader.schema()).isEqualTo(Schema.parse(PEOPLE));
      }
    }
  }
}
