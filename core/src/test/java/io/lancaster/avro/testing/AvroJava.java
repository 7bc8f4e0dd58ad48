package io.lancaster.avro.testing;

import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.UnionSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.NameValidator;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;

/**
 * The bridge to Apache Avro Java, the reference implementation the tests compare against: schemas both ways (by
 * printing and parsing), generic values both ways (Lancaster's {@link GenericRecord}, String, ByteBuffer,
 * {@link GenericEnum}, {@link GenericFixed}, List, Map with String keys; Apache's {@link GenericData.Record},
 * {@link Utf8}, ByteBuffer, {@link GenericData.EnumSymbol}, {@link GenericData.Fixed}, List, Map with Utf8 keys),
 * binary writing and reading with either library, and a deep comparison of values from either world that treats
 * Utf8 and String alike, compares byte buffers by their remaining bytes and floats bit for bit (so NaN equals NaN
 * and -0.0 differs from 0.0), and names the path of the first difference.
 */
public final class AvroJava {
  private AvroJava() {}

  // ---- schemas

  /** Apache Avro's reading of our printed schema, without name or default validation (as a file reader would). */
  public static org.apache.avro.Schema toAvro(Schema schema) {
    return new org.apache.avro.Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false)
        .parse(schema.toString());
  }

  /** Apache Avro's reading of our printed schema with its default checks (names and defaults validated). */
  public static org.apache.avro.Schema toAvroStrict(Schema schema) {
    return new org.apache.avro.Schema.Parser().parse(schema.toString());
  }

  /** Our reading of Apache Avro's printed schema, lenient (as for a writer schema from a file). */
  public static Schema fromAvro(org.apache.avro.Schema schema) {
    return SchemaParser.lenient().parse(schema.toString());
  }

  // ---- values

  /** Our generic value of {@code schema} as Apache Avro's generic value of the equivalent schema. */
  public static Object toAvroDatum(Schema schema, Object datum) {
    return toAvroDatum(schema, toAvro(schema), datum);
  }

  /** Our generic value as Apache Avro's, walking our schema and Apache's equivalent {@code avro} together. */
  public static Object toAvroDatum(Schema schema, org.apache.avro.Schema avro, Object datum) {
    switch (schema.type()) {
      case NULL:
      case BOOLEAN:
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
        return datum;
      case STRING:
        return datum == null ? null : new Utf8(datum.toString());
      case BYTES:
        return datum instanceof byte[] b ? ByteBuffer.wrap(b) : ((ByteBuffer) datum).duplicate();
      case FIXED:
        return new GenericData.Fixed(avro, datum instanceof GenericFixed f ? f.bytes().clone()
            : ((byte[]) datum).clone());
      case ENUM:
        return new GenericData.EnumSymbol(avro, datum.toString());
      case ARRAY: {
        Schema items = ((ArraySchema) schema).items();
        List<Object> out = new ArrayList<>();
        for (Object item : (Collection<?>) datum) {
          out.add(toAvroDatum(items, avro.getElementType(), item));
        }
        return out;
      }
      case MAP: {
        Schema values = ((MapSchema) schema).values();
        Map<Object, Object> out = new LinkedHashMap<>(); // same iteration order, so the same bytes
        for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
          out.put(new Utf8(e.getKey().toString()), toAvroDatum(values, avro.getValueType(), e.getValue()));
        }
        return out;
      }
      case UNION: {
        int branch = new UnionBranchResolver((UnionSchema) schema).branchOf(datum);
        return toAvroDatum(((UnionSchema) schema).branch(branch), avro.getTypes().get(branch), datum);
      }
      case RECORD: {
        GenericRecord r = (GenericRecord) datum;
        GenericData.Record out = new GenericData.Record(avro);
        List<Field> fields = ((RecordSchema) schema).fields();
        for (int i = 0; i < fields.size(); i++) {
          out.put(i, toAvroDatum(fields.get(i).schema(), avro.getFields().get(i).schema(), r.get(i)));
        }
        return out;
      }
      default:
        throw new AssertionError(schema.type());
    }
  }

  /** Apache Avro's generic value of {@code avro} as ours of the equivalent {@code schema}. */
  public static Object fromAvroDatum(Schema schema, org.apache.avro.Schema avro, Object datum) {
    switch (schema.type()) {
      case NULL:
      case BOOLEAN:
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
        return datum;
      case STRING:
        return datum.toString();
      case BYTES: {
        ByteBuffer b = ((ByteBuffer) datum).duplicate();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return ByteBuffer.wrap(copy);
      }
      case FIXED:
        return new GenericFixed((FixedSchema) schema, ((org.apache.avro.generic.GenericFixed) datum).bytes().clone());
      case ENUM:
        return new GenericEnum((EnumSchema) schema, datum.toString());
      case ARRAY: {
        Schema items = ((ArraySchema) schema).items();
        List<Object> out = new ArrayList<>();
        for (Object item : (Collection<?>) datum) {
          out.add(fromAvroDatum(items, avro.getElementType(), item));
        }
        return out;
      }
      case MAP: {
        Schema values = ((MapSchema) schema).values();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
          out.put(e.getKey().toString(), fromAvroDatum(values, avro.getValueType(), e.getValue()));
        }
        return out;
      }
      case UNION: {
        int branch = GenericData.get().resolveUnion(avro, datum);
        return fromAvroDatum(((UnionSchema) schema).branch(branch), avro.getTypes().get(branch), datum);
      }
      case RECORD: {
        IndexedRecord r = (IndexedRecord) datum;
        GenericRecord out = new GenericRecord((RecordSchema) schema);
        List<Field> fields = ((RecordSchema) schema).fields();
        for (int i = 0; i < fields.size(); i++) {
          out.put(i, fromAvroDatum(fields.get(i).schema(), avro.getFields().get(i).schema(), r.get(i)));
        }
        return out;
      }
      default:
        throw new AssertionError(schema.type());
    }
  }

  // ---- binary encoding with either library

  /** Apache Avro's binary encoding of its generic value; {@code direct} picks the unbuffered encoder. */
  public static byte[] writeAvro(org.apache.avro.Schema avro, Object avroDatum, boolean direct) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      BinaryEncoder enc = direct ? EncoderFactory.get().directBinaryEncoder(out, null)
          : EncoderFactory.get().binaryEncoder(out, null);
      new org.apache.avro.generic.GenericDatumWriter<Object>(avro).write(avroDatum, enc);
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Apache Avro's blocking encoding: arrays and maps in blocks of at most about {@code blockSize} bytes, each with
   * a negative count and its byte size (the form that lets a reader skip a block whole).
   */
  public static byte[] writeAvroBlocking(org.apache.avro.Schema avro, Object avroDatum, int blockSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      BinaryEncoder enc = new EncoderFactory().configureBlockSize(blockSize).blockingBinaryEncoder(out, null);
      new org.apache.avro.generic.GenericDatumWriter<Object>(avro).write(avroDatum, enc);
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Apache Avro's generic reading of one datum that fills {@code bytes} exactly. */
  public static Object readAvro(org.apache.avro.Schema avro, byte[] bytes) {
    try {
      org.apache.avro.io.BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, null);
      Object datum = new org.apache.avro.generic.GenericDatumReader<Object>(avro).read(null, dec);
      if (!dec.isEnd()) {
        throw new AssertionError("Apache Avro left bytes unread after one datum");
      }
      return datum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our binary encoding of one datum. */
  public static byte[] write(Schema schema, Object datum) {
    BufferEncoder enc = new BufferEncoder();
    try {
      new GenericDatumWriter(schema).write(datum, enc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return enc.toByteArray();
  }

  /** Our generic reading of one datum that must fill {@code bytes} exactly. */
  public static Object read(Schema schema, byte[] bytes) throws IOException {
    ByteArrayDecoder dec = new ByteArrayDecoder(bytes);
    Object datum = new GenericDatumReader(schema).read(dec);
    if (!dec.isEnd()) {
      throw new AssertionError("Lancaster left " + dec.remaining() + " bytes unread after one datum");
    }
    return datum;
  }

  // ---- comparison

  /** Throws an AssertionError naming the path of the first difference; values may come from either library. */
  public static void assertDeepEquals(Object expected, Object actual) {
    String diff = difference(expected, actual);
    if (diff != null) {
      throw new AssertionError("values differ at " + diff);
    }
  }

  public static boolean deepEquals(Object a, Object b) {
    return difference(a, b) == null;
  }

  /** The path and description of the first difference, or null when the values are equal. */
  public static String difference(Object a, Object b) {
    return diff(a, b, "$", new IdentityHashMap<>());
  }

  private static String diff(Object a, Object b, String path, Map<Object, Object> seen) {
    if (a == null || b == null) {
      return a == b ? null : path + ": " + show(a) + " vs " + show(b);
    }
    if (a instanceof CharSequence && b instanceof CharSequence) {
      return a.toString().equals(b.toString()) ? null : path + ": " + show(a) + " vs " + show(b);
    }
    if (isBytes(a) && isBytes(b)) {
      return Arrays.equals(bytes(a), bytes(b)) ? null
          : path + ": bytes " + Arrays.toString(bytes(a)) + " vs " + Arrays.toString(bytes(b));
    }
    if (isFixed(a) && isFixed(b)) {
      if (!fixedName(a).equals(fixedName(b))) {
        return path + ": fixed " + fixedName(a) + " vs " + fixedName(b);
      }
      return Arrays.equals(fixedBytes(a), fixedBytes(b)) ? null
          : path + ": fixed " + Arrays.toString(fixedBytes(a)) + " vs " + Arrays.toString(fixedBytes(b));
    }
    if (isEnum(a) && isEnum(b)) {
      return a.toString().equals(b.toString()) && enumName(a).equals(enumName(b)) ? null
          : path + ": enum " + enumName(a) + "." + a + " vs " + enumName(b) + "." + b;
    }
    if (isRecord(a) && isRecord(b)) {
      if (seen.put(a, b) == b) {
        return null;
      }
      if (!recordName(a).equals(recordName(b))) {
        return path + ": record " + recordName(a) + " vs " + recordName(b);
      }
      List<String> names = fieldNames(a);
      if (names.size() != fieldNames(b).size()) {
        return path + ": record with " + names.size() + " fields vs " + fieldNames(b).size();
      }
      for (int i = 0; i < names.size(); i++) {
        String d = diff(field(a, i), field(b, i), path + "." + names.get(i), seen);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.floatToIntBits(x) == Float.floatToIntBits(y) ? null : path + ": " + x + " vs " + y;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.doubleToLongBits(x) == Double.doubleToLongBits(y) ? null : path + ": " + x + " vs " + y;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return path + ": array of " + la.size() + " items vs " + lb.size();
      }
      Iterator<?> ia = la.iterator();
      Iterator<?> ib = lb.iterator();
      for (int i = 0; ia.hasNext(); i++) {
        String d = diff(ia.next(), ib.next(), path + "[" + i + "]", seen);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Map<String, Object> sa = stringKeys(ma);
      Map<String, Object> sb = stringKeys(mb);
      if (!sa.keySet().equals(sb.keySet())) {
        return path + ": map keys " + sa.keySet() + " vs " + sb.keySet();
      }
      for (Map.Entry<String, Object> e : sa.entrySet()) {
        String d = diff(e.getValue(), sb.get(e.getKey()), path + "[" + e.getKey() + "]", seen);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.getClass() == b.getClass() && a.equals(b)) {
      return null;
    }
    return path + ": " + show(a) + " vs " + show(b);
  }

  private static String show(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }

  private static boolean isBytes(Object v) {
    return v instanceof ByteBuffer || v instanceof byte[];
  }

  private static byte[] bytes(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    ByteBuffer b = ((ByteBuffer) v).duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static boolean isFixed(Object v) {
    return v instanceof GenericFixed || v instanceof org.apache.avro.generic.GenericFixed;
  }

  private static String fixedName(Object v) {
    return v instanceof GenericFixed f ? f.schema().fullName()
        : ((org.apache.avro.generic.GenericFixed) v).getSchema().getFullName();
  }

  private static byte[] fixedBytes(Object v) {
    return v instanceof GenericFixed f ? f.bytes() : ((org.apache.avro.generic.GenericFixed) v).bytes();
  }

  private static boolean isEnum(Object v) {
    return v instanceof GenericEnum || v instanceof GenericEnumSymbol<?>;
  }

  private static String enumName(Object v) {
    return v instanceof GenericEnum e ? e.schema().fullName() : ((GenericEnumSymbol<?>) v).getSchema().getFullName();
  }

  private static boolean isRecord(Object v) {
    return v instanceof GenericRecord || v instanceof IndexedRecord;
  }

  private static String recordName(Object v) {
    return v instanceof GenericRecord r ? r.schema().fullName() : ((IndexedRecord) v).getSchema().getFullName();
  }

  private static List<String> fieldNames(Object v) {
    List<String> names = new ArrayList<>();
    if (v instanceof GenericRecord r) {
      r.schema().fields().forEach(f -> names.add(f.name()));
    } else {
      ((IndexedRecord) v).getSchema().getFields().forEach(f -> names.add(f.name()));
    }
    return names;
  }

  private static Object field(Object v, int i) {
    return v instanceof GenericRecord r ? r.get(i) : ((IndexedRecord) v).get(i);
  }

  private static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }
}
