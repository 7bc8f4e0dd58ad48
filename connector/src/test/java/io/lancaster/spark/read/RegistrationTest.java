package io.lancaster.spark.read;

import io.lancaster.spark.testing.SparkConfs;
import io.lancaster.spark.testing.Canonical;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lancaster is what {@code avro} means in this JVM: {@code format("avro")}, SQL tables {@code USING avro}, and
 * {@code load()} with {@code spark.sql.sources.default=avro}; Spark's {@code _metadata} column works with it.
 */
class RegistrationTest {
  @TempDir static Path dir;
  private static String path;
  private static List<String> expected;

  @BeforeAll
  static void write() {
    path = AvroFiles.write(Writer.LANCASTER, dir.resolve("t/a.avro"), DirectoryReadTest.ROW,
        List.of(Values.record(DirectoryReadTest.ROW, 1, "one"), Values.record(DirectoryReadTest.ROW, 2, null)))
        .getParent().toString();
    expected = List.of("{Integer:1, \"one\"}", "{Integer:2, null}");
  }

  private static String plan(Dataset<Row> df) {
    return df.queryExecution().executedPlan().toString();
  }

  @Test
  void formatAvroIsLancaster() {
    Dataset<Row> df = LocalSpark.session().read().format("avro").load(path);
    assertThat(plan(df)).contains("LancasterAvro");
    assertThat(Canonical.rows(df.collectAsList())).isEqualTo(expected);
  }

  @Test
  void sqlTableUsingAvroIsReadByLancaster() {
    SparkSession spark = LocalSpark.session();
    spark.sql("DROP TABLE IF EXISTS lancaster_registration_t");
    try {
      spark.sql("CREATE TABLE lancaster_registration_t USING avro LOCATION '" + path + "'");
      Dataset<Row> df = spark.sql("SELECT * FROM lancaster_registration_t");
      assertThat(plan(df)).contains("LancasterAvro");
      assertThat(Canonical.rows(df.collectAsList())).isEqualTo(expected);
      assertThat(spark.sql("SELECT s FROM lancaster_registration_t WHERE id = 1").first().getString(0))
          .isEqualTo("one");
    } finally {
      spark.sql("DROP TABLE IF EXISTS lancaster_registration_t");
    }
  }

  @Test
  void defaultSourceAvroLoadsWithLancaster() throws Exception {
    Dataset<Row> df = SparkConfs.with(Map.of("spark.sql.sources.default", "avro"),
        () -> LocalSpark.session().read().load(path));
    assertThat(plan(df)).contains("LancasterAvro");
    assertThat(Canonical.rows(df.collectAsList())).isEqualTo(expected);
  }

  @Test
  void metadataColumnNamesTheFileAsInSparkAvro() {
    BothReaders.Outcome ours = BothReaders.assertSameRead("_metadata", path, Map.of(),
        df -> df.select("id", "_metadata.file_name", "_metadata.file_size", "_metadata.file_block_start"));
    assertThat(ours.rows()).hasSize(2).allMatch(r -> r.contains("\"a.avro\""));
  }
}
