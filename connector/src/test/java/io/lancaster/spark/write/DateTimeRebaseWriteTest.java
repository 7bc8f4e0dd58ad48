package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates and timestamps before the Gregorian switch, under each rebase mode of a write: written as they are
 * (CORRECTED), refused (EXCEPTION), or rebased to the hybrid calendar with the metadata that tells readers so
 * (LEGACY), exactly as spark-avro writes them. The {@code datetimeRebaseMode} option overrides the conf.
 */
class DateTimeRebaseWriteTest {
  private static final String CONF = "spark.sql.avro.datetimeRebaseModeInWrite";

  @TempDir Path dir;

  private static Dataset<Row> ancient() {
    return LocalSpark.session().range(0, 4, 1, 1).selectExpr("id",
        "date_add(date'1000-01-01', cast(id as int)) as d",
        "timestamp'1000-01-01 12:00:00' + make_dt_interval(0, 0, 0, cast(id as decimal(10, 6))) as ts",
        "cast(timestamp'1000-01-01 12:00:00' as timestamp_ntz) as ntz");
  }

  private Path write(String format, Map<String, String> confs, Map<String, String> options, String name)
      throws Exception {
    Path out = dir.resolve(name);
    WriteTests.withConfs(confs, () -> {
      ancient().write().format(format).options(options).save(out.toString());
      return null;
    });
    return out;
  }

  @Test
  void correctedWritesTheProlepticValues() throws Exception {
    Path ours = write(WriteTests.LANCASTER, Map.of(CONF, "CORRECTED"), Map.of(), "ours");
    Path theirs = write(LocalSpark.SPARK_AVRO, Map.of(CONF, "CORRECTED"), Map.of(), "theirs");
    WriteTests.ApacheRead read = WriteTests.readApache(ours);
    GenericRecord first = read.records().get(0);
    assertThat(first.get("d")).isEqualTo((int) LocalDate.of(1000, 1, 1).toEpochDay());
    assertThat(read.metadata()).allSatisfy(m -> assertThat(m).doesNotContainKey("org.apache.spark.legacyDateTime"));
    assertThat(WriteTests.sorted(read.records())).isEqualTo(WriteTests.sorted(WriteTests.readApache(theirs)
        .records()));
  }

  @Test
  void exceptionRefusesAncientValuesOnly() throws Exception {
    assertThatThrownBy(() -> write(WriteTests.LANCASTER, Map.of(CONF, "EXCEPTION"), Map.of(), "ancient"))
        .isInstanceOf(SparkException.class)
        .satisfies(e -> assertThat(WriteTests.messages(e)).contains("WRITE_ANCIENT_DATETIME"));
    Path modern = dir.resolve("modern");
    WriteTests.withConfs(Map.of(CONF, "EXCEPTION"), () -> {
      LocalSpark.session().range(3).selectExpr("date'2020-02-29' as d", "timestamp'2020-02-29 10:00:00' as ts")
          .write().format(WriteTests.LANCASTER).save(modern.toString());
      return null;
    });
    assertThat(WriteTests.readApache(modern).records()).hasSize(3);
    // the option wins over the conf
    Path option = write(WriteTests.LANCASTER, Map.of(CONF, "EXCEPTION"), Map.of("datetimeRebaseMode", "corrected"),
        "option");
    assertThat(WriteTests.readApache(option).records()).hasSize(4);
  }

  @Test
  void legacyRebasesAndSaysSoInTheMetadata() throws Exception {
    Path ours = write(WriteTests.LANCASTER, Map.of(CONF, "CORRECTED"), Map.of("datetimeRebaseMode", "LEGACY"),
        "ours");
    Path theirs = write(LocalSpark.SPARK_AVRO, Map.of(CONF, "LEGACY"), Map.of(), "theirs");
    WriteTests.ApacheRead read = WriteTests.readApache(ours);
    String zone = LocalSpark.session().conf().get("spark.sql.session.timeZone");
    assertThat(read.metadata()).allSatisfy(m -> assertThat(m)
        .containsEntry("org.apache.spark.legacyDateTime", "")
        .containsEntry("org.apache.spark.timeZone", zone));
    assertThat(read.records().get(0).get("d")).isNotEqualTo((int) LocalDate.of(1000, 1, 1).toEpochDay());
    assertThat(WriteTests.sorted(read.records())).isEqualTo(WriteTests.sorted(WriteTests.readApache(theirs)
        .records()));
    // readers rebase back: spark-avro reads the DataFrame's values
    assertThat(WriteTests.canonical(LocalSpark.session().read().format(LocalSpark.SPARK_AVRO).load(ours.toString())
        .collectAsList())).isEqualTo(WriteTests.canonical(ancient().collectAsList()));
  }
}
