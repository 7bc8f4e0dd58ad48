package io.lancaster.avro.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.RandomData;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The random data the property tests run on really contains the values that break encoders; without this, a
 * generator that lost them would leave the property tests passing while testing less.
 */
class RandomDataCoverageTest {

  @Test
  void randomValuesIncludeTheEdgeCases() {
    Schema schema = new SchemaParser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"i\",\"type\":\"int\"},{\"name\":\"l\",\"type\":\"long\"},{\"name\":\"f\",\"type\":\"float\"},"
        + "{\"name\":\"d\",\"type\":\"double\"},{\"name\":\"s\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"bytes\"},"
        + "{\"name\":\"a\",\"type\":{\"type\":\"array\",\"items\":\"int\"}},"
        + "{\"name\":\"m\",\"type\":{\"type\":\"map\",\"values\":[\"null\",\"int\"]}},"
        + "{\"name\":\"next\",\"type\":[\"null\",\"R\"]}]}");
    Set<String> seen = new TreeSet<>();
    Random random = new Random(42);
    RandomData data = new RandomData();
    for (int n = 0; n < 2000; n++) {
      GenericRecord r = (GenericRecord) data.next(schema, random);
      int depth = 0;
      for (GenericRecord x = r; x != null; x = (GenericRecord) x.get("next")) {
        depth++;
      }
      if (depth >= 4) {
        seen.add("recursion");
      }
      int i = (Integer) r.get("i");
      long l = (Long) r.get("l");
      float f = (Float) r.get("f");
      double d = (Double) r.get("d");
      add(seen, i == Integer.MIN_VALUE, "int min");
      add(seen, i == Integer.MAX_VALUE, "int max");
      add(seen, l == Long.MIN_VALUE, "long min");
      add(seen, l == Long.MAX_VALUE, "long max");
      add(seen, Float.isNaN(f), "float NaN");
      add(seen, Float.isNaN(f) && Float.floatToRawIntBits(f) != Float.floatToIntBits(f), "float NaN payload");
      add(seen, Float.floatToRawIntBits(f) == Float.floatToRawIntBits(-0f), "float -0");
      add(seen, f == Float.NEGATIVE_INFINITY, "float -inf");
      add(seen, Double.isNaN(d), "double NaN");
      add(seen, Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0d), "double -0");
      add(seen, d == Double.POSITIVE_INFINITY, "double +inf");
      String s = (String) r.get("s");
      add(seen, s.isEmpty(), "empty string");
      add(seen, s.codePoints().anyMatch(c -> c > 0xFFFF), "astral string");
      add(seen, s.chars().anyMatch(c -> c >= 0x800 && c < 0xD800), "three-byte string");
      ByteBuffer b = (ByteBuffer) r.get("b");
      add(seen, !b.hasRemaining(), "empty bytes");
      add(seen, b.position() > 0, "bytes at a position");
      add(seen, b.arrayOffset() > 0, "bytes at an array offset");
      List<?> a = (List<?>) r.get("a");
      add(seen, a.isEmpty(), "empty array");
      add(seen, a.size() > 16, "larger array");
      Map<?, ?> m = (Map<?, ?>) r.get("m");
      add(seen, m.isEmpty(), "empty map");
      add(seen, m.containsKey(""), "empty map key");
      add(seen, m.containsValue(null), "null union value");
    }
    assertThat(seen).containsExactlyInAnyOrder("recursion", "int min", "int max", "long min", "long max",
        "float NaN", "float NaN payload", "float -0", "float -inf", "double NaN", "double -0", "double +inf",
        "empty string", "astral string", "three-byte string", "empty bytes", "bytes at a position",
        "bytes at an array offset", "empty array", "larger array", "empty map", "empty map key",
        "null union value");
  }

  private static void add(Set<String> seen, boolean condition, String what) {
    if (condition) {
      seen.add(what);
    }
  }
}
