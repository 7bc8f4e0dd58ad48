package io.lancaster.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeReadTest {
  @TempDir Path dir;

  @Test
  void readsWhatSparkAvroReads() throws Exception {
    Schema schema = Schema.parse("""
        {"type":"record","name":"r","fields":[
          {"name":"id","type":"long"},
          {"name":"name","type":["null","string"]},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"attrs","type":{"type":"map","values":"int"}},
          {"name":"inner","type":{"type":"record","name":"in","fields":[{"name":"x","type":"double"}]}},
          {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros"}},
          {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
          {"name":"u","type":["int","string","null"]}
        ]}""");
    Path file = dir.resolve("a.avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.snappy()).create(schema, file)) {
      for (int i = 0; i < 10_000; i++) {
        GenericRecord r = new GenericRecord((RecordSchema) schema);
        r.put("id", (long) i);
        r.put("name", i % 3 == 0 ? null : "n" + i);
        r.put("tags", List.of("a" + i, "b"));
        r.put("attrs", Map.of("k" + (i % 5), i));
        GenericRecord in = new GenericRecord((RecordSchema) ((RecordSchema) schema).field("inner").schema());
        in.put("x", i / 2.0);
        r.put("inner", in);
        r.put("ts", 1_700_000_000_000_000L + i);
        r.put("amount", java.nio.ByteBuffer.wrap(java.math.BigInteger.valueOf(i * 101L).toByteArray()));
        r.put("u", i % 3 == 0 ? (Object) i : i % 3 == 1 ? "s" + i : null);
        w.append(r);
      }
    }
    SparkSession spark = LocalSpark.session();
    Dataset<Row> ours = spark.read().format("lancaster").load(dir.toString());
    Dataset<Row> theirs = spark.read().format(LocalSpark.SPARK_AVRO).load(dir.toString());
    assertThat(ours.schema()).isEqualTo(theirs.schema());
    List<Row> a = ours.orderBy("id").collectAsList();
    List<Row> b = theirs.orderBy("id").collectAsList();
    assertThat(a).hasSize(10_000).isEqualTo(b);
    assertThat(ours.selectExpr("sum(id)").first().getLong(0)).isEqualTo(49_995_000L);
    assertThat(ours.filter("name = 'n5'").count()).isEqualTo(1);
    assertThat(ours.selectExpr("inner.x").filter("id = 4").first().getDouble(0)).isEqualTo(2.0);
  }
}
