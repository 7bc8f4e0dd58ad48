package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save modes and partitioned writes, read back by Lancaster and by spark-avro. */
class SaveModesAndPartitionsTest {
  @TempDir Path dir;

  private static Dataset<Row> rows(long from, long to) {
    return LocalSpark.session().range(from, to, 1, 2).selectExpr("id", "concat('n', id) as name",
        "cast(id % 3 as int) as p", "if(id % 2 = 0, null, array(id)) as arr");
  }

  private static List<String> read(String format, Path path) {
    return WriteTests.canonical(LocalSpark.session().read().format(format).load(path.toString()).collectAsList());
  }

  private static List<String> expected(Dataset<Row> df) {
    return WriteTests.canonical(df.collectAsList());
  }

  @Test
  void saveModes() {
    Path out = dir.resolve("modes");
    rows(0, 10).write().format(WriteTests.LANCASTER).mode(SaveMode.ErrorIfExists).save(out.toString());
    assertThat(read(WriteTests.LANCASTER, out)).isEqualTo(expected(rows(0, 10)));

    rows(10, 15).write().format(WriteTests.LANCASTER).mode(SaveMode.Append).save(out.toString());
    assertThat(read(LocalSpark.SPARK_AVRO, out)).isEqualTo(expected(rows(0, 15)));

    rows(100, 103).write().format(WriteTests.LANCASTER).mode(SaveMode.Ignore).save(out.toString());
    assertThat(read(WriteTests.LANCASTER, out)).isEqualTo(expected(rows(0, 15)));

    assertThatThrownBy(() -> rows(0, 1).write().format(WriteTests.LANCASTER).mode("errorifexists")
        .save(out.toString())).isInstanceOf(AnalysisException.class).hasMessageContaining("already exists");

    rows(50, 53).write().format(WriteTests.LANCASTER).mode(SaveMode.Overwrite).save(out.toString());
    assertThat(read(LocalSpark.SPARK_AVRO, out)).isEqualTo(expected(rows(50, 53)));
    assertThat(WriteTests.dataFiles(out)).allSatisfy(p -> assertThat(p.toString()).endsWith(".snappy.avro"));
  }

  @Test
  void partitionByWritesOneDirectoryPerValueWithoutThePartitionColumn() {
    Path out = dir.resolve("parts");
    rows(0, 30).write().format(WriteTests.LANCASTER).partitionBy("p").save(out.toString());
    List<String> dirs = new ArrayList<>();
    for (Path f : WriteTests.dataFiles(out)) {
      dirs.add(out.relativize(f.getParent()).toString());
    }
    assertThat(dirs).containsOnly("p=0", "p=1", "p=2");
    WriteTests.ApacheRead files = WriteTests.readApache(out);
    assertThat(files.schemas()).allSatisfy(s -> assertThat(s.getField("p")).isNull());
    assertThat(files.records()).hasSize(30);

    Dataset<Row> expected = rows(0, 30).selectExpr("id", "name", "arr", "p");
    assertThat(read(WriteTests.LANCASTER, out)).isEqualTo(expected(expected));
    assertThat(read(LocalSpark.SPARK_AVRO, out)).isEqualTo(expected(expected));

    // dynamic partition overwrite replaces only the partitions written
    rows(100, 103).filter("p = 1").write().format(WriteTests.LANCASTER).mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic").partitionBy("p").save(out.toString());
    Dataset<Row> after = rows(0, 30).filter("p <> 1").union(rows(100, 103).filter("p = 1"))
        .selectExpr("id", "name", "arr", "p");
    assertThat(read(WriteTests.LANCASTER, out)).isEqualTo(expected(after));
  }
}
