package io.lancaster.hive.read;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.schema.UnionSchema;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.common.type.HiveChar;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.common.type.HiveVarchar;
import org.apache.hadoop.hive.serde2.io.DateWritable;
import org.apache.hadoop.hive.serde2.objectinspector.StandardUnionObjectInspector.StandardUnion;

/**
 * The catalogue of {@link HiveValueConverter}s, one small converter per kind of value. Values are Hive's standard
 * Java objects, as Hive's AvroSerDe makes them: String, Integer, Long, Float, Double, Boolean, byte[],
 * {@link HiveDecimal}, {@link HiveChar}, {@link HiveVarchar}, {@link Date}, {@link Timestamp}, lists, maps, structs
 * as lists and {@link StandardUnion}s.
 */
public final class HiveValueConverters {
  private HiveValueConverters() {}

  /** Values whose generic form is already Hive's: int, long, float, double, boolean, string. */
  public static final HiveValueConverter IDENTITY = v -> v;

  /** Always null: Avro's null type, Hive's void. */
  public static final HiveValueConverter NULL = v -> null;

  /** An enum's symbol: Hive has no enums, they are strings. */
  public static HiveValueConverter enumSymbol() {
    return v -> v == null ? null : ((GenericEnum) v).symbol();
  }

  /** Bytes as byte[], without a copy when the buffer wraps a whole array. */
  public static HiveValueConverter bytes() {
    return v -> v == null ? null : toArray((ByteBuffer) v);
  }

  public static HiveValueConverter fixed() {
    return v -> v == null ? null : ((GenericFixed) v).bytes();
  }

  /** A decimal from its two's-complement unscaled bytes (in bytes or a fixed), limited to the column's type. */
  public static HiveValueConverter decimal(int precision, int scale) {
    return v -> {
      if (v == null) {
        return null;
      }
      byte[] unscaled = v instanceof GenericFixed f ? f.bytes() : toArray((ByteBuffer) v);
      HiveDecimal d = unscaled.length == 0 ? HiveDecimal.ZERO : HiveDecimal.create(new BigInteger(unscaled), scale);
      return HiveDecimal.enforcePrecisionScale(d, precision, scale);
    };
  }

  /** Days since 1970-01-01, as Hive's AvroSerDe turns them into java.sql.Date (local midnight). */
  public static HiveValueConverter date() {
    return v -> v == null ? null : new Date(DateWritable.daysToMillis((Integer) v));
  }

  /** Milliseconds since the epoch (timestamp-millis). */
  public static HiveValueConverter timestampMillis() {
    return v -> v == null ? null : new Timestamp((Long) v);
  }

  public static HiveValueConverter hiveChar(int length) {
    return v -> v == null ? null : new HiveChar((String) v, length);
  }

  public static HiveValueConverter hiveVarchar(int length) {
    return v -> v == null ? null : new HiveVarchar((String) v, length);
  }

  /** int or long, both as Long: a union of the two in the struct mapping. */
  public static HiveValueConverter widenToLong() {
    return v -> v == null ? null : ((Number) v).longValue();
  }

  /** float or double, both as Double: a union of the two in the struct mapping. */
  public static HiveValueConverter widenToDouble() {
    return v -> v == null ? null : ((Number) v).doubleValue();
  }

  /** A list whose items are converted; the list itself when the items need no conversion. */
  public static HiveValueConverter array(HiveValueConverter items) {
    if (items == IDENTITY) {
      return IDENTITY;
    }
    return v -> {
      if (v == null) {
        return null;
      }
      List<?> list = (List<?>) v;
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(items.convert(item));
      }
      return out;
    };
  }

  /** A map whose values are converted (keys are strings in both); the map itself when values need nothing. */
  public static HiveValueConverter map(HiveValueConverter values) {
    if (values == IDENTITY) {
      return IDENTITY;
    }
    return v -> {
      if (v == null) {
        return null;
      }
      Map<?, ?> map = (Map<?, ?>) v;
      Map<Object, Object> out = new HashMap<>(map.size() * 4 / 3 + 1);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey(), values.convert(e.getValue()));
      }
      return out;
    };
  }

  /** A record as a struct: its fields' values in order, as a list. */
  public static HiveValueConverter struct(List<HiveValueConverter> fields) {
    HiveValueConverter[] converters = fields.toArray(new HiveValueConverter[0]);
    return v -> {
      if (v == null) {
        return null;
      }
      GenericRecord r = (GenericRecord) v;
      Object[] values = new Object[converters.length];
      for (int i = 0; i < converters.length; i++) {
        values[i] = converters[i].convert(r.get(i));
      }
      return Arrays.asList(values);
    };
  }

  /**
   * A union of several types as Hive's uniontype: the tag is the value's branch among the non-null ones.
   *
   * @param members the union's non-null branch indexes, in order (a member's tag is its index here)
   * @param branches a converter per union branch
   */
  public static HiveValueConverter uniontype(UnionSchema union, List<Integer> members,
      List<HiveValueConverter> branches) {
    UnionBranchResolver resolver = new UnionBranchResolver(union);
    int[] tags = tagsOf(union, members);
    HiveValueConverter[] converters = branches.toArray(new HiveValueConverter[0]);
    return v -> {
      if (v == null) {
        return null;
      }
      int branch = resolver.branchOf(v);
      return new StandardUnion((byte) tags[branch], converters[branch].convert(v));
    };
  }

  /** A union of several types as spark-avro's struct of members: only the value's member is set. */
  public static HiveValueConverter memberStruct(UnionSchema union, List<Integer> members,
      List<HiveValueConverter> branches) {
    UnionBranchResolver resolver = new UnionBranchResolver(union);
    int[] positions = tagsOf(union, members);
    HiveValueConverter[] converters = branches.toArray(new HiveValueConverter[0]);
    int width = members.size();
    return v -> {
      if (v == null) {
        return null;
      }
      int branch = resolver.branchOf(v);
      Object[] values = new Object[width];
      values[positions[branch]] = converters[branch].convert(v);
      return Arrays.asList(values);
    };
  }

  /** For each union branch, its index among the non-null branches (-1 for null). */
  private static int[] tagsOf(UnionSchema union, List<Integer> members) {
    int[] tags = new int[union.size()];
    Arrays.fill(tags, -1);
    for (int i = 0; i < members.size(); i++) {
      tags[members.get(i)] = i;
    }
    return tags;
  }

  private static byte[] toArray(ByteBuffer b) {
    if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) {
      return b.array();
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    return copy;
  }
}
