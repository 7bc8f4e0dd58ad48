package io.lancaster.spark.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Function1;
import scala.Option;
import scala.collection.immutable.Seq;

/**
 * The SQL functions, called as SQL (and so as Python calls them). The shared session gets them here through
 * {@link AvroFunctionRegistry#registerInto} (the connector's session extension registers them in every session);
 * what they replaced is put back afterwards.
 */
class SqlFunctionsTest {
  private static final Map<FunctionIdentifier, Option<ExpressionInfo>> INFOS = new LinkedHashMap<>();
  private static final Map<FunctionIdentifier, Option<Function1<Seq<Expression>, Expression>>> BUILDERS =
      new LinkedHashMap<>();

  static SparkSession spark() {
    return Frames.spark();
  }

  static FunctionRegistry registry() {
    return ((org.apache.spark.sql.classic.SparkSession) spark()).sessionState().functionRegistry();
  }

  @BeforeAll
  static void registerTheFunctions() {
    for (AvroFunctionRegistry.SqlFunction f : AvroFunctionRegistry.functions(AvroFunctionRegistry.sparkAvroLoaded())) {
      INFOS.put(f.builtinId(), registry().lookupFunction(f.builtinId()));
      BUILDERS.put(f.builtinId(), registry().lookupFunctionBuilder(f.builtinId()));
    }
    AvroFunctionRegistry.registerInto(registry());
  }

  @AfterAll
  static void restoreTheRegistry() {
    INFOS.forEach((id, info) -> {
      if (info.isDefined()) {
        registry().registerFunction(id, info.get(), BUILDERS.get(id).get());
      } else {
        registry().dropFunction(id);
      }
    });
  }

  static List<String> column(String sql) {
    return CanonicalValues.of(spark().sql(sql).collectAsList().stream().map(r -> r.get(0)).toList());
  }

  static String hex(byte[] b) {
    return "X'" + HexFormat.of().formatHex(b) + "'";
  }

  static String quoted(String json) {
    return "'" + json.replace("\n", " ") + "'";
  }

  @Test
  void sessionExtensionsGetEveryFunction() {
    SparkSessionExtensions extensions = new SparkSessionExtensions();
    AvroFunctionRegistry.register(extensions);
    FunctionRegistry fresh = FunctionRegistry.builtin().clone();
    extensions.registerFunctions(fresh);
    for (String name : List.of("lancaster_from_avro", "lancaster_to_avro", "lancaster_schema_of_avro",
        "lancaster_from_avro_registry", "lancaster_to_avro_registry", "lancaster_from_avro_single_object",
        "lancaster_to_avro_single_object")) {
      assertThat(fresh.functionExists(FunctionRegistry$.MODULE$.builtinFunctionIdentifier(name))).as(name).isTrue();
    }
    // spark-avro's jar is absent here, so Spark's own from_avro would fail: Lancaster's takes its name.
    assertThat(AvroFunctionRegistry.sparkAvroLoaded()).isFalse();
    assertThat(fresh.lookupFunction(FunctionRegistry$.MODULE$.builtinFunctionIdentifier("from_avro")).get()
        .getClassName()).isEqualTo(DecodeAvro.class.getName());
  }

  @Test
  void sparkAvrosFunctionsUnderLancastersNames() {
    byte[] datum = SparkAvroOracle.write(SparkAvroOracle.parse(KafkaFramingTest.V1), KafkaFramingTest.v1(3, "x"));
    String schema = quoted(KafkaFramingTest.V1);

    assertThat(column("select lancaster_from_avro(" + hex(datum) + ", " + schema + ")"))
        .containsExactly("{Integer:3, \"x\"}");
    assertThat(column("select lancaster_from_avro(" + hex(datum) + ", " + schema + ", map('avroSchema', "
        + quoted(KafkaFramingTest.READER) + "))")).containsExactly("{Long:3, \"x\", null, \"NZ\"}");
    assertThat(column("select hex(lancaster_to_avro(named_struct('id', 3, 'name', 'x'), " + schema + "))"))
        .containsExactly("\"" + HexFormat.of().withUpperCase().formatHex(datum) + "\"");
    assertThat(column("select lancaster_schema_of_avro(" + schema + ")"))
        .containsExactly("\"STRUCT<id: INT NOT NULL, name: STRING NOT NULL>\"");
    assertThat(column("select lancaster_schema_of_avro(" + schema + ", map('mode', 'PERMISSIVE'))"))
        .containsExactly("\"STRUCT<id: INT, name: STRING>\"");
    assertThat(column("select lancaster_from_avro(X'80', '\"int\"', map('mode', 'PERMISSIVE'))"))
        .containsExactly("null");
  }

  @Test
  void sparkAvrosNamesWorkWithoutItsJar() {
    byte[] datum = SparkAvroOracle.write(SparkAvroOracle.parse(KafkaFramingTest.V1), KafkaFramingTest.v1(3, "x"));
    String schema = quoted(KafkaFramingTest.V1);
    assertThat(column("select from_avro(to_avro(named_struct('id', 3, 'name', 'x'), " + schema + "), " + schema
        + ")")).containsExactly("{Integer:3, \"x\"}");
    assertThat(column("select schema_of_avro('\"long\"')")).containsExactly("\"BIGINT\"");

    // Spark's own Scala/Java API calls these functions by name.
    Dataset<Row> df = Frames.binary(List.of(datum));
    List<Row> rows = df.select(org.apache.spark.sql.avro.functions.from_avro(df.col("value"), KafkaFramingTest.V1,
        Map.of("mode", "FAILFAST"))).collectAsList();
    assertThat(CanonicalValues.of(rows.get(0).get(0))).isEqualTo("{Integer:3, \"x\"}");
  }

