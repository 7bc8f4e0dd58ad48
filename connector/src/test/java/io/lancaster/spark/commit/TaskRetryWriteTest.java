package io.lancaster.spark.commit;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write task whose first attempt fails midway through its file (the shared session retries failed tasks): the
 * failed attempt's partial file never reaches the output, so after the job succeeds every row is there exactly
 * once, for Lancaster, for spark-avro and for Apache Avro Java reading the part files, and nothing else is left.
 */
class TaskRetryWriteTest {
  static final String LANCASTER = "lancaster";

  @TempDir Path dir;

  /** ids [from, to) in two tasks, the second's first attempt failing at {@code failAt}. */
  private static Dataset<Row> rows(long from, long to, Faults faults, long failAt) {
    return LocalSpark.session().range(from, to, 1, 2)
        .select(faults.failFirstAttempt(col("id"), failAt).as("id"), col("id").cast("string").as("name"));
  }

  @Test
  void aRetriedTaskLeavesEachRowOnce() {
    Path out = dir.resolve("out");
    Faults faults = new Faults();
    rows(0, 20, faults, 15).write().format(LANCASTER).save(out.toString());

    assertThat(faults.fired()).as("first attempts failed").isEqualTo(1);
    assertThat(WrittenIds.read(LANCASTER, out)).isEqualTo(WrittenIds.range(0, 20));
    assertThat(WrittenIds.read(LocalSpark.SPARK_AVRO, out)).isEqualTo(WrittenIds.range(0, 20));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 20));
    assertThat(OutputDirectory.partFiles(out)).as("one file per task").hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
    assertThat(out.resolve("_SUCCESS")).exists();
  }

  @Test
  void aRetriedTaskOfAnAppendAddsItsRowsOnceAndKeepsTheOldFiles() {
    Path out = dir.resolve("append");
    LocalSpark.session().range(0, 10, 1, 2).selectExpr("id", "cast(id as string) as name").write()
        .format(LANCASTER).save(out.toString());
    Map<String, String> before = OutputDirectory.snapshot(out);
    before.remove("_SUCCESS"); // an append writes it again
    before.remove("._SUCCESS.crc");

    Faults faults = new Faults();
    rows(10, 30, faults, 25).write().format(LANCASTER).mode(SaveMode.Append).save(out.toString());

    assertThat(faults.fired()).isEqualTo(1);
    assertThat(OutputDirectory.snapshot(out)).containsAllEntriesOf(before);
    assertThat(WrittenIds.read(LANCASTER, out)).isEqualTo(WrittenIds.range(0, 30));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 30));
    assertThat(OutputDirectory.partFiles(out)).hasSize(4);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }

  @Test
  void filesTheFailedAttemptHadAlreadyClosedAreDiscardedToo() {
    // two records per file: before failing at id 15, the first attempt of the second task had closed two
    // complete files (ids 10..13) in its attempt directory
    Path out = dir.resolve("closed");
    Faults faults = new Faults();
    rows(0, 20, faults, 15).write().format(LANCASTER).option("maxRecordsPerFile", "2").save(out.toString());

    assertThat(faults.fired()).isEqualTo(1);
    assertThat(WrittenIds.read(LANCASTER, out)).isEqualTo(WrittenIds.range(0, 20));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 20));
    assertThat(OutputDirectory.partFiles(out)).hasSize(10);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }
}
