package io.lancaster.hive.testing;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.hadoop.hive.common.type.HiveChar;
import org.apache.hadoop.hive.common.type.HiveVarchar;
import org.apache.hadoop.hive.serde2.objectinspector.StandardUnionObjectInspector.StandardUnion;

/**
 * Values of any object model (Lancaster's generic data, Apache Avro's, Hive's standard Java objects) in one plain
 * form that {@code equals} compares by content: records as maps by field name, strings and enum symbols as
 * String, bytes and fixed as hex strings, maps as sorted maps, Hive unions as {tag, value}, Hive chars and
 * varchars by their (unpadded) text.
 */
public final class Plain {
  private Plain() {}

  public static Object of(Object v) {
    if (v == null || v instanceof Boolean || v instanceof Number || v instanceof Date) {
      return v;
    }
    if (v instanceof CharSequence || v instanceof GenericEnum || v instanceof GenericEnumSymbol<?>) {
      return v instanceof GenericEnum e ? e.symbol() : v.toString();
    }
    if (v instanceof HiveChar c) {
      return "char:" + c.getStrippedValue();
    }
    if (v instanceof HiveVarchar c) {
      return "varchar:" + c.getValue();
    }
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof ByteBuffer b) {
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      return of(copy);
    }
    if (v instanceof GenericFixed f) {
      return of(f.bytes());
    }
    if (v instanceof org.apache.avro.generic.GenericFixed f) {
      return of(f.bytes());
    }
    if (v instanceof GenericRecord r) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Field f : r.schema().fields()) {
        out.put(f.name(), of(r.get(f.position())));
      }
      return out;
    }
    if (v instanceof IndexedRecord r) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
        out.put(f.name(), of(r.get(f.pos())));
      }
      return out;
    }
    if (v instanceof StandardUnion u) {
      return Map.of("tag", (int) u.getTag(), "value", String.valueOf(of(u.getObject())));
    }
    if (v instanceof Object[] a) {
      return of(List.of(a));
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(of(o));
      }
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, val) -> out.put(k.toString(), of(val)));
      return out;
    }
    return v;
  }
}
