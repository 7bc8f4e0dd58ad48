package io.lancaster.bench.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.bench.spark.LocalSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated rows, and the untimed check that an output holds them with the codec asked for. */
class OutputCheckTest {
  private static final long ROWS = 3_000;

  private static SparkSession spark;
  private static Dataset<Row> source;
  private static OutputCheck check;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("OutputCheckTest");
    source = MixedRows.generate(spark, ROWS, 2).cache();
    check = new OutputCheck(source);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void rowsMixTheBenchmarkTypes() {
    StructType schema = source.schema();
    assertThat(schema.fieldNames()).containsExactly("id", "qty", "price", "customer", "note", "created_at", "amount",
        "day", "address", "tags");
    assertThat(schema.apply("amount").dataType()).isEqualTo(DataTypes.createDecimalType(12, 2));
    assertThat(schema.apply("created_at").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(schema.apply("day").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(schema.apply("tags").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType));

    long nullNotes = source.where(col("note").isNull()).count();
    assertThat(nullNotes).isBetween(ROWS / 5, ROWS / 2);
    assertThat(source.select(size(col("tags")).as("n")).distinct()
        .orderBy("n").collectAsList()).extracting(r -> r.getInt(0)).containsExactly(0, 1, 2, 3, 4);
    assertThat(source.select("customer").distinct().count()).isGreaterThan(ROWS / 2);
  }

  @Test
  void bothWritersOutputsPass() throws Exception {
    for (BenchWriter writer : BenchWriter.values()) {
      Path out = dir.resolve(writer.name());
      writer.write(source, WriteCodec.DEFLATE, out);
      assertThat(check.problems(writer, WriteCodec.DEFLATE, out)).as(writer.label()).isEmpty();
    }
  }

  @Test
  void findsMissingRows() throws Exception {
    BenchWriter.LANCASTER.write(source.limit((int) ROWS - 1), WriteCodec.SNAPPY, dir);
    assertThat(check.problems(BenchWriter.LANCASTER, WriteCodec.SNAPPY, dir))
        .containsExactly("Lancaster with snappy: 2999 rows read back, 3000 written");
  }

  @Test
  void findsChangedValues() throws Exception {
    Dataset<Row> changed = source.withColumn("qty", when(col("id").equalTo(7), col("qty").plus(1))
        .otherwise(col("qty")));
    BenchWriter.SPARK_AVRO.write(changed, WriteCodec.SNAPPY, dir);
    assertThat(check.problems(BenchWriter.SPARK_AVRO, WriteCodec.SNAPPY, dir)).singleElement().asString()
        .startsWith("spark-avro with snappy: the rows read back differ from the rows written");
  }

  @Test
  void findsAnotherCodec() throws Exception {
    BenchWriter.LANCASTER.write(source, WriteCodec.SNAPPY, dir);
    assertThat(check.problems(BenchWriter.LANCASTER, WriteCodec.ZSTANDARD, dir))
        .isNotEmpty().allSatisfy(p -> assertThat(p).contains("with codec snappy, not zstandard"));
  }

  @Test
  void findsNoOutput() throws Exception {
    assertThat(check.problems(BenchWriter.LANCASTER, WriteCodec.SNAPPY, dir.resolve("absent")))
        .singleElement().asString().startsWith("Lancaster with snappy wrote no .avro file");
  }
}
