package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random DataFrames: random Avro schemas and values (every type, logical types, enums, fixed, unions of any shape),
 * read by spark-avro into a DataFrame, which Lancaster and spark-avro then each write, once with the converted schema
 * and once with the original schema as {@code avroSchema} (enums, fixed, unions of members, millisecond timestamps,
 * bytes decimals, [int, long] and [float, double] unions, unions with null first). Both writes fail, or Apache Avro
 * Java reads the same schema and records from both.
 */
class RandomFramesWriteTest {
  private static final int SEEDS = 60;

  @TempDir Path dir;

  @Test
  void randomFramesWriteAsSparkAvroWritesThem() throws Exception {
    WriteTests.withConfs(Map.of("spark.sql.avro.datetimeRebaseModeInWrite", "CORRECTED",
        "spark.sql.timeType.enabled", "true"), () -> {
          compareSeeds();
          return null;
        });
  }

  private void compareSeeds() throws Exception {
    // no recursion: spark-avro reads no recursive schema by default
    RandomSchemas schemas = new RandomSchemas(RandomSchemas.Options.DEFAULT.withRecordPercent(100)
        .withRecursion(false));
    RandomData data = new RandomData(4, 4);
    int written = 0;
    int writtenWithSchema = 0;
    int unreadable = 0;
    List<String> failedAlike = new ArrayList<>();
    for (int seed = 0; seed < SEEDS; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      Path in = dir.resolve("seed" + seed).resolve("in");
      Files.createDirectories(in);
      try (DataFileWriter<Object> w = DataFileWriter.generic().create(schema, in.resolve("data.avro"))) {
        for (int i = 0; i < 12; i++) {
          w.append(data.next(schema, random));
        }
      }
      Dataset<Row> df;
      try {
        df = LocalSpark.session().read().format(LocalSpark.SPARK_AVRO)
            .option("datetimeRebaseMode", "CORRECTED").load(in.toString());
        df.collectAsList();
      } catch (Exception e) {
        unreadable++;
        continue; // spark-avro cannot read it (recursion, values out of Spark's range): no DataFrame to write
      }
      String what = "seed " + seed + " " + schema;
      if (compare(what, df, Map.of(), dir.resolve("seed" + seed).resolve("plain"), failedAlike)) {
        written++;
      }
      if (compare(what, df, Map.of("avroSchema", schema.toString()), dir.resolve("seed" + seed).resolve("schema"),
          failedAlike)) {
        writtenWithSchema++;
      }
    }
    System.out.println("random frames: " + unreadable + " unreadable, " + written + " written alike, " + writtenWithSchema
        + " with their avroSchema; failed alike:\n  " + String.join("\n  ", failedAlike));
    assertThat(written).isGreaterThan(SEEDS / 3);
    assertThat(writtenWithSchema).isGreaterThan(SEEDS / 3);
  }

  /** Writes with both; true when both wrote (and the files agree), false when both failed. */
  private static boolean compare(String what, Dataset<Row> df, Map<String, String> options, Path out,
      List<String> failedAlike) {
    Exception ours = write(df, WriteTests.LANCASTER, options, out.resolve("ours"));
    Exception theirs = write(df, LocalSpark.SPARK_AVRO, options, out.resolve("theirs"));
    if (theirs != null || ours != null) {
      assertThat(ours).as("%s %s: spark-avro failed with\n%s", what, options,
          theirs == null ? "" : WriteTests.messages(theirs)).isNotNull();
      assertThat(theirs).as("%s %s: Lancaster failed with\n%s", what, options, WriteTests.messages(ours))
          .isNotNull();
      failedAlike.add(what.substring(0, what.indexOf(' ', 5)) + (options.isEmpty() ? "" : " (avroSchema)") + ": "
          + ours.getMessage().lines().findFirst().orElse(""));
      return false;
    }
    WriteTests.ApacheRead a = WriteTests.readApache(out.resolve("ours"));
    WriteTests.ApacheRead b = WriteTests.readApache(out.resolve("theirs"));
    assertThat(a.schemas()).as(what).isNotEmpty();
    assertThat(a.schemas()).as(what).allSatisfy(s -> assertThat(s).isEqualTo(b.schemas().get(0)));
    assertThat(WriteTests.sorted(a.records())).as(what).isEqualTo(WriteTests.sorted(b.records()));
    return true;
  }

  private static Exception write(Dataset<Row> df, String format, Map<String, String> options, Path out) {
    try {
      df.write().format(format).options(options).save(out.toString());
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
