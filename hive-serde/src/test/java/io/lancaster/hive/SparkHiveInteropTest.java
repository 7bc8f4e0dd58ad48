package io.lancaster.hive;

import static io.lancaster.hive.testing.HiveSpark.HIVE;
import static io.lancaster.hive.testing.HiveSpark.LANCASTER;
import static io.lancaster.hive.testing.HiveSpark.json;
import static io.lancaster.hive.testing.HiveSpark.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.hive.testing.HiveSpark;
import io.lancaster.hive.testing.TableFiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lancaster's SerDe against Hive's own AvroSerDe on the same files: each reads what the other wrote, and the same
 * queries give the same results through both.
 */
class SparkHiveInteropTest {
  private static final String WIDE = """
      {"type": "record", "name": "Wide", "namespace": "interop", "fields": [
        {"name": "id", "type": "int"},
        {"name": "flag", "type": "boolean"},
        {"name": "l", "type": "long"},
        {"name": "f", "type": "float"},
        {"name": "d", "type": "double"},
        {"name": "s", "type": "string"},
        {"name": "bin", "type": "bytes"},
        {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN", "BLUE"]}},
        {"name": "fx", "type": {"type": "fixed", "name": "F4", "size": 4}},
        {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "c", "type": {"type": "string", "logicalType": "char", "maxLength": 5}},
        {"name": "vc", "type": {"type": "string", "logicalType": "varchar", "maxLength": 10}},
        {"name": "ints", "type": {"type": "array", "items": "int"}},
        {"name": "attrs", "type": {"type": "map", "values": ["null", "string"]}},
        {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
          {"name": "x", "type": "int"}, {"name": "y", "type": ["null", "string"], "default": null}]}},
        {"name": "opt", "type": ["null", "long"], "default": null}
      ]}""";
  private static final String ROWS = """
      (1, true, 10000000000, 1.5, 2.25, 'one é', X'0102', 'RED', X'01020304', 12.34, DATE '2024-02-29',
        TIMESTAMP '2024-03-01 12:34:56.789', 'ab', 'hello', array(1, 2), map('k', 'v', 'n', NULL),
        named_struct('x', 1, 'y', 'why'), 42),
      (2, false, -5, -0.5, 1e10, '', X'', 'BLUE', X'FFFFFFFF', -0.01, DATE '1970-01-01',
        TIMESTAMP '1969-12-31 23:59:59.001', 'abcde', '', array(), map(), named_struct('x', -1, 'y', NULL), NULL),
      (3, true, 0, 0.0, -1.5, 'three', X'00', 'GREEN', X'00000000', 9999999.99, DATE '1900-01-01',
        TIMESTAMP '2000-01-01 00:00:00', 'c', 'vc3', array(3), map('a', 'b'), named_struct('x', 3, 'y', 'z'), -1)
      """;
  private static final List<String> QUERIES = List.of(
      "SELECT * FROM %s ORDER BY id",
      "SELECT id, dec * 2 AS twice, upper(s) AS s, size(ints) AS n, attrs['k'] AS k, inner.y, c, fx, bin"
          + " FROM %s WHERE flag ORDER BY id",
      "SELECT color, count(*) AS n, sum(dec) AS total, max(ts) AS latest, min(day) AS first FROM %s"
          + " GROUP BY color ORDER BY color",
      "SELECT count(*) AS n FROM %s WHERE opt IS NULL OR l < 0");

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = HiveSpark.session();
  }

  @Test
  void readsWhatHiveAvroSerDeWroteWithTheSameQueryResults() throws Exception {
    Path dir = HiveSpark.newDirectory("hive-written");
    createTable("hive_written", HIVE, dir);
    spark.sql("INSERT INTO hive_written VALUES " + ROWS);
    createTable("hive_written_by_lancaster", LANCASTER, dir);

    assertSameResults("hive_written", "hive_written_by_lancaster");
    List<Path> files = TableFiles.of(dir);
    assertThat(TableFiles.readWithLancaster(files)).hasSize(3).isEqualTo(TableFiles.readWithApacheAvro(files));
  }

  @Test
  void writesWhatHiveAvroSerDeReadsWithTheSameQueryResults() throws Exception {
    Path dir = HiveSpark.newDirectory("lancaster-written");
    createTable("lancaster_written", LANCASTER, dir);
    spark.sql("INSERT INTO lancaster_written VALUES " + ROWS);
    createTable("lancaster_written_by_hive", HIVE, dir);

    assertSameResults("lancaster_written_by_hive", "lancaster_written");
    List<Path> files = TableFiles.of(dir);
    assertThat(TableFiles.readWithLancaster(files)).hasSize(3).isEqualTo(TableFiles.readWithApacheAvro(files));
  }

  @Test
  void writesTheSameRecordsAsHiveAvroSerDe() throws Exception {
    Path ours = HiveSpark.newDirectory("same-lancaster");
    Path hives = HiveSpark.newDirectory("same-hive");
    createTable("same_lancaster", LANCASTER, ours);
    createTable("same_hive", HIVE, hives);
    spark.sql("INSERT INTO same_lancaster VALUES " + ROWS);
    spark.sql("INSERT INTO same_hive VALUES " + ROWS);

    List<Object> written = TableFiles.readWithApacheAvro(TableFiles.of(ours));
    List<Object> expected = TableFiles.readWithApacheAvro(TableFiles.of(hives));
    written.sort(Comparator.comparing(Object::toString));
    expected.sort(Comparator.comparing(Object::toString));
    assertThat(written).hasSize(3).isEqualTo(expected);
  }

  private static void createTable(String name, String storage, Path location) {
    spark.sql("CREATE EXTERNAL TABLE " + name + " " + storage + " LOCATION '" + location.toUri() + "'"
        + " TBLPROPERTIES ('avro.schema.literal' = " + quote(WIDE) + ")");
  }

  private static void assertSameResults(String hiveTable, String lancasterTable) {
    List<String> all = json(String.format(QUERIES.get(0), lancasterTable));
    assertThat(all).hasSize(3);
    assertThat(all.get(0)).contains("\"s\":\"one é\"", "\"color\":\"RED\"", "\"dec\":12.34", "\"c\":\"ab   \"",
        "\"inner\":{\"x\":1,\"y\":\"why\"}", "\"opt\":42");
    for (String query : QUERIES) {
      assertThat(json(String.format(query, lancasterTable))).as(query)
          .isEqualTo(json(String.format(query, hiveTable)));
    }
  }
}
