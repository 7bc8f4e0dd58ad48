package io.lancaster.spark.commit;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose job fails (one task fails on every attempt, after the other task has committed): the error reaches
 * the caller, a new output directory holds no data file and no work area, and an append leaves the files already
 * there byte for byte. Also a failure raised by Lancaster's own row writer mid-file.
 */
class FailedWriteTest {
  static final String LANCASTER = "lancaster";
  /** Attempts per task in the shared session ({@code local[2,3]}). */
  static final int ATTEMPTS = 3;

  @TempDir Path dir;

  private static Dataset<Row> failingRows(long from, long to, Faults faults, long failAt) {
    return LocalSpark.session().range(from, to, 1, 2)
        .select(faults.failEveryAttempt(col("id"), failAt).as("id"), col("id").cast("string").as("name"));
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void aFailedJobLeavesNoDataFiles() {
    Path out = dir.resolve("new");
    Faults faults = new Faults();
    Throwable error = catchThrowable(() -> failingRows(0, 20, faults, 15).write().format(LANCASTER)
        .save(out.toString()));

    assertThat(error).isInstanceOf(SparkException.class);
    assertThat(messages(error)).contains("injected failure at id 15");
    assertThat(faults.fired()).as("every attempt of the task failed").isEqualTo(ATTEMPTS);
    assertThat(OutputDirectory.partFiles(out)).isEmpty();
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
    assertThat(out.resolve("_SUCCESS")).doesNotExist();
  }

  @Test
  void aFailedAppendLeavesTheExistingFilesUnchanged() {
    Path out = dir.resolve("append");
    LocalSpark.session().range(0, 10, 1, 2).selectExpr("id", "cast(id as string) as name").write()
        .format(LANCASTER).save(out.toString());
    Map<String, String> before = OutputDirectory.snapshot(out);
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);

    Faults faults = new Faults();
    Throwable error = catchThrowable(() -> failingRows(10, 30, faults, 25).write().format(LANCASTER)
        .mode(SaveMode.Append).save(out.toString()));

    assertThat(error).isInstanceOf(SparkException.class);
    assertThat(faults.fired()).isEqualTo(ATTEMPTS);
    assertThat(OutputDirectory.snapshot(out)).isEqualTo(before);
    assertThat(WrittenIds.read(LANCASTER, out)).isEqualTo(WrittenIds.range(0, 10));
  }

  @Test
  void aNullTheAvroSchemaRejectsFailsTheJobWithTheWritersErrorAndLeavesNothing() {
    // the row writer fails mid-file, in every attempt; the writer is then closed by Spark's abort, and that
    // close must neither hide the error nor leave its file behind
    Path out = dir.resolve("null");
    String schema = """
        {"type":"record","name":"r","fields":[{"name":"id","type":"long"},{"name":"name","type":"string"}]}""";
    Throwable error = catchThrowable(() -> LocalSpark.session().range(0, 20, 1, 2)
        .selectExpr("id", "if(id = 15, null, cast(id as string)) as name").write().format(LANCASTER)
        .option("avroSchema", schema).save(out.toString()));

    assertThat(error).isInstanceOf(SparkException.class);
    assertThat(conditions(error)).contains("AVRO_CANNOT_WRITE_NULL_FIELD");
    assertThat(messages(error)).contains("name");
    assertThat(OutputDirectory.partFiles(out)).isEmpty();
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }

  private static String conditions(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SparkThrowable st && st.getCondition() != null) {
        sb.append(st.getCondition()).append('\n');
      }
    }
    return sb.toString();
  }
}
