package io.lancaster.spark.read;

import io.lancaster.spark.testing.SparkConfs;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters pushed into the reader (rows rejected while decoding) give the same rows as with pushdown off and as
 * spark-avro, also when rejected rows held arrays, maps and nested records, and with small batches.
 */
class FilterPushdownTest {
  private static final String PUSHDOWN = "spark.sql.avro.filterPushdown.enabled";
  static final Schema SCHEMA = Schema.parse("""
      {"type":"record","name":"F","fields":[
        {"name":"id","type":"int"},
        {"name":"s","type":["null","string"]},
        {"name":"n","type":["null","long"]},
        {"name":"tags","type":{"type":"array","items":"string"}},
        {"name":"inner","type":{"type":"record","name":"In","fields":[
          {"name":"x","type":"int"},{"name":"y","type":["null","string"]},
          {"name":"z","type":{"type":"array","items":["null","int"]}}]}},
        {"name":"m","type":{"type":"map","values":"int"}}
      ]}""");

  @TempDir static Path dir;
  private static String path;

  @BeforeAll
  static void write() {
    Schema in = Values.named(SCHEMA, "In");
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      List<String> tags = new ArrayList<>();
      for (int t = 0; t < i % 5; t++) {
        tags.add("t" + i + "_" + t);
      }
      List<Integer> z = new ArrayList<>();
      for (int t = 0; t < i % 3; t++) {
        z.add(t == 1 ? null : i);
      }
      rows.add(Values.record(SCHEMA, i, i % 7 == 0 ? null : "x" + (i % 100), i % 5 == 0 ? null : (long) i * i,
          tags, Values.record(in, i % 50, i % 2 == 0 ? null : "y" + i, z), i % 4 == 0 ? Map.of() : Map.of("k", i)));
    }
    path = AvroFiles.write(Writer.LANCASTER, dir.resolve("f/a.avro"), SCHEMA, rows).getParent().toString();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "s = 'x3'",
      "s IS NULL",
      "n IS NOT NULL AND id < 100",
      "id IN (1, 2, 3, 50, 2999)",
      "(id < 30 OR s = 'x7') AND n IS NULL",
      "s LIKE 'x1%' OR id >= 2990",
      "NOT (id <> 4)",
      "inner.x = 7 AND s IS NOT NULL",
      "s IN ('x5', 'x6') AND NOT (n IS NULL)",
  })
  void pushedFiltersGiveTheRowsOfUnpushedOnesAndOfSparkAvro(String filter) throws Exception {
    UnaryOperator<Dataset<Row>> query = df -> df.filter(filter);
    List<String> expected = SparkConfs.with(Map.of(PUSHDOWN, "true"),
        () -> BothReaders.assertSameRead(filter, path, Map.of(), query).rows());
    assertThat(expected).as("the filter selects some rows and rejects some").isNotEmpty().hasSizeLessThan(3000);
    List<String> smallBatches = SparkConfs.with(Map.of(PUSHDOWN, "true"),
        () -> BothReaders.read(BothReaders.LANCASTER, path, Map.of("batchSize", "7"), query).rows());
    List<String> notPushed = SparkConfs.with(Map.of(PUSHDOWN, "false"),
        () -> BothReaders.read(BothReaders.LANCASTER, path, Map.of(), query).rows());
    assertThat(smallBatches).as("batch size 7").isEqualTo(expected);
    assertThat(notPushed).as("pushdown off").isEqualTo(expected);
  }

  @Test
  void planShowsABatchedLancasterScanWithPushedFilters() {
    Dataset<Row> df = LocalSpark.session().read().format(BothReaders.LANCASTER).load(path)
        .filter("id = 5 AND s IS NOT NULL");
    String plan = df.queryExecution().executedPlan().toString();
    assertThat(plan).as(plan).contains("LancasterAvro", "Batched: true", "PushedFilters: [", "EqualTo(id,5)",
        "IsNotNull(s)");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void pushedFiltersDropRowsInTheScan(boolean pushdown) throws Exception {
    long scanned = SparkConfs.with(Map.of(PUSHDOWN, Boolean.toString(pushdown)), () -> {
      Dataset<Row> df = LocalSpark.session().read().format(BothReaders.LANCASTER).load(path).filter("id < 10");
      assertThat(df.collectAsList()).hasSize(10);
      return Plans.fileScan(df.queryExecution().executedPlan()).metrics().apply("numOutputRows").value();
    });
    assertThat(scanned).as("rows out of the scan").isEqualTo(pushdown ? 10 : 3000);
  }
}
