package io.lancaster.avro.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.SchemaPairs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compatibility verdicts agree with Apache Avro's {@code SchemaCompatibility} on generated writer/reader pairs,
 * except where Lancaster deliberately follows the spec (docs/COMPATIBILITY.md): there the verdict must agree once
 * the documented difference is taken away (Apache-compatible options, decimal annotations removed).
 */
class CompatibilityOracleTest {
  private static final int SEEDS = Integer.getInteger("pairs.seeds", 600);

  static Stream<SchemaPairs.Pair> pairs() {
    SchemaPairs generator = new SchemaPairs();
    return Stream.concat(SchemaPairs.tricky().stream(),
        IntStream.range(0, SEEDS).mapToObj(seed -> generator.next(new Random(7_000 + seed))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void verdictsAgreeWithApacheAvro(SchemaPairs.Pair pair) {
    boolean apache = apacheCompatible(pair.writer(), pair.reader());
    boolean ours = SchemaCompatibility.canRead(pair.reader(), pair.writer()).isCompatible();
    if (ours == apache) {
      return;
    }
    // Only the documented differences may explain a disagreement.
    boolean lenient = SchemaCompatibility.canRead(pair.reader(), pair.writer(), ResolutionOptions.apacheCompatible())
        .isCompatible();
    boolean withoutDecimals = SchemaCompatibility.canRead(withoutDecimals(pair.reader()),
        withoutDecimals(pair.writer()), ResolutionOptions.apacheCompatible()).isCompatible();
    assertThat(lenient == apache || withoutDecimals == apache)
        .as("verdicts differ not as documented: Lancaster %s, Apache %s; Lancaster's incompatibilities: %s\n"
            + "writer %s\nreader %s", ours, apache,
            SchemaCompatibility.canRead(pair.reader(), pair.writer()).incompatibilities(), pair.writer(),
            pair.reader())
        .isTrue();
  }

  private static boolean apacheCompatible(Schema writer, Schema reader) {
    return org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(AvroJava.toAvro(reader),
        AvroJava.toAvro(writer)).getType() == SchemaCompatibilityType.COMPATIBLE;
  }

  private static Schema withoutDecimals(Schema schema) {
    return SchemaParser.lenient().parse(Json.toJson(strip(Json.parse(schema.toString()))));
  }

  private static Object strip(Object json) {
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean decimal = "decimal".equals(map.get("logicalType"));
      map.forEach((k, v) -> {
        if (!(decimal && (k.equals("logicalType") || k.equals("precision") || k.equals("scale")))) {
          out.put((String) k, strip(v));
        }
      });
      return out;
    }
    if (json instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(strip(v)));
      return out;
    }
    return json;
  }
}
