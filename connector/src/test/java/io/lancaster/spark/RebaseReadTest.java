package io.lancaster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates and timestamps before the Gregorian switch: the {@code datetimeRebaseMode} option, the conf, and the
 * metadata Spark writes into files decide as in spark-avro, and both read the same values in every mode.
 */
class RebaseReadTest {
  private static final Schema SCHEMA = Schema.parse("""
      {"type":"record","name":"r","fields":[
        {"name":"id","type":"int"},
        {"name":"d","type":{"type":"int","logicalType":"date"}},
        {"name":"tm","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"tu","type":{"type":"long","logicalType":"timestamp-micros"}}
      ]}""");
  private static final int[] DAYS = {-141_714, -141_427, -100_000, 0, 18_000}; // 1582-01-01, 1582-10-15, ...

  @TempDir static Path dir;
  static Path plain;
  static Path legacySpark;
  static Path modernSpark;

  @BeforeAll
  static void write() throws Exception {
    plain = write("plain", null, null);
    legacySpark = write("legacy", "2.4.8", null);
    modernSpark = write("modern", "3.5.0", null);
  }

  private static Path write(String name, String sparkVersion, String legacy) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    DataFileWriter<Object> w = DataFileWriter.generic();
    if (sparkVersion != null) {
      w.setMeta("org.apache.spark.version", sparkVersion);
    }
    if (legacy != null) {
      w.setMeta("org.apache.spark.legacyDateTime", legacy);
    }
    try (DataFileWriter<Object> out = w.create(SCHEMA, d.resolve("part.avro"))) {
      for (int i = 0; i < DAYS.length; i++) {
        GenericRecord r = new GenericRecord((RecordSchema) SCHEMA);
        r.put("id", i);
        r.put("d", DAYS[i]);
        r.put("tm", DAYS[i] * 86_400_000L + 1234);
        r.put("tu", DAYS[i] * 86_400_000_000L + 5678);
        out.append(r);
      }
    }
    return d;
  }

  private static List<Row> read(String format, Path d, String mode) {
    SparkSession spark = LocalSpark.session();
    var reader = spark.read().format(format);
    if (mode != null) {
      reader = reader.option("datetimeRebaseMode", mode);
    }
    return reader.load(d.toString()).orderBy("id").collectAsList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CORRECTED", "LEGACY"})
  void sameValuesAsSparkAvroInEachMode(String mode) {
    List<Row> ours = read("lancaster", plain, mode);
    assertThat(ours).hasSize(DAYS.length).isEqualTo(read(LocalSpark.SPARK_AVRO, plain, mode));
  }

  @Test
  void exceptionModeRefusesAncientValuesLikeSparkAvro() {
    assertThatThrownBy(() -> read("lancaster", plain, "EXCEPTION"))
        .satisfies(e -> assertThat(causes(e)).contains("SparkUpgradeException"));
    assertThatThrownBy(() -> read(LocalSpark.SPARK_AVRO, plain, "EXCEPTION"))
        .satisfies(e -> assertThat(causes(e)).contains("SparkUpgradeException"));
  }

  @Test
  void legacyAndModernSparkFilesCarryTheirModeInTheirMetadata() {
    // The default conf is EXCEPTION, yet files written by Spark need no option: the metadata decides.
    List<Row> legacy = read("lancaster", legacySpark, null);
    assertThat(legacy).isEqualTo(read(LocalSpark.SPARK_AVRO, legacySpark, null))
        .isEqualTo(read("lancaster", plain, "LEGACY"));
    List<Row> modern = read("lancaster", modernSpark, null);
    assertThat(modern).isEqualTo(read(LocalSpark.SPARK_AVRO, modernSpark, null))
        .isEqualTo(read("lancaster", plain, "CORRECTED"));
    assertThat(legacy).isNotEqualTo(modern);
  }

  @Test
  void defaultIsSparksDefaultMode() {
    // Spark 4.2's spark.sql.avro.datetimeRebaseModeInRead defaults to CORRECTED.
    assertThat(read("lancaster", plain, null)).isEqualTo(read(LocalSpark.SPARK_AVRO, plain, null))
        .isEqualTo(read("lancaster", plain, "CORRECTED"));
  }

  @Test
  void confSetsTheModeWhenNoOptionIsGiven() {
    SparkSession spark = LocalSpark.session();
    spark.conf().set("spark.sql.avro.datetimeRebaseModeInRead", "LEGACY");
    try {
      assertThat(read("lancaster", plain, null)).isEqualTo(read("lancaster", plain, "LEGACY"));
    } finally {
      spark.conf().unset("spark.sql.avro.datetimeRebaseModeInRead");
    }
  }

  private static String causes(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
