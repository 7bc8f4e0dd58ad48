package io.lancaster.spark.stream;

import static io.lancaster.spark.functions.AvroFunctions.from_avro;
import static io.lancaster.spark.functions.AvroFunctions.to_avro;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

/**
 * {@code to_avro} and {@code from_avro} in streaming queries, Kafka-style without Kafka: values as Avro binary
 * datums, from a memory source into the memory sink, over several micro-batches. Encoding then decoding gives the
 * rows back; messages Apache Avro Java encoded decode to its records and encode again to the same bytes; a
 * malformed message in PERMISSIVE mode gives a struct of nulls (as spark-avro's) and the stream goes on.
 */
class AvroFunctionsStreamTest {
  static final String SCHEMA = """
      {"type":"record","name":"Event","namespace":"stream","fields":[
        {"name":"id","type":"long"},
        {"name":"name","type":"string"},
        {"name":"score","type":["null","double"]}]}""";

  private static <T> scala.collection.immutable.Seq<T> seq(List<T> items) {
    return scala.jdk.javaapi.CollectionConverters.asScala(items).toSeq();
  }

  /** Starts {@code rows} into a memory sink; returns the query and the sink's table name. */
  private static StreamingQuery toMemory(Dataset<Row> rows, String table) throws TimeoutException {
    return rows.writeStream().format("memory").queryName(table).outputMode("append").start();
  }

  private static List<Row> table(String name, String orderBy) {
    return LocalSpark.session().table(name).orderBy(orderBy).collectAsList();
  }

  private static String uniqueName() {
    return "stream_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void toAvroThenFromAvroGivesTheRowsBackInEveryBatch() throws Exception {
    MemoryStream<Long> input = MemoryStream.apply(Encoders.LONG(), LocalSpark.session());
    Dataset<Row> events = input.toDF().selectExpr("value as id", "concat('n', value) as name",
        "if(value % 2 = 0, null, value * 1.5D) as score");
    Dataset<Row> messages = events.select(col("id").cast("string").as("key"),
        to_avro(struct(col("id"), col("name"), col("score")), SCHEMA).as("value"));
    Dataset<Row> decoded = messages.select(col("key"), from_avro(col("value"), SCHEMA).as("event"))
        .select("key", "event.*");

    String table = uniqueName();
    StreamingQuery q = toMemory(decoded, table);
    try {
      input.addData(seq(LongStream.range(0, 5).boxed().toList()));
      q.processAllAvailable();
      input.addData(seq(LongStream.range(5, 12).boxed().toList()));
      q.processAllAvailable();
    } finally {
      q.stop();
    }

    List<String> expected = new ArrayList<>();
    for (long i = 0; i < 12; i++) {
      expected.add(i + "|" + i + "|n" + i + "|" + (i % 2 == 0 ? null : i * 1.5));
    }
    List<String> actual = table(table, "id").stream()
        .map(r -> r.getString(0) + "|" + r.getLong(1) + "|" + r.getString(2) + "|" + r.get(3)).toList();
    assertThat(actual).isEqualTo(expected);
  }

  private static final org.apache.avro.Schema APACHE = new org.apache.avro.Schema.Parser().parse(SCHEMA);

  private static GenericRecord record(long id) {
    GenericRecord r = new GenericData.Record(APACHE);
    r.put("id", id);
    r.put("name", "n" + id);
    r.put("score", id % 3 == 0 ? null : id / 4.0);
    return r;
  }

  private static byte[] encode(GenericRecord r) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(APACHE).write(r, e);
      e.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void apacheAvroMessagesDecodeAndEncodeAgainToTheSameBytes() throws Exception {
    MemoryStream<byte[]> input = MemoryStream.apply(Encoders.BINARY(), LocalSpark.session());
    Dataset<Row> decoded = input.toDF()
        .select(col("value"), from_avro(col("value"), SCHEMA, Map.of("mode", "PERMISSIVE")).as("event"))
        .withColumn("malformed", col("event.id").isNull())
        // a malformed message's struct of nulls does not fit the schema: only good ones are encoded again
        .withColumn("again", when(not(col("malformed")), to_avro(col("event"), SCHEMA)));

    String table = uniqueName();
    StreamingQuery q = toMemory(decoded.selectExpr("value", "again", "event.id as id", "event.name as name",
        "event.score as score", "malformed"), table);
    byte[] malformed = {(byte) 0x80}; // a varint that never ends
    try {
      input.addData(seq(List.of(encode(record(0)), encode(record(1)), encode(record(2)))));
      q.processAllAvailable();
      input.addData(seq(List.of(encode(record(3)), malformed, encode(record(4)))));
      q.processAllAvailable();
    } finally {
      q.stop();
    }

    List<Row> rows = LocalSpark.session().table(table).collectAsList();
    assertThat(rows).hasSize(6);
    List<Long> ids = new ArrayList<>();
    for (Row r : rows) {
      byte[] value = r.getAs("value");
      if (r.<Boolean>getAs("malformed")) {
        assertThat(value).isEqualTo(malformed);
        assertThat((Object) r.getAs("name")).isNull();
        assertThat((Object) r.getAs("again")).isNull();
        continue;
      }
      long id = r.getAs("id");
      ids.add(id);
      GenericRecord expected = record(id);
      assertThat(value).isEqualTo(encode(expected));
      assertThat((String) r.getAs("name")).isEqualTo(expected.get("name").toString());
      assertThat((Object) r.getAs("score")).isEqualTo(expected.get("score"));
      assertThat((byte[]) r.getAs("again")).as("encoded again").isEqualTo(value);
    }
    ids.sort(null);
    assertThat(ids).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(rows.stream().filter(r -> r.<Boolean>getAs("malformed")).count()).isEqualTo(1);
    assertThat(Arrays.asList(q.recentProgress()).stream().filter(p -> p.numInputRows() > 0).count())
        .as("two micro-batches").isEqualTo(2);
  }
}
