package io.lancaster.spark.read;

import io.lancaster.spark.testing.Canonical;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Projections (one column, a nested field, a field inside an array of structs, map values, no column at all) read
 * only part of each record; they must give what the same query gives over a full read (the rows collected and
 * queried in memory), and what spark-avro gives. Map keys and values are sorted: their order differs from
 * spark-avro's (see {@link CollectionTypesReadTest}).
 */
class ProjectionReadTest {
  @TempDir static Path dir;
  private static String path;
  private static Dataset<Row> fullRead;

  @BeforeAll
  static void writeAndReadInFull() {
    path = AvroFiles.write(Writer.LANCASTER, dir.resolve("coll.avro"), CollectionTypesReadTest.SCHEMA,
        CollectionTypesReadTest.rows()).getParent().toString();
    SparkSession spark = LocalSpark.session();
    Dataset<Row> full = spark.read().format(BothReaders.LANCASTER).load(path);
    List<Row> rows = full.collectAsList();
    assertThat(rows).hasSize(40);
    fullRead = spark.createDataFrame(rows, full.schema());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "id",
      "deep.l2.b",
      "deep.l2.l3.c; id",
      "recs.x",
      "deep.l2.l3.items.y",
      "map_values(mrec)",
      "mrec['only'].y",
      "array_sort(map_keys(m)); array_sort(map_values(mopt))",
      "mam['one']",
      "get(nested, 2); size(ints)",
      "count(*)",
      "sum(id); count(deep)",
  })
  void projectionGivesWhatAFullReadGives(String columns) {
    UnaryOperator<Dataset<Row>> query = df -> df.selectExpr(columns.split("; "));
    BothReaders.Outcome ours = BothReaders.assertSameRead(columns, path, Map.of(), query);
    assertThat(ours.rows()).as(columns).isEqualTo(Canonical.rows(query.apply(fullRead).collectAsList()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"id % 4 = 1", "deep.l2.l3.c IS NULL", "size(recs) = 2", "mopt['set'] = 's7'"})
  void filterOnAColumnNotSelectedGivesWhatAFullReadGives(String filter) {
    UnaryOperator<Dataset<Row>> query = df -> df.filter(filter).select("deep.l2.b");
    BothReaders.Outcome ours = BothReaders.assertSameRead(filter, path, Map.of(), query);
    assertThat(ours.rows()).as(filter).isEqualTo(Canonical.rows(query.apply(fullRead).collectAsList()))
        .isNotEmpty();
  }
}
