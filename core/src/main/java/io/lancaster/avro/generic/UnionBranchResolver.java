package io.lancaster.avro.generic;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the union branch for a generic value, from tables built once per union: the branch of the value's own
 * type (named types by full name), else one it widens into losslessly (int to long, float or double; long to
 * float or double is not lossless and is not chosen). A String matches a string branch, else an enum branch.
 */
public final class UnionBranchResolver {
  private final UnionSchema union;
  private final int nullIndex;
  private final int booleanIndex;
  private final int intIndex;
  private final int longIndex;
  private final int floatIndex;
  private final int doubleIndex;
  private final int stringIndex;
  private final int bytesIndex;
  private final int arrayIndex;
  private final int mapIndex;
  private final int onlyEnumIndex;
  private final Map<String, Integer> named = new HashMap<>();

  public UnionBranchResolver(UnionSchema union) {
    this.union = union;
    nullIndex = union.indexOf("null");
    booleanIndex = union.indexOf("boolean");
    int i = union.indexOf("int");
    int l = union.indexOf("long");
    int f = union.indexOf("float");
    int d = union.indexOf("double");
    intIndex = first(i, l, d);
    longIndex = l;
    floatIndex = first(f, d);
    doubleIndex = d;
    stringIndex = union.indexOf("string");
    bytesIndex = union.indexOf("bytes");
    arrayIndex = union.indexOf("array");
    mapIndex = union.indexOf("map");
    int enumAt = -1;
    int enums = 0;
    for (int b = 0; b < union.size(); b++) {
      Schema s = union.branch(b);
      if (s.isNamed()) {
        named.put(s.fullName(), b);
      }
      if (s.type() == Schema.Type.ENUM) {
        enums++;
        enumAt = b;
      }
    }
    onlyEnumIndex = enums == 1 ? enumAt : -1;
  }

  private static int first(int... candidates) {
    for (int c : candidates) {
      if (c >= 0) {
        return c;
      }
    }
    return -1;
  }

  public int branchOf(Object d) {
    int i;
    if (d == null) {
      i = nullIndex;
    } else if (d instanceof GenericRecord r) {
      i = namedIndex(r.schema().fullName());
    } else if (d instanceof CharSequence) {
      i = stringIndex >= 0 ? stringIndex : onlyEnumIndex;
    } else if (d instanceof Integer || d instanceof Short || d instanceof Byte) {
      i = intIndex;
    } else if (d instanceof Long) {
      i = longIndex;
    } else if (d instanceof Double) {
      i = doubleIndex;
    } else if (d instanceof Float) {
      i = floatIndex;
    } else if (d instanceof Boolean) {
      i = booleanIndex;
    } else if (d instanceof ByteBuffer || d instanceof byte[]) {
      i = bytesIndex;
    } else if (d instanceof GenericEnum e) {
      i = namedIndex(e.schema().fullName());
    } else if (d instanceof GenericFixed f) {
      i = namedIndex(f.schema().fullName());
    } else if (d instanceof Collection) {
      i = arrayIndex;
    } else if (d instanceof Map) {
      i = mapIndex;
    } else {
      i = -1;
    }
    if (i < 0) {
      throw new AvroTypeException("no branch of union " + union + " holds "
          + (d == null ? "null" : d.getClass().getName() + " " + abbreviate(d)));
    }
    return i;
  }

  private int namedIndex(String fullName) {
    Integer i = named.get(fullName);
    return i == null ? -1 : i;
  }

  private static String abbreviate(Object datum) {
    String s = String.valueOf(datum);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
