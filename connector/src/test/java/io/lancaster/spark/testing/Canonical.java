package io.lancaster.spark.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Collected rows as comparable text: one string per row that spells every value exactly (binary as hex, floats with
 * their sign of zero and NaN, the Java class of each leaf, map entries sorted by key), so two reads can be compared
 * as sorted lists whatever the row order, and byte arrays compare by contents.
 */
public final class Canonical {
  private Canonical() {}

  /** The rows' canonical strings, sorted. */
  public static List<String> rows(List<Row> rows) {
    List<String> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(value(r));
    }
    out.sort(null);
    return out;
  }

  /** The canonical strings of values, in their order. */
  public static List<String> values(List<?> values) {
    List<String> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(value(v));
    }
    return out;
  }

  public static String value(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    } else if (v instanceof Row r) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < r.length(); i++) {
        sb.append(i == 0 ? "" : ", ").append(value(r.get(i)));
      }
      return sb.append('}').toString();
    } else if (v instanceof scala.collection.Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(m).forEach((k, x) -> sorted.put(value(k), value(x)));
      return "map" + sorted;
    } else if (v instanceof scala.collection.Iterable<?> seq) {
      List<String> items = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> items.add(value(x)));
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