  @Test
  void theKafkaFramingsFromSql() throws Exception {
    KafkaFramingTest framings = new KafkaFramingTest();
    Frames.binary(framings.registryMessages()).createOrReplaceTempView("lancaster_registry_messages");
    Frames.binary(framings.singleObjectMessages()).createOrReplaceTempView("lancaster_single_object_messages");
    try {
      String writers = "map(1, " + quoted(KafkaFramingTest.V1) + ", 2, " + quoted(KafkaFramingTest.V2) + ")";
      String reader = quoted(KafkaFramingTest.READER);
      assertThat(column("select lancaster_from_avro_registry(value, " + writers + ", " + reader
          + ") from lancaster_registry_messages")).containsExactlyElementsOf(KafkaFramingTest.EXPECTED);
      assertThat(column("select lancaster_from_avro_single_object(value, array(" + quoted(KafkaFramingTest.V1) + ", "
          + quoted(KafkaFramingTest.V2) + "), " + reader + ", map('mode', 'PERMISSIVE'))"
          + " from lancaster_single_object_messages")).containsExactlyElementsOf(KafkaFramingTest.EXPECTED);
      assertThat(column("select lancaster_from_avro_single_object(value, " + reader + ", map('mode', 'PERMISSIVE'))"
          + " from lancaster_single_object_messages")).containsOnly("null");
      assertThat(column("select lancaster_from_avro_registry(lancaster_to_avro_registry(named_struct('id', 7L,"
          + " 'name', 'n', 'email', 'e', 'age', 1), 2, " + quoted(KafkaFramingTest.V2) + "), " + writers + ", "
          + reader + ")")).containsExactly("{Long:7, \"n\", \"e\", \"NZ\"}");
      assertThat(column("select lancaster_from_avro_single_object(lancaster_to_avro_single_object(named_struct('id',"
          + " 7, 'name', 'n'), " + quoted(KafkaFramingTest.V1) + "), array(" + quoted(KafkaFramingTest.V1) + "), "
          + reader + ")")).containsExactly("{Long:7, \"n\", null, \"NZ\"}");
    } finally {
      spark().catalog().dropTempView("lancaster_registry_messages");
      spark().catalog().dropTempView("lancaster_single_object_messages");
    }
  }

  @Test
  void writerSchemasFromADirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("1.avsc"), KafkaFramingTest.V1);
    Files.writeString(dir.resolve("2.avsc"), KafkaFramingTest.V2);
    KafkaFramingTest framings = new KafkaFramingTest();
    Frames.binary(framings.registryMessages()).createOrReplaceTempView("lancaster_registry_messages");
    Frames.binary(framings.singleObjectMessages()).createOrReplaceTempView("lancaster_single_object_messages");
    try {
      String reader = quoted(KafkaFramingTest.READER);
      assertThat(column("select lancaster_from_avro_registry(value, '" + dir + "', " + reader
          + ") from lancaster_registry_messages")).containsExactlyElementsOf(KafkaFramingTest.EXPECTED);
      assertThat(column("select lancaster_from_avro_single_object(value, '" + dir + "', " + reader
          + ") from lancaster_single_object_messages")).containsExactlyElementsOf(KafkaFramingTest.EXPECTED);
    } finally {
      spark().catalog().dropTempView("lancaster_registry_messages");
      spark().catalog().dropTempView("lancaster_single_object_messages");
    }
  }

  @Test
  void argumentsThatAreNotConstantsOfTheRightTypeFailAtAnalysis() {
    assertThatThrownBy(() -> spark().sql("select lancaster_from_avro(X'02', cast(rand() as string))").collect())
        .isInstanceOf(AnalysisException.class).hasMessageContaining("NON_FOLDABLE_ARGUMENT");
    assertThatThrownBy(() -> spark().sql("select lancaster_from_avro(X'02')").collect())
        .isInstanceOf(AnalysisException.class).hasMessageContaining("WRONG_NUM_ARGS");
    assertThatThrownBy(() -> spark().sql("select lancaster_from_avro(X'02', 42)").collect())
        .isInstanceOf(AnalysisException.class).hasMessageContaining("DATATYPE_MISMATCH")
        .hasMessageContaining("STRING");
    assertThatThrownBy(() -> spark().sql("select lancaster_from_avro('not binary', '\"int\"')").collect())
        .isInstanceOf(AnalysisException.class).hasMessageContaining("BINARY");
    assertThatThrownBy(() -> spark().sql("select lancaster_from_avro_registry(X'00', map('a', 'b'), '\"int\"')")
        .collect())
        .isInstanceOf(AnalysisException.class).hasMessageContaining("MAP<INT, STRING>");
  }

  @Test
  void describeFunctionShowsTheUsage() {
    List<String> lines = spark().sql("describe function lancaster_from_avro_registry").collectAsList().stream()
        .map(r -> r.getString(0)).toList();
    assertThat(String.join("\n", lines)).contains("lancaster_from_avro_registry(data, writerSchemas, readerSchema");
  }
}
