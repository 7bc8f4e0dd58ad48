package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column names must be Avro names, as spark-avro requires: Spark refuses others before writing. */
class ColumnNamesWriteTest {
  @TempDir Path dir;

  @Test
  void namesThatAreNoAvroNamesAreRefused() {
    for (String name : new String[] {"a b", "1st", "a-b", "dotted.name"}) {
      Dataset<Row> df = LocalSpark.session().range(2).selectExpr("id as `" + name + "`");
      assertThatThrownBy(() -> df.write().format(WriteTests.LANCASTER).save(dir.resolve("bad").toString()))
          .as(name).isInstanceOf(AnalysisException.class).hasMessageContaining("INVALID_COLUMN_NAME_AS_PATH")
          .hasMessageContaining(name.replace(".", "`.`"));
      assertThatThrownBy(() -> df.write().format(LocalSpark.SPARK_AVRO).save(dir.resolve("bad").toString()))
          .as(name).isInstanceOf(AnalysisException.class);
    }
  }

  @Test
  void lettersOfAnyScriptAreAvroNames() {
    Dataset<Row> df = LocalSpark.session().range(3).selectExpr("id as `données`", "'x' as `_名前`");
    Path out = dir.resolve("unicode");
    df.write().format(WriteTests.LANCASTER).save(out.toString());
    assertThat(WriteTests.readApache(out).schemas().get(0).getField("données")).isNotNull();
    assertThat(WriteTests.canonical(LocalSpark.session().read().format(WriteTests.LANCASTER).load(out.toString())
        .collectAsList())).isEqualTo(WriteTests.canonical(df.collectAsList()));
  }
}
