package io.lancaster.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.Canonical;
import io.lancaster.spark.testing.LocalSpark;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroKeyRecordWriter;
import org.apache.hadoop.io.NullWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by avro-mapred's record writer read as spark-avro reads them; bucketed tables through Spark. */
class PeerFilesAndBucketsTest {
  @TempDir Path dir;

  @Test
  void readsAvroMapredOutputLikeSparkAvro() throws Exception {
    org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse("""
        {"type":"record","name":"event","namespace":"shop","fields":[
          {"name":"id","type":"long"},
          {"name":"user","type":["null","string"]},
          {"name":"items","type":{"type":"array","items":"int"}}]}""");
    Path out = Files.createDirectories(dir.resolve("mapred"));
    // What an avro-mapred job's AvroKeyOutputFormat task writes: part files without the .avro extension too.
    for (int part = 0; part < 2; part++) {
      try (OutputStream os = Files.newOutputStream(out.resolve("part-r-0000" + part))) {
        AvroKeyRecordWriter<GenericRecord> w =
            new AvroKeyRecordWriter<>(schema, GenericData.get(), CodecFactory.deflateCodec(6), os, 1024);
        for (int i = 0; i < 5_000; i++) {
          GenericRecord r = new GenericData.Record(schema);
          r.put("id", part * 10_000L + i);
          r.put("user", i % 7 == 0 ? null : "u" + (i % 100));
          r.put("items", List.of(i, i + 1));
          w.write(new AvroKey<>(r), NullWritable.get());
        }
        w.close(null);
      }
    }
    SparkSession spark = LocalSpark.session();
    Dataset<Row> ours = spark.read().format("lancaster").load(out.toString());
    Dataset<Row> theirs = spark.read().format(LocalSpark.SPARK_AVRO).load(out.toString());
    assertThat(ours.schema()).isEqualTo(theirs.schema());
    assertThat(Canonical.rows(ours.collectAsList())).hasSize(10_000)
        .isEqualTo(Canonical.rows(theirs.collectAsList()));
  }

  @Test
  void bucketedTablesAreWrittenAndReadThroughSpark() {
    SparkSession spark = LocalSpark.session();
    String table = "lancaster_bucketed";
    spark.sql("DROP TABLE IF EXISTS " + table);
    try {
      spark.range(0, 2_000).selectExpr("id", "id % 50 AS k", "cast(id AS string) AS s")
          .write().format("lancaster").bucketBy(4, "k").sortBy("k").saveAsTable(table);
      Dataset<Row> t = spark.table(table);
      assertThat(t.count()).isEqualTo(2_000);
      assertThat(spark.sql("SELECT sum(id) FROM " + table).first().getLong(0)).isEqualTo(1_999_000L);
      // Spark plans the aggregation on the bucket column without a shuffle: the buckets come from the table.
      String plan = t.groupBy("k").count().queryExecution().executedPlan().toString();
      assertThat(plan).contains("LancasterAvro").doesNotContain("Exchange hashpartitioning");
      assertThat(t.groupBy("k").count().collectAsList()).hasSize(50);
    } finally {
      spark.sql("DROP TABLE IF EXISTS " + table);
    }
  }
}
