package io.lancaster.spark.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.types.DataTypes;
import scala.Function1;
import scala.Tuple3;
import scala.collection.immutable.Seq;

/**
 * The SQL functions (and so Python's, through {@code expr} and {@code spark.sql}): {@code lancaster_from_avro},
 * {@code lancaster_to_avro}, {@code lancaster_schema_of_avro}, {@code lancaster_from_avro_registry},
 * {@code lancaster_to_avro_registry}, {@code lancaster_from_avro_single_object} and
 * {@code lancaster_to_avro_single_object}; and, only when spark-avro's implementation is not on the classpath
 * (Spark's own {@code from_avro} would then fail), {@code from_avro}, {@code to_avro} and {@code schema_of_avro}
 * too, which also serves Spark's {@code org.apache.spark.sql.avro.functions}. Every argument but the data is a
 * constant: schemas as strings, options as {@code map('mode', 'PERMISSIVE')}, registry writer schemas as
 * {@code map(1, '{...}', 2, '{...}')} or a directory of {@code <id>.avsc} files, single-object writer schemas as
 * {@code array('{...}', ...)} or a directory of {@code .avsc} files:
 *
 * <pre>
 *   lancaster_from_avro(data, schema [, options])
 *   lancaster_to_avro(data [, schema])
 *   lancaster_schema_of_avro(schema [, options])
 *   lancaster_from_avro_registry(data, writerSchemas, readerSchema [, options])
 *   lancaster_to_avro_registry(data, schemaId, schema)
 *   lancaster_from_avro_single_object(data, readerSchema [, options])
 *   lancaster_from_avro_single_object(data, writerSchemas, readerSchema [, options])
 *   lancaster_to_avro_single_object(data [, schema])
 * </pre>
 */
public final class AvroFunctionRegistry {
  /** spark-avro's expression behind Spark's {@code from_avro}; absent unless the spark-avro jar is loaded. */
  static final String SPARK_AVRO_CLASS = "org.apache.spark.sql.avro.AvroDataToCatalyst";
  static final String PREFIX = "lancaster_";

  private AvroFunctionRegistry() {}

  /** Injects the functions into every session built with {@code extensions}. */
  public static void register(SparkSessionExtensions extensions) {
    for (SqlFunction f : functions(sparkAvroLoaded())) {
      extensions.injectFunction(new Tuple3<>(f.id(), f.info(), f.builder()));
    }
  }

  /**
   * Registers the functions in one session's registry ({@code spark.sessionState().functionRegistry()}), as
   * built-in functions, where the session extensions put them.
   */
  public static void registerInto(FunctionRegistry registry) {
    for (SqlFunction f : functions(sparkAvroLoaded())) {
      registry.registerFunction(f.builtinId(), f.info(), f.builder());
    }
  }

