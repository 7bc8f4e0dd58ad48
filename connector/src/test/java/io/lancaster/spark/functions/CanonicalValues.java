package io.lancaster.spark.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * External Spark values (what {@code collect} returns) as text that spells each one exactly: binary as hex, floats
 * with their sign of zero and NaN, decimals with their scale, the Java class of other leaves, map entries sorted.
 * Two values are the same value when their texts are equal.
 */
final class CanonicalValues {
  private CanonicalValues() {}

  static List<String> of(List<?> values) {
    List<String> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(of(v));
    }
    return out;
  }

  static String of(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    } else if (v instanceof Row r) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < r.length(); i++) {
        sb.append(i == 0 ? "" : ", ").append(of(r.get(i)));
      }
      return sb.append('}').toString();
    } else if (v instanceof scala.collection.Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, x) -> sorted.put(of(k), of(x)));
      return "map" + sorted;
    } else if (v instanceof scala.collection.Iterable<?> seq) {
      List<String> items = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> items.add(of(x)));
      return items.toString();
    } else if (v instanceof Double d) {
      return d + "d";
    } else if (v instanceof Float f) {
      return f + "f";
    } else if (v instanceof BigDecimal d) {
      return d.toPlainString() + "BD";
    } else if (v instanceof String s) {
      return '"' + s + '"';
    }
    return v.getClass().getSimpleName() + ":" + v;
  }
}
