package io.lancaster.spark.read;

import io.lancaster.spark.testing.SparkConfs;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The columnar path (whole-stage codegen on), the row fallback (codegen off), off-heap column vectors and batch
 * sizes 1, 7 and 4096 all read the same rows as spark-avro, for nested data (arrays, maps, structs) and unions.
 */
class ColumnarAndRowPathsTest {
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String OFF_HEAP = "spark.sql.columnVector.offheap.enabled";

  @TempDir static Path dir;
  private static String nested;
  private static String unions;
  private static List<String> nestedAll;
  private static List<String> nestedFiltered;
  private static List<String> unionsAll;

  private static final UnaryOperator<Dataset<Row>> FILTERED =
      df -> df.filter("id % 3 = 1").select("id", "deep.l2.l3", "mrec", "ints");

  @BeforeAll
  static void writeFilesAndReadThemWithSparkAvro() {
    nested = AvroFiles.write(Writer.LANCASTER, dir.resolve("nested/a.avro"), CollectionTypesReadTest.SCHEMA,
        CollectionTypesReadTest.rows()).getParent().toString();
    unions = AvroFiles.write(Writer.APACHE, dir.resolve("unions/a.avro"), UnionTypesReadTest.SCHEMA,
        UnionTypesReadTest.rows()).getParent().toString();
    nestedAll = sparkAvro(nested, UnaryOperator.identity());
    nestedFiltered = sparkAvro(nested, FILTERED);
    unionsAll = sparkAvro(unions, UnaryOperator.identity());
    assertThat(nestedFiltered).hasSizeBetween(10, nestedAll.size() - 10);
  }

  private static List<String> sparkAvro(String path, UnaryOperator<Dataset<Row>> query) {
    BothReaders.Outcome theirs = BothReaders.read(LocalSpark.SPARK_AVRO, path, Map.of(), query);
    assertThat(theirs.failed()).as("%s", theirs).isFalse();
    return theirs.rows();
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("columnar", Map.of(WHOLE_STAGE, "true"), Map.of(), true),
        Arguments.of("row fallback", Map.of(WHOLE_STAGE, "false"), Map.of(), false),
        Arguments.of("off-heap", Map.of(WHOLE_STAGE, "true", OFF_HEAP, "true"), Map.of(), true),
        Arguments.of("batch 1", Map.of(), Map.of("batchSize", "1"), true),
        Arguments.of("batch 7", Map.of(), Map.of("batchSize", "7"), true),
        Arguments.of("batch 7 row fallback", Map.of(WHOLE_STAGE, "false"), Map.of("batchSize", "7"), false),
        Arguments.of("batch 4096", Map.of(), Map.of("batchSize", "4096"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void everyPathReadsWhatSparkAvroReads(String name, Map<String, String> confs, Map<String, String> options,
      boolean batched) throws Exception {
    SparkConfs.with(confs, () -> {
      Dataset<Row> df = LocalSpark.session().read().format(BothReaders.LANCASTER).options(options).load(nested);
      String plan = df.queryExecution().executedPlan().toString();
      assertThat(plan).as(plan).contains("LancasterAvro").contains("Batched: " + batched);
      assertThat(lancaster(nested, options, UnaryOperator.identity())).as(name).isEqualTo(nestedAll);
      assertThat(lancaster(nested, options, FILTERED)).as(name + " filtered").isEqualTo(nestedFiltered);
      assertThat(lancaster(unions, options, UnaryOperator.identity())).as(name + " unions").isEqualTo(unionsAll);
      return null;
    });
  }

  private static List<String> lancaster(String path, Map<String, String> options,
      UnaryOperator<Dataset<Row>> query) {
    BothReaders.Outcome ours = BothReaders.read(BothReaders.LANCASTER, path, options, query);
    assertThat(ours.failed()).as("%s", ours).isFalse();
    return ours.rows();
  }
}
