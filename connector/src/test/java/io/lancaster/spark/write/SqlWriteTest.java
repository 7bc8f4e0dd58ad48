package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Tables of the Lancaster source in SQL: CREATE TABLE, INSERT INTO, INSERT OVERWRITE, CTAS, and reading back. */
class SqlWriteTest {
  private static List<String> rows(String sql) {
    return WriteTests.canonical(LocalSpark.session().sql(sql).collectAsList());
  }

  private static Path location(String table) {
    Row r = LocalSpark.session().sql("DESCRIBE TABLE EXTENDED " + table).filter("col_name = 'Location'").first();
    return Paths.get(URI.create(r.getString(1)));
  }

  @Test
  void createInsertOverwriteSelect() {
    SparkSession spark = LocalSpark.session();
    try {
      spark.sql("CREATE TABLE lw_events (id BIGINT, name STRING, amount DECIMAL(10,2), tags ARRAY<STRING>, "
          + "day DATE, p INT) USING lancaster PARTITIONED BY (p) OPTIONS (compression 'deflate')");
      spark.sql("INSERT INTO lw_events VALUES (1, 'one', 1.50, array('a'), date'2024-01-01', 0), "
          + "(2, null, -2.25, array(), null, 1)");
      spark.sql("INSERT INTO lw_events SELECT id, concat('n', id), cast(id as decimal(10,2)), null, "
          + "date_add(date'2024-01-01', cast(id as int)), cast(id % 2 as int) FROM range(3, 6)");
      assertThat(rows("SELECT * FROM lw_events")).isEqualTo(WriteTests.canonical(spark.sql(
          "SELECT * FROM VALUES (1L, 'one', 1.50BD, array('a'), date'2024-01-01', 0), "
              + "(2L, null, -2.25BD, array(), null, 1), (3L, 'n3', 3.00BD, null, date'2024-01-04', 1), "
              + "(4L, 'n4', 4.00BD, null, date'2024-01-05', 0), (5L, 'n5', 5.00BD, null, date'2024-01-06', 1)")
          .collectAsList()));
      Path loc = location("lw_events");
      assertThat(WriteTests.dataFiles(loc)).isNotEmpty()
          .allSatisfy(f -> assertThat(f.toString()).endsWith(".deflate.avro"));
      assertThat(WriteTests.canonical(spark.read().format(LocalSpark.SPARK_AVRO).load(loc.toString())
          .collectAsList())).isEqualTo(rows("SELECT * FROM lw_events"));

      spark.sql("INSERT OVERWRITE lw_events SELECT 9L, 'nine', 9.99, array('x', null), date'1999-12-31', 7");
      assertThat(rows("SELECT id, name, amount, tags, p FROM lw_events"))
          .containsExactly("{Long:9, \"nine\", 9.99BD, [\"x\", null], Integer:7}");

      spark.sql("CREATE TABLE lw_copy USING lancaster AS SELECT id * 2 AS id2, name, tags FROM lw_events");
      assertThat(rows("SELECT * FROM lw_copy")).containsExactly("{Long:18, \"nine\", [\"x\", null]}");
      assertThat(WriteTests.readApache(location("lw_copy")).schemas()).allSatisfy(s ->
          assertThat(s.getFullName()).isEqualTo("topLevelRecord"));
    } finally {
      spark.sql("DROP TABLE IF EXISTS lw_events");
      spark.sql("DROP TABLE IF EXISTS lw_copy");
    }
  }
}
