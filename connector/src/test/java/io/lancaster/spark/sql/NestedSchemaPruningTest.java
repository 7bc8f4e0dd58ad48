package io.lancaster.spark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.exchange.ReusedExchangeExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Function1;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Nested schema pruning of Lancaster's source: what the file scan asks the reader for (its required schema), and
 * that the answers stay those of an unpruned read and of spark-avro.
 */
class NestedSchemaPruningTest {
  private static final String PRUNING = "spark.sql.optimizer.nestedSchemaPruning.enabled";
  private static final String EXCLUDED_RULES = "spark.sql.optimizer.excludedRules";
  private static final String FULL_S = "s:struct<a:int,b:int,c:string>";
  private static final int ROWS_PER_PARTITION = 300;

  @TempDir static Path dir;

  private static SparkSession spark;
  private static String ours;
  private static String theirs;

  @BeforeAll
  static void writeTable() throws Exception {
    RecordSchema schema = (RecordSchema) Schema.parse("""
        {"type":"record","name":"row","fields":[
          {"name":"id","type":"long"},
          {"name":"s","type":{"type":"record","name":"S","fields":[
            {"name":"a","type":"int"},{"name":"b","type":"int"},{"name":"c","type":"string"}]}},
          {"name":"items","type":{"type":"array","items":{"type":"record","name":"Item","fields":[
            {"name":"sku","type":"string"},{"name":"qty","type":"int"},{"name":"price","type":"double"}]}}},
          {"name":"m","type":{"type":"map","values":{"type":"record","name":"V","fields":[
            {"name":"x","type":"int"},{"name":"y","type":"string"}]}}},
          {"name":"opt","type":["null",{"type":"record","name":"O","fields":[
            {"name":"p","type":"int"},{"name":"q","type":"string"}]}]}
        ]}""");
    RecordSchema s = (RecordSchema) schema.field("s").schema();
    RecordSchema item = (RecordSchema) ((ArraySchema) schema.field("items").schema()).items();
    RecordSchema v = (RecordSchema) ((MapSchema) schema.field("m").schema()).values();
    RecordSchema o = (RecordSchema) ((UnionSchema) schema.field("opt").schema()).branch(1);
    for (int part = 1; part <= 2; part++) {
      Path partition = Files.createDirectories(dir.resolve("table/part=" + part));
      try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.snappy())
          .create(schema, partition.resolve("data.avro"))) {
        for (int i = 0; i < ROWS_PER_PARTITION; i++) {
          GenericRecord r = new GenericRecord(schema);
          r.put("id", part * 1000L + i);
          GenericRecord sv = new GenericRecord(s);
          sv.put("a", i);
          sv.put("b", i % 7 - 3);
          sv.put("c", "c" + i);
          r.put("s", sv);
          List<Object> items = new ArrayList<>();
          for (int j = 0; j < i % 4; j++) {
            GenericRecord it = new GenericRecord(item);
            it.put("sku", "sku-" + i + "-" + j);
            it.put("qty", j);
            it.put("price", i * 0.5 + j);
            items.add(it);
          }
          r.put("items", items);
          Map<String, Object> m = new LinkedHashMap<>();
          for (String key : i % 3 == 0 ? List.of("k1") : List.of("k1", "k" + (i % 5 + 2))) {
            GenericRecord vv = new GenericRecord(v);
            vv.put("x", i * 10 + key.length());
            vv.put("y", key + "-" + i);
            m.put(key, vv);
          }
          r.put("m", m);
          if (i % 5 == 0) {
            r.put("opt", null);
          } else {
            GenericRecord ov = new GenericRecord(o);
            ov.put("p", -i);
            ov.put("q", "q" + i);
            r.put("opt", ov);
          }
          w.append(r);
        }
      }
    }
    spark = LocalSpark.session();
    // queries name the files, not a temporary view: a view does not expose the _metadata column
    ours = "lancaster.`" + dir.resolve("table") + "`";
    theirs = "`" + LocalSpark.SPARK_AVRO + "`.`" + dir.resolve("table") + "`";
  }

  @Test
  void structFieldReadsOnlyThatField() {
    assertPruned("select s.a from %s", "struct<s:struct<a:int>>");
    assertPruned("select S.A from %s", "struct<s:struct<a:int>>");
    assertThat(spark.sql("select S.A from " + ours).columns()).containsExactly("A");
  }

  @Test
  void filterOnNestedFieldReadsTheFilteredFieldToo() {
    assertPruned("select s.a, id from %s where s.b > 0", "struct<id:bigint,s:struct<a:int,b:int>>");
    assertThat(spark.sql("select s.a, id from " + ours + " where s.b > 0").count())
        .isEqualTo(2 * (ROWS_PER_PARTITION * 3 / 7));
  }

  @Test
  void arrayOfStructsReadsOnlyTheSelectedElementField() {
    assertPruned("select items.sku from %s", "struct<items:array<struct<sku:string>>>");
    assertPruned("select id, items.qty from %s where pmod(id, 2) = 0",
        "struct<id:bigint,items:array<struct<qty:int>>>");
  }

  @Test
  void mapOfStructsReadsOnlyTheSelectedValueField() {
    assertPruned("select m['k1'].x from %s", "struct<m:map<string,struct<x:int>>>");
    // (a null test alone would not do: Spark infers isnotnull(m) from it, which needs all of m)
    assertPruned("select id, m['k3'].y from %s where id > 1100", "struct<id:bigint,m:map<string,struct<y:string>>>");
  }

  @Test
  void nullableRecordReadsOnlyTheSelectedField() {
    assertPruned("select opt.q from %s where opt is not null", "struct<opt:struct<q:string>>");
  }

  @Test
  void partitionAndMetadataColumnsStayAlongsidePrunedFields() {
    assertPruned("select s.c, part, _metadata.file_name from %s where part = 1", "struct<s:struct<c:string>>");
    assertPruned("select part, s.b, _metadata from %s where s.a < 10", "struct<s:struct<a:int,b:int>>");
  }

  @Test
  void wholeStructOrUnprunableQueriesReadEverything() {
    assertPruned("select s, s.a from %s", "struct<" + FULL_S + ">");
    assertPruned("select s.a, s.b, s.c from %s", "struct<" + FULL_S + ">");
  }

  @Test
  void aggregateOverNestedField() {
    String sql = "select sum(s.a), max(get(items.sku, 0)) from %s";
    assertPruned(sql, "struct<s:struct<a:int>,items:array<struct<sku:string>>>");
    long expected = 2L * ROWS_PER_PARTITION * (ROWS_PER_PARTITION - 1) / 2;
    assertThat(spark.sql(sql.formatted(ours)).first().getLong(0)).isEqualTo(expected);
  }

  @Test
  void joinPrunesEachSide() {
    String sql = "select x.id, x.s.a, y.items.sku from %1$s x join %1$s y on x.id = y.id + 1 where y.s.b > 0";
    List<String> schemas = new ArrayList<>();
    for (FileSourceScanExec scan : scans(spark.sql(sql.formatted(ours)))) {
      schemas.add(scan.requiredSchema().catalogString());
    }
    assertThat(schemas).containsExactlyInAnyOrder("struct<id:bigint,s:struct<a:int>>",
        "struct<id:bigint,s:struct<b:int>,items:array<struct<sku:string>>>");
    assertSameAnswers(sql);
  }

  @Test
  void disabledPruningReadsWholeStructs() {
    withConf(PRUNING, "false", () -> {
      assertThat(requiredSchemas(spark.sql("select s.a from " + ours))).containsOnly("struct<" + FULL_S + ">");
      return null;
    });
  }

  @Test
  void positionalFieldMatchingIsNotPruned() {
    Dataset<Row> positional = spark.read().format("lancaster").option("positionalFieldMatching", "true")
        .load(dir.resolve("table").toString()).selectExpr("id", "s.c");
    // (id and s are the file's first two fields, so matching by position finds them; pruned, s.c would not be)
    assertThat(requiredSchemas(positional)).containsOnly("struct<id:bigint," + FULL_S + ">");
    assertThat(sorted(positional)).isEqualTo(sorted(spark.sql("select id, s.c from " + theirs)));
  }

  @Test
  void extensionIsLoadedFromTheClasspathWithoutSparkSqlExtensions() {
    assertThat(spark.sparkContext().getConf().contains("spark.sql.extensions")).isFalse();
    Dataset<Row> query = spark.sql("select s.a from " + ours);
    assertThat(requiredSchemas(query)).containsOnly("struct<s:struct<a:int>>");
    // the pruning is this rule's doing: excluded by name, it is gone
    withConf(EXCLUDED_RULES, NestedSchemaPruning.class.getName(), () -> {
      assertThat(requiredSchemas(spark.sql("select s.a from " + ours))).containsOnly("struct<" + FULL_S + ">");
      return null;
    });
  }

  @Test
  void extensionWorksWhenNamedInSparkSqlExtensions() throws Exception {
    // what Spark does with each class named in spark.sql.extensions
    @SuppressWarnings("unchecked")
    Function1<SparkSessionExtensions, ?> configure = (Function1<SparkSessionExtensions, ?>)
        Class.forName("io.lancaster.spark.sql.LancasterExtensions").getConstructor().newInstance();
    SparkSessionExtensions extensions = new SparkSessionExtensions();
    configure.apply(extensions);
    List<Rule<LogicalPlan>> rules = CollectionConverters.asJava(extensions.buildPreCBORules(spark));
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0)).isInstanceOf(NestedSchemaPruning.class);
  }

  @Test
  void ruleIsIdempotent() {
    LogicalPlan unpruned = withConf(EXCLUDED_RULES, NestedSchemaPruning.class.getName(),
        () -> spark.sql("select s.a, id from " + ours + " where s.b > 0 and part = 2").queryExecution()
            .optimizedPlan());
    NestedSchemaPruning rule = new NestedSchemaPruning();
    LogicalPlan once = rule.apply(unpruned);
    assertThat(dataSchema(unpruned)).contains(FULL_S);
    assertThat(dataSchema(once)).contains("s:struct<a:int,b:int>");
    assertThat(rule.apply(once)).isEqualTo(once);
  }

  private static String dataSchema(LogicalPlan plan) {
    for (LogicalPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf instanceof LogicalRelation relation && relation.relation() instanceof HadoopFsRelation files) {
        return files.dataSchema().catalogString();
      }
    }
    throw new AssertionError("no file relation in " + plan);
  }

  /** The query reads exactly {@code required} and answers as without pruning and as spark-avro. */
  private static void assertPruned(String sql, String required) {
    assertThat(requiredSchemas(spark.sql(sql.formatted(ours)))).containsOnly(required);
    assertSameAnswers(sql);
  }

  private static void assertSameAnswers(String sql) {
    List<String> pruned = sorted(spark.sql(sql.formatted(ours)));
    List<String> unpruned = withConf(PRUNING, "false", () -> sorted(spark.sql(sql.formatted(ours))));
    List<String> sparkAvro = sorted(spark.sql(sql.formatted(theirs)));
    assertThat(pruned).isNotEmpty().isEqualTo(unpruned).isEqualTo(sparkAvro);
  }

  private static List<String> requiredSchemas(Dataset<Row> query) {
    List<String> schemas = new ArrayList<>();
    for (FileSourceScanExec scan : scans(query)) {
      schemas.add(scan.requiredSchema().catalogString());
    }
    assertThat(schemas).isNotEmpty();
    return schemas;
  }

  /** The file scans of the plan the query ran (with adaptive execution, its final plan). */
  private static List<FileSourceScanExec> scans(Dataset<Row> query) {
    query.collectAsList();
    List<FileSourceScanExec> found = new ArrayList<>();
    collectScans(query.queryExecution().executedPlan(), found);
    return found;
  }

  private static void collectScans(SparkPlan plan, List<FileSourceScanExec> found) {
    if (plan instanceof FileSourceScanExec scan) {
      found.add(scan);
    } else if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      collectScans(adaptive.executedPlan(), found);
    } else if (plan instanceof QueryStageExec stage) {
      collectScans(stage.plan(), found);
    } else if (plan instanceof ReusedExchangeExec reused) {
      collectScans(reused.child(), found);
    }
    for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
      collectScans(child, found);
    }
  }

  private static List<String> sorted(Dataset<Row> query) {
    List<String> rows = new ArrayList<>();
    for (Row r : query.collectAsList()) {
      rows.add(r.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static <T> T withConf(String key, String value, Supplier<T> body) {
    Option<String> before = spark.conf().getOption(key);
    spark.conf().set(key, value);
    try {
      return body.get();
    } finally {
      if (before.isDefined()) {
        spark.conf().set(key, before.get());
      } else {
        spark.conf().unset(key);
      }
    }
  }
}
