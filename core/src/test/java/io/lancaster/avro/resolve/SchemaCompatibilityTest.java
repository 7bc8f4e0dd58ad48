package io.lancaster.avro.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.AvroJava;
import java.util.List;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Compatibility verdicts: each kind of incompatibility with its path, the registry levels, and Apache's verdicts. */
class SchemaCompatibilityTest {
  private static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  private static final String V1 = "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"name\",\"type\":\"string\"}]}";
  private static final String V2_ADDED_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
  private static final String V3_ADDED_WITHOUT_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"age\",\"type\":\"int\"}]}";

  static List<Arguments> pairs() {
    return List.of(
        Arguments.of(V1, V1, null, ""),
        Arguments.of(V2_ADDED_WITH_DEFAULT, V1, null, ""),
        Arguments.of(V1, V2_ADDED_WITH_DEFAULT, Incompatibility.Kind.TYPE_MISMATCH, "id"),
        Arguments.of(V3_ADDED_WITHOUT_DEFAULT, V2_ADDED_WITH_DEFAULT, Incompatibility.Kind.MISSING_DEFAULT, "age"),
        Arguments.of("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}",
            "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}", Incompatibility.Kind.MISSING_ENUM_SYMBOL, ""),
        Arguments.of("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"Z\"],\"default\":\"Z\"}",
            "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}", null, ""),
        Arguments.of("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}", "{\"type\":\"fixed\",\"name\":\"F\",\"size\":5}",
            Incompatibility.Kind.FIXED_SIZE_MISMATCH, ""),
        Arguments.of("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}", "{\"type\":\"fixed\",\"name\":\"G\",\"size\":4}",
            Incompatibility.Kind.NAME_MISMATCH, ""),
        Arguments.of("[\"null\",\"int\"]", "[\"null\",\"int\",\"string\"]", Incompatibility.Kind.MISSING_UNION_BRANCH, ""),
        Arguments.of("[\"null\",\"long\"]", "\"int\"", null, ""),
        Arguments.of("\"int\"", "[\"null\",\"int\"]", Incompatibility.Kind.MISSING_UNION_BRANCH, ""),
        Arguments.of("{\"type\":\"array\",\"items\":\"double\"}", "{\"type\":\"array\",\"items\":\"float\"}", null, ""),
        Arguments.of("{\"type\":\"map\",\"values\":\"int\"}", "{\"type\":\"map\",\"values\":\"long\"}",
            Incompatibility.Kind.TYPE_MISMATCH, "{}"));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void verdictKindAndPathAgreeWithApacheAvro(String reader, String writer, Incompatibility.Kind kind, String path) {
    SchemaCompatibility.Result result = SchemaCompatibility.canRead(parse(reader), parse(writer));
    if (kind == null) {
      assertThat(result.incompatibilities()).isEmpty();
    } else {
      assertThat(result.incompatibilities()).extracting(Incompatibility::kind).contains(kind);
      assertThat(result.incompatibilities()).extracting(Incompatibility::path).contains(path);
    }
    SchemaCompatibilityType apache = org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(
        AvroJava.toAvro(parse(reader)), AvroJava.toAvro(parse(writer))).getType();
    assertThat(result.isCompatible()).isEqualTo(apache == SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void everyIncompatibilityIsReportedNotOnlyTheFirst() {
    String reader = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
        + "{\"name\":\"b\",\"type\":\"string\"},{\"name\":\"c\",\"type\":{\"type\":\"enum\",\"name\":\"E\","
        + "\"symbols\":[\"X\"]}}]}";
    String writer = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
        + "{\"name\":\"c\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"X\",\"Y\"]}}]}";
    List<Incompatibility> found = SchemaCompatibility.canRead(parse(reader), parse(writer)).incompatibilities();
    assertThat(found).extracting(Incompatibility::kind).containsExactlyInAnyOrder(
        Incompatibility.Kind.TYPE_MISMATCH, Incompatibility.Kind.MISSING_DEFAULT,
        Incompatibility.Kind.MISSING_ENUM_SYMBOL);
    assertThat(found).extracting(Incompatibility::path).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void registryLevels() {
    Schema v1 = parse(V1);
    Schema v2 = parse(V2_ADDED_WITH_DEFAULT);
    Schema v3 = parse(V3_ADDED_WITHOUT_DEFAULT);
    // v2 adds a field with a default and widens id: v2 reads v1 data, v1 cannot read v2's longs.
    assertThat(SchemaCompatibility.check(CompatibilityLevel.BACKWARD, v2, List.of(v1)).isCompatible()).isTrue();
    assertThat(SchemaCompatibility.check(CompatibilityLevel.FORWARD, v2, List.of(v1)).isCompatible()).isFalse();
    assertThat(SchemaCompatibility.check(CompatibilityLevel.FULL, v2, List.of(v1)).isCompatible()).isFalse();
    // v3 adds a field without default: not backward, but forward (old readers ignore it).
    assertThat(SchemaCompatibility.check(CompatibilityLevel.BACKWARD, v3, List.of(v1, v2)).isCompatible()).isFalse();
    assertThat(SchemaCompatibility.check(CompatibilityLevel.FORWARD, v3, List.of(v1, v2)).isCompatible()).isTrue();
    // Transitive forms look further back: v1 cannot read v3's long id.
    assertThat(SchemaCompatibility.check(CompatibilityLevel.FORWARD_TRANSITIVE, v3, List.of(v1, v2)).isCompatible())
        .isFalse();
    SchemaCompatibility.Result r = SchemaCompatibility.check(CompatibilityLevel.FORWARD_TRANSITIVE, v3, List.of(v1, v2));
    assertThat(r.incompatibilities()).allSatisfy(i -> assertThat(i.message()).contains("version 1 of 2"));
    assertThat(SchemaCompatibility.check(CompatibilityLevel.NONE, v3, List.of(v1)).isCompatible()).isTrue();
    assertThat(CompatibilityLevel.parse("full-transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
  }

  @Test
  void compatibleMeansEveryDatumReads() {
    // The verdict and the resolving reader share their rules: a compatible pair always builds a plan.
    for (Arguments a : pairs()) {
      Schema reader = parse((String) a.get()[0]);
      Schema writer = parse((String) a.get()[1]);
      if (SchemaCompatibility.canRead(reader, writer).isCompatible()) {
        assertThat(Resolver.plan(writer, reader)).isNotNull();
      }
    }
  }
}
