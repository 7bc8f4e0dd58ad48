package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unions: {@code [null, X]} and {@code [X, null]} for every kind of X, {@code [int, long]}, {@code [long, int, null]},
 * {@code [float, double]}, multi-type unions with and without null; with positional member names and with
 * {@code enableStableIdentifiersForUnionType}, with and without {@code stableIdentifierPrefixForUnionType}.
 */
class UnionTypesReadTest {
  /** The X of the nullable unions {@code [null, X]} and {@code [X, null]}. */
  private static final List<String> KINDS = List.of("boolean", "int", "long", "float", "double", "string", "bytes",
      "fixed", "enum", "record", "array", "map");

  static final Schema SCHEMA = Schema.parse(schemaJson());

  @TempDir Path dir;

  private static String schemaJson() {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"int\"}");
    Set<String> defined = new HashSet<>();
    for (String kind : KINDS) {
      fields.append(",{\"name\":\"").append(kind).append("_nf\",\"type\":[\"null\",").append(type(kind, defined))
          .append("]}");
      fields.append(",{\"name\":\"").append(kind).append("_nl\",\"type\":[").append(type(kind, defined))
          .append(",\"null\"]}");
    }
    fields.append("""
        ,{"name":"int_long","type":["int","long"]}
        ,{"name":"long_int_null","type":["long","int","null"]}
        ,{"name":"float_double","type":["float","double"]}
        ,{"name":"multi","type":["int","string",{"type":"record","name":"P","fields":[{"name":"q","type":"string"}]}]}
        ,{"name":"multi_null","type":["int","null","string","P"]}
        ,{"name":"two_records","type":["null","Rec","P"]}
        """);
    return "{\"type\":\"record\",\"name\":\"U\",\"namespace\":\"u\",\"fields\":[" + fields + "]}";
  }

  private static String type(String kind, Set<String> defined) {
    boolean first = defined.add(kind);
    return switch (kind) {
      case "fixed" -> first ? "{\"type\":\"fixed\",\"name\":\"Fx\",\"size\":3}" : "\"Fx\"";
      case "enum" -> first ? "{\"type\":\"enum\",\"name\":\"En\",\"symbols\":[\"A\",\"B\"]}" : "\"En\"";
      case "record" -> first ? "{\"type\":\"record\",\"name\":\"Rec\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
          + "{\"name\":\"b\",\"type\":[\"null\",\"string\"]}]}" : "\"Rec\"";
      case "array" -> "{\"type\":\"array\",\"items\":[\"null\",\"int\"]}";
      case "map" -> "{\"type\":\"map\",\"values\":\"string\"}";
      default -> "\"" + kind + "\"";
    };
  }

  private static Object value(String kind, int k) {
    return switch (kind) {
      case "boolean" -> k % 2 == 0;
      case "int" -> k * 1000 - 7;
      case "long" -> (long) k << 40;
      case "float" -> k == 4 ? Float.NaN : k * 0.5f;
      case "double" -> k == 5 ? Double.NEGATIVE_INFINITY : k * -0.25;
      case "string" -> k == 2 ? "" : "s" + k;
      case "bytes" -> Values.bytes(k, 255);
      case "fixed" -> Values.fixed(Values.named(SCHEMA, "u.Fx"), k, 0, 255);
      case "enum" -> Values.symbol(Values.named(SCHEMA, "u.En"), k % 2 == 0 ? "A" : "B");
      case "record" -> Values.record(Values.named(SCHEMA, "u.Rec"), k, k % 3 == 0 ? null : "b" + k);
      case "array" -> k % 4 == 0 ? List.of() : Arrays.asList(k, null, -k);
      case "map" -> k % 4 == 0 ? Map.of() : Map.of("k", "v" + k);
      default -> throw new AssertionError(kind);
    };
  }

  static List<Object> rows() {
    Schema p = Values.named(SCHEMA, "u.P");
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < 24; k++) {
      List<Object> values = new ArrayList<>();
      values.add(k);
      for (String kind : KINDS) {
        values.add(k % 3 == 0 ? null : value(kind, k));
        values.add(k % 3 == 1 ? null : value(kind, k));
      }
      values.add(k % 2 == 0 ? (Object) k : (Object) ((long) k << 35));
      values.add(switch (k % 3) {
        case 0 -> (Object) (long) -k;
        case 1 -> (Object) k;
        default -> null;
      });
      values.add(k % 2 == 0 ? (Object) (k * 1.5f) : (Object) (k * 1e300));
      Object multi = switch (k % 3) {
        case 0 -> (Object) k;
        case 1 -> "m" + k;
        default -> Values.record(p, "q" + k);
      };
      values.add(multi);
      values.add(k % 4 == 3 ? null : multi);
      values.add(switch (k % 3) {
        case 0 -> null;
        case 1 -> Values.record(Values.named(SCHEMA, "u.Rec"), k, null);
        default -> Values.record(p, "p" + k);
      });
      rows.add(Values.record(SCHEMA, values.toArray()));
    }
    return rows;
  }

  static Stream<Arguments> memberNaming() {
    return Stream.of(
        Arguments.of(Writer.LANCASTER, Map.of()),
        Arguments.of(Writer.APACHE, Map.of()),
        Arguments.of(Writer.LANCASTER, Map.of("enableStableIdentifiersForUnionType", "true")),
        Arguments.of(Writer.APACHE, Map.of("enableStableIdentifiersForUnionType", "true",
            "stableIdentifierPrefixForUnionType", "u_")),
        Arguments.of(Writer.LANCASTER, Map.of("enableStableIdentifiersForUnionType", "true",
            "stableIdentifierPrefixForUnionType", "")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("memberNaming")
  void unionsReadAsSparkAvroReadsThem(Writer writer, Map<String, String> options) {
    AvroFiles.write(writer, dir.resolve("unions.avro"), SCHEMA, rows(), "deflate", 0);
    BothReaders.Outcome ours = BothReaders.assertSameRead(writer + " " + options, dir.toString(), options);
    assertThat(ours.rows()).hasSize(24);
    String multi = ours.schema().apply("multi").dataType().simpleString();
    if (options.isEmpty()) {
      assertThat(multi).startsWith("struct<member0:int,member1:string,member2:struct<q:string>>");
    } else {
      String prefix = options.getOrDefault("stableIdentifierPrefixForUnionType", "member_");
      assertThat(multi).contains(prefix + "int:int", prefix + "string:string");
    }
  }

  static Stream<Arguments> someMemberNaming() {
    return memberNaming().skip(1).limit(2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("someMemberNaming")
  void unionMembersSelectAsInSparkAvro(Writer writer, Map<String, String> options) {
    AvroFiles.write(writer, dir.resolve("unions.avro"), SCHEMA, rows(), "null", 0);
    BothReaders.assertSameRead(writer + " " + options, dir.toString(), options,
        df -> df.select(df.col("id"), df.col("multi").getField(memberName(df, "multi", 2)), df.col("record_nl.b"),
            df.col("two_records")));
  }

  private static String memberName(Dataset<?> df, String column, int member) {
    return ((StructType) df.schema().apply(column).dataType()).fieldNames()[member];
  }
}
