package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directories: partitioned layouts (key=value) with partition pruning, files of different writer schemas with and
 * without mergeSchema, files without the .avro extension, pathGlobFilter and recursiveFileLookup.
 */
class DirectoryReadTest {
  static final Schema ROW = Schema.parse("""
      {"type":"record","name":"Row","fields":[{"name":"id","type":"int"},{"name":"s","type":["null","string"]}]}""");

  @TempDir Path dir;

  private static List<Object> rows(int from, int count) {
    List<Object> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(Values.record(ROW, i, i % 4 == 0 ? null : "s" + i));
    }
    return out;
  }

  private Path partitioned() {
    int id = 0;
    for (int year : new int[] {2023, 2024}) {
      for (String key : List.of("a", "b", "c")) {
        AvroFiles.write(Writer.LANCASTER, dir.resolve("t/year=" + year + "/key=" + key + "/part-0.avro"), ROW,
            rows(id, 5));
        id += 5;
      }
    }
    return dir.resolve("t");
  }

  @Test
  void partitionColumnsAreReadAndPrunedAsInSparkAvro() {
    String path = partitioned().toString();
    BothReaders.Outcome all = BothReaders.assertSameRead("all", path, Map.of());
    assertThat(all.schema()).isEqualTo(new StructType().add("id", DataTypes.IntegerType).add("s", DataTypes.StringType)
        .add("year", DataTypes.IntegerType).add("key", DataTypes.StringType));
    assertThat(all.rows()).hasSize(30).contains("{Integer:7, \"s7\", Integer:2023, \"b\"}");
    UnaryOperator<Dataset<Row>> pruned = df -> df.filter("key = 'b' AND year = 2024").select("id", "key");
    BothReaders.Outcome ours = BothReaders.assertSameRead("pruned", path, Map.of(), pruned);
    assertThat(ours.rows()).hasSize(5).allMatch(r -> r.endsWith("\"b\"}"));

    Dataset<Row> df = pruned.apply(LocalSpark.session().read().format(BothReaders.LANCASTER).load(path));
    df.collectAsList();
    FileSourceScanExec scan = Plans.fileScan(df.queryExecution().executedPlan());
    assertThat(scan.relation().fileFormat().toString()).isEqualTo("LancasterAvro");
    assertThat(scan.partitionFilters().isEmpty()).as("partition filters").isFalse();
    assertThat(scan.metrics().apply("numFiles").value()).as("files read after pruning").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void recursiveFileLookupReadsNestedDirectoriesWithoutPartitionColumnsAsInSparkAvro(boolean recursive) {
    String path = partitioned().toString();
    BothReaders.Outcome ours = BothReaders.assertSameRead("recursive " + recursive, path,
        Map.of("recursiveFileLookup", Boolean.toString(recursive)));
    assertThat(ours.rows()).hasSize(30);
    assertThat(ours.schema().fieldNames()).hasSize(recursive ? 2 : 4);
  }

  /** Two files: a.avro with {id: int, x}, b.avro with {id: bIdType, y}; x and y nullable or not. */
  private Path twoSchemas(boolean nullable, String bIdType) {
    String x = nullable ? "[\"null\",\"string\"]" : "\"string\"";
    String y = nullable ? "[\"null\",\"long\"]" : "\"long\"";
    Schema a = Schema.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
        + "{\"name\":\"x\",\"type\":" + x + "}]}");
    Schema b = Schema.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\""
        + bIdType + "\"},{\"name\":\"y\",\"type\":" + y + "}]}");
    AvroFiles.write(Writer.LANCASTER, dir.resolve("m/a.avro"), a, List.of(Values.record(a, 1, "x1"),
        Values.record(a, 2, "x2")));
    AvroFiles.write(Writer.APACHE, dir.resolve("m/b.avro"), b, List.of(Values.record(b,
        bIdType.equals("long") ? (Object) 3L : (Object) 3, 30L)));
    return dir.resolve("m");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void filesOfDifferentSchemasWithoutMergeSchemaReadAsInSparkAvro(boolean nullable) {
    // the first listed file's schema is taken (listing order is the file system's); the other file's missing
    // field reads as null (Spark makes every column of a file source nullable, even a non-nullable Avro field's)
    BothReaders.Outcome ours = BothReaders.assertSameRead("nullable " + nullable, twoSchemas(nullable, "int")
        .toString(), Map.of());
    assertThat(ours.rows()).hasSize(3).anyMatch(r -> r.endsWith(", null}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.avro,b.avro", "b.avro,a.avro"})
  void filesWhoseCommonFieldHasAnotherTypeWithoutMergeSchemaReadAsInSparkAvro(String order) {
    Path m = twoSchemas(true, "long");
    List<String> paths = List.of(m.resolve(order.split(",")[0]).toString(), m.resolve(order.split(",")[1]).toString());
    BothReaders.Outcome[] both = BothReaders.readBoth(paths, Map.of(), UnaryOperator.identity());
    BothReaders.Outcome ours = BothReaders.assertAlike(order, both[0], both[1]);
    if (order.startsWith("a")) { // a's id: int, so b's long ids cannot be read
      assertThat(ours.failed()).as("%s", ours).isTrue();
    } else { // b's id: long, and a's int ids widen to it
      assertThat(ours.rows()).as("%s", ours).containsExactlyInAnyOrder("{Long:1, null}", "{Long:2, null}",
          "{Long:3, Long:30}");
    }
  }

  @Test
  void mergeSchemaReadsEveryColumnOfEveryFile() {
    String path = twoSchemas(true, "long").toString();
    BothReaders.Outcome ours = BothReaders.read(BothReaders.LANCASTER, path, Map.of("mergeSchema", "true"),
        UnaryOperator.identity());
    assertThat(ours.failed()).as("%s", ours).isFalse();
    assertThat(ours.schema()).isEqualTo(new StructType().add("id", DataTypes.LongType).add("x", DataTypes.StringType)
        .add("y", DataTypes.LongType));
    assertThat(ours.rows()).containsExactlyInAnyOrder("{Long:1, \"x1\", null}", "{Long:2, \"x2\", null}",
        "{Long:3, null, Long:30}");
    // spark-avro has no mergeSchema: it takes one file's schema
    BothReaders.Outcome theirs = BothReaders.read(LocalSpark.SPARK_AVRO, path, Map.of("mergeSchema", "true"),
        UnaryOperator.identity());
    assertThat(theirs.failed() || theirs.schema().fields().length == 2).as("%s", theirs).isTrue();
  }

  @Test
  void mergeSchemaWithFilterAndProjection() {
    String path = twoSchemas(true, "long").toString();
    BothReaders.Outcome ours = BothReaders.read(BothReaders.LANCASTER, path, Map.of("mergeSchema", "true"),
        df -> df.filter("y IS NOT NULL OR id = 1").select("y", "id"));
    assertThat(ours.rows()).as("%s", ours).containsExactlyInAnyOrder("{null, Long:1}", "{Long:30, Long:3}");
  }

  private Path withAFileLackingTheExtension() throws IOException {
    AvroFiles.write(Writer.LANCASTER, dir.resolve("e/a.avro"), ROW, rows(0, 3));
    Path other = AvroFiles.write(Writer.LANCASTER, dir.resolve("e/tmp.avro"), ROW, rows(100, 2));
    Files.move(other, dir.resolve("e/b.data"));
    return dir.resolve("e");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false", "default"})
  void ignoreExtensionAsInSparkAvro(String ignore) throws IOException {
    Map<String, String> options = ignore.equals("default") ? Map.of() : Map.of("ignoreExtension", ignore);
    BothReaders.Outcome ours = BothReaders.assertSameRead("ignoreExtension " + ignore,
        withAFileLackingTheExtension().toString(), options);
    assertThat(ours.rows()).hasSize(ignore.equals("false") ? 3 : 5);
  }

  @Test
  void pathGlobFilterSelectsFilesAsInSparkAvro() throws IOException {
    BothReaders.Outcome ours = BothReaders.assertSameRead("glob", withAFileLackingTheExtension().toString(),
        Map.of("pathGlobFilter", "*.data"));
    assertThat(ours.rows()).hasSize(2);
  }
}
