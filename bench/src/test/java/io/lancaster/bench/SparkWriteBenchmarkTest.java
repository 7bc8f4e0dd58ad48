package io.lancaster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lancaster.bench.spark.LocalSpark;
import io.lancaster.bench.write.WriteBenchOptions;
import io.lancaster.bench.write.WriteCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write benchmark on a few thousand rows: both writers, two codecs, checked outputs and the reports. */
class SparkWriteBenchmarkTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("SparkWriteBenchmarkTest");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void timesBothWritersPerCodecChecksTheirOutputsAndReports() throws Exception {
    Path work = dir.resolve("work");
    Path reports = dir.resolve("reports");
    WriteBenchOptions options = new WriteBenchOptions(3_000, 2, 0, 2,
        List.of(WriteCodec.UNCOMPRESSED, WriteCodec.ZSTANDARD), work, reports);
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    int status = SparkWriteBenchmark.run(spark, options, new PrintStream(console, true, StandardCharsets.UTF_8));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    assertThat(printed).contains("Both writers' outputs hold the rows written");
    assertThat(work).doesNotExist();

    List<String> csv = Files.readAllLines(reports.resolve("spark-write-benchmark.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0)).startsWith("codec,writer,rows,");
    assertThat(csv.subList(1, 5)).extracting(line -> String.join(",", List.of(line.split(",")).subList(0, 3)))
        .containsExactly("uncompressed,Lancaster,3000", "uncompressed,spark-avro,3000",
            "zstandard,Lancaster,3000", "zstandard,spark-avro,3000");
    for (String line : csv.subList(1, 5)) {
      String[] cells = line.split(",");
      assertThat(Long.parseLong(cells[6])).as("output bytes of " + line).isPositive();
      assertThat(cells[7]).as("runs").isEqualTo("2");
      assertThat(cells[9].split(" ")).as("run seconds").hasSize(2);
    }
    // Lancaster/spark-avro is spark-avro's best time over Lancaster's, on both of the codec's lines.
    String[] lancaster = csv.get(1).split(",");
    String[] sparkAvro = csv.get(2).split(",");
    assertThat(Double.parseDouble(lancaster[8]))
        .isCloseTo(Double.parseDouble(sparkAvro[3]) / Double.parseDouble(lancaster[3]), within(0.006));
    assertThat(sparkAvro[8]).isEqualTo(lancaster[8]);

    String md = Files.readString(reports.resolve("spark-write-benchmark.md"));
    assertThat(md).startsWith("# Spark write benchmark").contains("| uncompressed | 3,000 |")
        .contains("| zstandard | 3,000 |").contains("amount DECIMAL(12,2)");
  }
}