  static boolean sparkAvroLoaded() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      Class.forName(SPARK_AVRO_CLASS, false, loader != null ? loader : AvroFunctionRegistry.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** One SQL function: its name, what {@code DESCRIBE FUNCTION} shows, and how a call becomes an expression. */
  record SqlFunction(String name, String usage, Class<?> implementation,
      Function1<Seq<Expression>, Expression> builder) {
    /** The name as extensions inject it: one part. */
    FunctionIdentifier id() {
      return new FunctionIdentifier(name);
    }

    /** The name as a session's registry holds it: qualified by the built-in namespace. */
    FunctionIdentifier builtinId() {
      return FunctionRegistry$.MODULE$.builtinFunctionIdentifier(name);
    }

    ExpressionInfo info() {
      return new ExpressionInfo(implementation.getName(), null, name, usage, "", "", "", "avro_funcs", "", "", "");
    }
  }

  static List<SqlFunction> functions(boolean sparkAvroLoaded) {
    List<SqlFunction> out = new ArrayList<>();
    for (SqlFunction f : sparkAvroFunctions()) {
      out.add(new SqlFunction(PREFIX + f.name(), f.usage(), f.implementation(), f.builder()));
      if (!sparkAvroLoaded) {
        out.add(f);
      }
    }
    out.add(new SqlFunction(PREFIX + "from_avro_registry", "_FUNC_(data, writerSchemas, readerSchema[, options]) -"
        + " Decodes schema-registry messages (0, a 4-byte id, the datum); writerSchemas is map(id, schema, ...) or"
        + " a directory of <id>.avsc files.", DecodeAvro.class, AvroFunctionRegistry::fromAvroRegistry));
    out.add(new SqlFunction(PREFIX + "to_avro_registry", "_FUNC_(data, schemaId, schema) - Encodes a value as a"
        + " schema-registry message.", EncodeAvro.class, AvroFunctionRegistry::toAvroRegistry));
    out.add(new SqlFunction(PREFIX + "from_avro_single_object", "_FUNC_(data[, writerSchemas], readerSchema[,"
        + " options]) - Decodes Avro single-object messages; writerSchemas is array(schema, ...) or a directory of"
        + " .avsc files.", DecodeAvro.class, AvroFunctionRegistry::fromAvroSingleObject));
    out.add(new SqlFunction(PREFIX + "to_avro_single_object", "_FUNC_(data[, schema]) - Encodes a value as an Avro"
        + " single-object message.", EncodeAvro.class, AvroFunctionRegistry::toAvroSingleObject));
    return out;
  }

  /** spark-avro's three functions, under spark-avro's names and arguments. */
  private static List<SqlFunction> sparkAvroFunctions() {
    return List.of(
        new SqlFunction("from_avro", "_FUNC_(data, jsonFormatSchema[, options]) - Decodes a binary Avro datum into"
            + " a Spark value.", DecodeAvro.class, AvroFunctionRegistry::fromAvro),
        new SqlFunction("to_avro", "_FUNC_(data[, jsonFormatSchema]) - Encodes a Spark value as a binary Avro datum.",
            EncodeAvro.class, AvroFunctionRegistry::toAvro),
        new SqlFunction("schema_of_avro", "_FUNC_(jsonFormatSchema[, options]) - The Spark type from_avro gives for"
            + " the schema, in SQL form.", Literal.class, AvroFunctionRegistry::schemaOfAvro));
  }

  private static Expression fromAvro(Seq<Expression> args) {
    SqlArguments a = new SqlArguments("from_avro", args, 2, 3);
    return new DecodeAvro(a.expression(0), DecodeSpec.plain(a.string(1, "jsonFormatSchema"), a.options(2)));
  }

  private static Expression toAvro(Seq<Expression> args) {
    SqlArguments a = new SqlArguments("to_avro", args, 1, 2);
    return new EncodeAvro(a.expression(0), EncodeSpec.of(Framing.PLAIN,
        a.size() > 1 ? a.optionalString(1, "jsonFormatSchema") : null, 0));
  }

  private static Expression schemaOfAvro(Seq<Expression> args) {
    SqlArguments a = new SqlArguments("schema_of_avro", args, 1, 2);
    return Literal.create(AvroFunctions.schemaOfAvro(a.string(0, "jsonFormatSchema"), a.options(1)),
        DataTypes.StringType);
  }

  private static Expression fromAvroRegistry(Seq<Expression> args) {
    SqlArguments a = new SqlArguments(PREFIX + "from_avro_registry", args, 3, 4);
    Map<Long, String> writers = a.isString(1) ? SchemaDirectory.byRegistryId(a.string(1, "writerSchemas"))
        : a.schemasById(1);
    return new DecodeAvro(a.expression(0), DecodeSpec.registry(writers, a.string(2, "readerSchema"), a.options(3)));
  }

  private static Expression toAvroRegistry(Seq<Expression> args) {
    SqlArguments a = new SqlArguments(PREFIX + "to_avro_registry", args, 3);
    return new EncodeAvro(a.expression(0), EncodeSpec.of(Framing.REGISTRY, a.string(2, "schema"),
        a.integer(1, "schemaId")));
  }

  private static Expression fromAvroSingleObject(Seq<Expression> args) {
    SqlArguments a = new SqlArguments(PREFIX + "from_avro_single_object", args, 2, 3, 4);
    // (data, reader), (data, reader, options), (data, writers, reader), (data, writers, reader, options)
    boolean withWriters = a.size() == 4 || a.size() == 3 && a.isString(2);
    List<String> writers = !withWriters ? List.of()
        : a.isString(1) ? SchemaDirectory.schemas(a.string(1, "writerSchemas")) : a.strings(1, "writerSchemas");
    int reader = withWriters ? 2 : 1;
    return new DecodeAvro(a.expression(0), DecodeSpec.singleObject(writers, a.string(reader, "readerSchema"),
        a.options(reader + 1)));
  }

  private static Expression toAvroSingleObject(Seq<Expression> args) {
    SqlArguments a = new SqlArguments(PREFIX + "to_avro_single_object", args, 1, 2);
    return new EncodeAvro(a.expression(0), EncodeSpec.of(Framing.SINGLE_OBJECT,
        a.size() > 1 ? a.optionalString(1, "schema") : null, 0));
  }
}
