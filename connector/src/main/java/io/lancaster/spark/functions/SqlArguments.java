package io.lancaster.spark.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.errors.QueryCompilationErrors;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StringType;
import scala.collection.immutable.Seq;

/**
 * The arguments of one SQL call of a function: the data column first, then constants (schemas, options, writer
 * schemas), which are evaluated here, at analysis. Errors are Spark's analysis errors for a wrong number of
 * arguments, an argument that is not a constant, or one of the wrong type.
 */
final class SqlArguments {
  private final String function;
  private final Seq<Expression> args;

  SqlArguments(String function, Seq<Expression> args, int... validCounts) {
    this.function = function;
    this.args = args;
    for (int n : validCounts) {
      if (n == args.size()) {
        return;
      }
    }
    List<Object> counts = new ArrayList<>();
    for (int n : validCounts) {
      counts.add(n);
    }
    throw SparkErrors.raise(QueryCompilationErrors.wrongNumArgsError(function,
        scala.jdk.javaapi.CollectionConverters.asScala(counts).toSeq(), args.size(), "", "", ""));
  }

  int size() {
    return args.size();
  }

  Expression expression(int i) {
    return args.apply(i);
  }

  /** Whether argument {@code i} has a string type (rather than, say, a map). */
  boolean isString(int i) {
    return args.apply(i).dataType() instanceof StringType;
  }

  /** A constant string, not null. */
  String string(int i, String param) {
    String v = optionalString(i, param);
    if (v == null) {
      throw unexpected(i, "STRING");
    }
    return v;
  }

  /** A constant string; null for a NULL literal. */
  String optionalString(int i, String param) {
    Object v = constant(i, param, t -> t instanceof StringType || t instanceof NullType, "STRING");
    return v == null ? null : v.toString();
  }

  long integer(int i, String param) {
    Object v = constant(i, param, t -> t instanceof IntegralType, "INT");
    if (v == null) {
      throw unexpected(i, "INT");
    }
    return ((Number) v).longValue();
  }

  /** A constant {@code map<string, string>}; {@code map()}, NULL and no argument {@code i} are no options. */
  Map<String, String> options(int i) {
    if (i >= args.size()) {
      return Map.of();
    }
    Object v = constant(i, "options", t -> t instanceof NullType || t instanceof MapType m
        && (m.keyType() instanceof StringType || m.keyType() instanceof NullType), "MAP<STRING, STRING>");
    Map<String, String> out = new LinkedHashMap<>();
    if (v != null) {
      MapData m = (MapData) v;
      for (int k = 0; k < m.numElements(); k++) {
        if (!m.valueArray().isNullAt(k)) {
          out.put(m.keyArray().getUTF8String(k).toString(), m.valueArray().getUTF8String(k).toString());
        }
      }
    }
    return out;
  }

  /** A constant {@code map<int, string>}: writer schemas by schema-registry id. */
  Map<Long, String> schemasById(int i) {
    Object v = constant(i, "writerSchemas", t -> t instanceof MapType m && m.keyType() instanceof IntegralType
        && m.valueType() instanceof StringType, "MAP<INT, STRING>");
    MapType type = (MapType) args.apply(i).dataType();
    Map<Long, String> out = new LinkedHashMap<>();
    MapData m = (MapData) v;
    for (int k = 0; k < m.numElements(); k++) {
      out.put(((Number) m.keyArray().get(k, type.keyType())).longValue(), m.valueArray().getUTF8String(k).toString());
    }
    return out;
  }

  /** A constant {@code array<string>}: writer schemas. */
  List<String> strings(int i, String param) {
    Object v = constant(i, param, t -> t instanceof ArrayType a && a.elementType() instanceof StringType,
        "ARRAY<STRING>");
    List<String> out = new ArrayList<>();
    ArrayData a = (ArrayData) v;
    for (int k = 0; k < a.numElements(); k++) {
      out.add(a.getUTF8String(k).toString());
    }
    return out;
  }

  private Object constant(int i, String param, Predicate<DataType> accepted, String expected) {
    Expression e = args.apply(i);
    if (!accepted.test(e.dataType())) {
      throw unexpected(i, expected);
    }
    if (!e.foldable()) {
      throw SparkErrors.raise(QueryCompilationErrors.nonFoldableArgumentError(function, param, e.dataType()));
    }
    return e.eval(null);
  }

  private RuntimeException unexpected(int i, String expected) {
    Expression e = args.apply(i);
    return SparkErrors.raise(new org.apache.spark.sql.AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        scala.collection.immutable.Map$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(Map.of(
            "sqlExpr", "\"" + function + "(...)\"",
            "paramIndex", ordinal(i + 1),
            "requiredType", expected,
            "inputSql", "\"" + e.sql() + "\"",
            "inputType", "\"" + e.dataType().sql() + "\"")))));
  }

  private static String ordinal(int n) {
    return switch (n) {
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      default -> "fourth";
    };
  }
}
