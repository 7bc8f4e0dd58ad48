package io.lancaster.hive.testing;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.common.type.HiveChar;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.common.type.HiveVarchar;
import org.apache.hadoop.hive.serde2.io.DateWritable;
import org.apache.hadoop.hive.serde2.objectinspector.StandardUnionObjectInspector.StandardUnion;

/** Hive rows (standard Java objects) of {@link TableSchemasForTests#ALL_TYPES}. */
public final class HiveRows {
  private HiveRows() {}

  /** A row of ALL_TYPES whose values vary with {@code n}; every third has its nullable columns null. */
  public static List<Object> allTypes(int n) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put("k" + n, "v" + n);
    attrs.put("none", null);
    boolean nulls = n % 3 == 0;
    return Arrays.asList(
        n % 2 == 0,
        n * 7 - 100,
        (1L << 40) + n,
        n + 0.5f,
        n * 1.25,
        "text " + n + " é",
        new byte[] {1, 2, (byte) n},
        List.of("RED", "GREEN", "BLUE").get(n % 3),
        new byte[] {9, 8, 7, (byte) n},
        HiveDecimal.create((n % 2 == 0 ? "-" : "") + "1234." + (10 + n % 90)),
        new Date(DateWritable.daysToMillis(19000 + n)),
        new Timestamp(1_700_000_000_123L + n * 1000L),
        new HiveChar("c" + n % 10, 5),
        new HiveVarchar("vc" + n, 10),
        List.of(n, n + 1, n + 2),
        attrs,
        Arrays.asList(n, nulls ? null : "y" + n),
        nulls ? null : 10L * n,
        nulls ? null : n + 0.25,
        nulls ? null : new StandardUnion((byte) (n % 2), n % 2 == 0 ? (Object) n : "u" + n));
  }
}
