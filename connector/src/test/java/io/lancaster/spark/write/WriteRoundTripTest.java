package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DataFrame of every type written by Lancaster ({@code format("lancaster")}) and by spark-avro: spark-avro reads
 * Lancaster's files as the DataFrame; Apache Avro Java reads both writers' files to the same schema and records;
 * Lancaster reads spark-avro's files as spark-avro does.
 */
class WriteRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyTypeWritesAsSparkAvroWrites() {
    Dataset<Row> df = EveryTypeFrame.of(1000, 3);
    Path ours = dir.resolve("lancaster");
    Path theirs = dir.resolve("spark-avro");
    df.write().format(WriteTests.LANCASTER).save(ours.toString());
    df.write().format(LocalSpark.SPARK_AVRO).save(theirs.toString());

    // spark-avro reads Lancaster's files as the DataFrame (in the types Avro gives back: byte and short as int)
    Dataset<Row> readOurs = LocalSpark.session().read().format(LocalSpark.SPARK_AVRO).load(ours.toString());
    Dataset<Row> readTheirs = LocalSpark.session().read().format(LocalSpark.SPARK_AVRO).load(theirs.toString());
    assertThat(readOurs.schema()).isEqualTo(readTheirs.schema());
    List<String> expected = WriteTests.canonical(castTo(df, readOurs.schema()).collectAsList());
    assertThat(WriteTests.canonical(readOurs.collectAsList())).hasSize(1000).isEqualTo(expected);

    // Apache Avro Java: the same writer schema and the same records from both writers
    WriteTests.ApacheRead a = WriteTests.readApache(ours);
    WriteTests.ApacheRead b = WriteTests.readApache(theirs);
    assertThat(a.schemas()).hasSize(3).allSatisfy(s -> assertThat(s).isEqualTo(b.schemas().get(0)));
    assertThat(WriteTests.sorted(a.records())).isEqualTo(WriteTests.sorted(b.records()));
    assertThat(a.metadata()).allSatisfy(m -> assertThat(m)
        .containsEntry("org.apache.spark.version", org.apache.spark.package$.MODULE$.SPARK_VERSION_SHORT())
        .containsEntry("avro.codec", "snappy")
        .doesNotContainKey("org.apache.spark.legacyDateTime"));

    // and Lancaster reads spark-avro's files as spark-avro does
    Dataset<Row> lancasterReadsTheirs = LocalSpark.session().read().format(WriteTests.LANCASTER)
        .load(theirs.toString());
    assertThat(lancasterReadsTheirs.schema()).isEqualTo(readTheirs.schema());
    assertThat(WriteTests.canonical(lancasterReadsTheirs.collectAsList()))
        .isEqualTo(WriteTests.canonical(readTheirs.collectAsList()));
  }

  @Test
  void timesWithSparksTimeType() throws Exception {
    WriteTests.withConfs(Map.of("spark.sql.timeType.enabled", "true"), () -> {
      Dataset<Row> df = LocalSpark.session().range(0, 100, 1, 2).selectExpr("id",
          "cast(concat(lpad(string(id % 24), 2, '0'), ':', lpad(string(id % 60), 2, '0'), ':01.123456') as time(6))"
              + " as t",
          "if(id % 2 = 0, null, cast('23:59:59.999' as time(3))) as t3");
      Path ours = dir.resolve("ours");
      Path theirs = dir.resolve("theirs");
      df.write().format(WriteTests.LANCASTER).save(ours.toString());
      df.write().format(LocalSpark.SPARK_AVRO).save(theirs.toString());
      WriteTests.ApacheRead a = WriteTests.readApache(ours);
      WriteTests.ApacheRead b = WriteTests.readApache(theirs);
      assertThat(a.schemas().get(0)).isEqualTo(b.schemas().get(0));
      assertThat(a.schemas().get(0).getField("t").schema().getTypes().get(0).getLogicalType().getName())
          .isEqualTo("time-micros");
      assertThat(WriteTests.sorted(a.records())).hasSize(100).isEqualTo(WriteTests.sorted(b.records()));
      Dataset<Row> read = LocalSpark.session().read().format(LocalSpark.SPARK_AVRO).load(ours.toString());
      assertThat(WriteTests.canonical(read.collectAsList())).isEqualTo(WriteTests.canonical(df.collectAsList()));
      return null;
    });
  }

  @Test
  void emptyFrameWritesAReadableFile() {
    Path out = dir.resolve("empty");
    LocalSpark.session().range(0).selectExpr("id", "'x' as s").write().format(WriteTests.LANCASTER)
        .save(out.toString());
    Dataset<Row> read = LocalSpark.session().read().format(LocalSpark.SPARK_AVRO).load(out.toString());
    assertThat(read.count()).isZero();
    assertThat(read.schema().fieldNames()).containsExactly("id", "s");
  }

  /** The DataFrame with each column cast to the type it reads back as. */
  static Dataset<Row> castTo(Dataset<Row> df, StructType target) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : target.fields()) {
      cols.add(functions.col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return df.select(cols.toArray(new Column[0]));
  }
}
