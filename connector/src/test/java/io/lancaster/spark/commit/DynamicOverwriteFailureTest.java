package io.lancaster.spark.commit;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic partition overwrite ({@code partitionOverwriteMode=dynamic}) under task failures. The table holds
 * partitions p=0, 1, 2; the overwrite writes p=1 and p=3. Spark stages the new partitions and replaces the old
 * ones only when the job commits, so a failed job leaves every old file as it was, and a retried task leaves
 * p=0 and p=2 untouched, p=1 replaced and p=3 added, each new row once.
 */
class DynamicOverwriteFailureTest {
  static final String LANCASTER = "lancaster";

  @TempDir Path dir;
  private Path table;

  @BeforeEach
  void writeTable() {
    table = dir.resolve("table");
    LocalSpark.session().range(0, 30, 1, 2).selectExpr("id", "cast(id as string) as name", "cast(id % 3 as int) as p")
        .write().format(LANCASTER).partitionBy("p").save(table.toString());
  }

  /**
   * ids [100, 112) into p=1 (even) and p=3 (odd), in two tasks, {@code fault} applied to the id. The rows are
   * sorted by partition before the fault, so the write needs no sort of its own and the fault fires while the
   * task is writing its files.
   */
  private static Dataset<Row> overwrite(UnaryOperator<Column> fault) {
    return LocalSpark.session().range(100, 112, 1, 2)
        .selectExpr("id", "cast(id as string) as name", "if(id % 2 = 0, 1, 3) as p").sortWithinPartitions("p")
        .select(fault.apply(col("id")).as("id"), col("name"), col("p"));
  }

  private void write(Dataset<Row> rows) {
    rows.write().format(LANCASTER).mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic")
        .partitionBy("p").save(table.toString());
  }

  private static Map<String, String> partition(Map<String, String> snapshot, String name) {
    Map<String, String> out = new TreeMap<>();
    snapshot.forEach((path, hash) -> {
      if (path.startsWith(name + "/")) {
        out.put(path, hash);
      }
    });
    return out;
  }

  @Test
  void aFailedOverwriteLeavesTheOldPartitions() {
    Map<String, String> before = OutputDirectory.snapshot(table);
    Faults faults = new Faults();
    Throwable error = catchThrowable(() -> write(overwrite(id -> faults.failEveryAttempt(id, 109))));

    assertThat(error).isInstanceOf(SparkException.class);
    assertThat(faults.fired()).isEqualTo(FailedWriteTest.ATTEMPTS);
    assertThat(OutputDirectory.snapshot(table)).isEqualTo(before);
    assertThat(OutputDirectory.leftovers(table)).as("no staging directory left").isEmpty();
    assertThat(WrittenIds.read(LANCASTER, table)).isEqualTo(WrittenIds.range(0, 30));
  }

  @Test
  void aRetriedTaskReplacesOnlyTheWrittenPartitionsAndEachRowOnce() {
    Map<String, String> before = OutputDirectory.snapshot(table);
    Faults faults = new Faults();
    write(overwrite(id -> faults.failFirstAttempt(id, 109)));

    assertThat(faults.fired()).isEqualTo(1);
    Map<String, String> after = OutputDirectory.snapshot(table);
    assertThat(partition(after, "p=0")).isNotEmpty().isEqualTo(partition(before, "p=0"));
    assertThat(partition(after, "p=2")).isNotEmpty().isEqualTo(partition(before, "p=2"));
    assertThat(partition(after, "p=1")).isNotEmpty().doesNotContainKeys(partition(before, "p=1").keySet()
        .toArray(String[]::new));

    List<Long> expected = LongStream.concat(LongStream.range(0, 30).filter(i -> i % 3 != 1),
        LongStream.range(100, 112)).sorted().boxed().toList();
    assertThat(WrittenIds.read(LANCASTER, table)).isEqualTo(expected);
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(table))).isEqualTo(expected);
    assertThat(LocalSpark.session().read().format(LANCASTER).load(table.toString()).where("p = 3").count())
        .isEqualTo(6);
    assertThat(OutputDirectory.leftovers(table)).isEmpty();
  }
}
