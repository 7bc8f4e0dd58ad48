package io.lancaster.avro.generic;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.io.Decoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of generic value readers: static factories over small classes, each with {@code read} and
 * {@code skip}; the stateless ones are singletons. Everything about the schema is decided when the tree is built,
 * so reading only runs the tree.
 */
public final class ValueReaders {
  private ValueReaders() {}

  public static ValueReader nulls() {
    return NullReader.INSTANCE;
  }

  public static ValueReader booleans() {
    return BooleanReader.INSTANCE;
  }

  public static ValueReader ints() {
    return IntReader.INSTANCE;
  }

  public static ValueReader longs() {
    return LongReader.INSTANCE;
  }

  public static ValueReader floats() {
    return FloatReader.INSTANCE;
  }

  public static ValueReader doubles() {
    return DoubleReader.INSTANCE;
  }

  public static ValueReader strings() {
    return StringReader.INSTANCE;
  }

  public static ValueReader bytes() {
    return BytesReader.INSTANCE;
  }

  /** The reader of a primitive type. */
  public static ValueReader primitive(io.lancaster.avro.schema.Schema.Type type) {
    switch (type) {
      case NULL: return nulls();
      case BOOLEAN: return booleans();
      case INT: return ints();
      case LONG: return longs();
      case FLOAT: return floats();
      case DOUBLE: return doubles();
      case STRING: return strings();
      case BYTES: return bytes();
      default: throw new IllegalArgumentException("not a primitive type: " + type);
    }
  }

  public static ValueReader fixed(FixedSchema schema) {
    return new FixedReader(schema);
  }

  public static ValueReader enums(EnumSchema schema) {
    return new EnumReader(schema);
  }

  public static ValueReader array(ValueReader items) {
    return new ArrayReader(items);
  }

  public static ValueReader map(ValueReader values) {
    return new MapReader(values);
  }

  public static ValueReader union(List<ValueReader> branches) {
    return new UnionReader(branches.toArray(new ValueReader[0]));
  }

  public static ValueReader record(RecordSchema schema, List<ValueReader> fields) {
    return new RecordReader(schema, fields.toArray(new ValueReader[0]));
  }

  /** A reference to a recursive type: resolved at first use, and guarded against data nested too deep. */
  public static ValueReader recursive(Supplier<ValueReader> target) {
    return new RecursiveReader(target);
  }

  private static final class NullReader implements ValueReader {
    static final NullReader INSTANCE = new NullReader();

    @Override
    public Object read(Decoder in) {
      return null;
    }

    @Override
    public void skip(Decoder in) {}
  }

  private static final class BooleanReader implements ValueReader {
    static final BooleanReader INSTANCE = new BooleanReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readBoolean();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.readBoolean();
    }
  }

  private static final class IntReader implements ValueReader {
    static final IntReader INSTANCE = new IntReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readInt();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.readInt();
    }
  }

  private static final class LongReader implements ValueReader {
    static final LongReader INSTANCE = new LongReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readLong();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.readLong();
    }
  }

  private static final class FloatReader implements ValueReader {
    static final FloatReader INSTANCE = new FloatReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readFloat();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipFixed(4);
    }
  }

  private static final class DoubleReader implements ValueReader {
    static final DoubleReader INSTANCE = new DoubleReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readDouble();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipFixed(8);
    }
  }

  private static final class StringReader implements ValueReader {
    static final StringReader INSTANCE = new StringReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readString();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipString();
    }
  }

  private static final class BytesReader implements ValueReader {
    static final BytesReader INSTANCE = new BytesReader();

    @Override
    public Object read(Decoder in) throws IOException {
      return in.readBytes(null);
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipBytes();
    }
  }

  private static final class FixedReader implements ValueReader {
    private final FixedSchema schema;
    private final int size;

    FixedReader(FixedSchema schema) {
      this.schema = schema;
      this.size = schema.size();
    }

    @Override
    public Object read(Decoder in) throws IOException {
      byte[] b = new byte[size]; // size comes from the schema, not from the data
      in.readFixed(b, 0, size);
      return new GenericFixed(schema, b);
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipFixed(size);
    }
  }

  private static final class EnumReader implements ValueReader {
    private final GenericEnum[] symbols;
    private final EnumSchema schema;

    EnumReader(EnumSchema schema) {
      this.schema = schema;
      this.symbols = new GenericEnum[schema.symbols().size()];
      for (int i = 0; i < symbols.length; i++) {
        symbols[i] = new GenericEnum(schema, i);
      }
    }

    @Override
    public Object read(Decoder in) throws IOException {
      long start = in.position();
      int i = in.readEnum();
      if (i < 0 || i >= symbols.length) {
        throw (CorruptDataException) new CorruptDataException("enum ordinal " + i + " out of range for "
            + schema.fullName() + " with " + symbols.length + " symbols").withOffset(start);
      }
      return symbols[i];
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.readEnum();
    }
  }

  private static final class ArrayReader implements ValueReader {
    private final ValueReader items;

    ArrayReader(ValueReader items) {
      this.items = items;
    }

    @Override
    public Object read(Decoder in) throws IOException {
      // The decoder checks the running item count against maxCollectionItems.
      List<Object> list = new ArrayList<>(); // grown by items actually read, never pre-sized from a count
      for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
        for (long i = 0; i < n; i++) {
          try {
            list.add(items.read(in));
          } catch (AvroDataException e) {
            throw e.prependPath("[" + list.size() + "]");
          }
        }
      }
      return list;
    }

    @Override
    public void skip(Decoder in) throws IOException {
      long max = in.limits().maxCollectionItems();
      long total = 0;
      for (long n = in.skipArray(); n != 0; n = in.skipArray()) {
        total += n;
        ReadLimits.check("maxCollectionItems", max, total, "array item count");
        for (long i = 0; i < n; i++) {
          items.skip(in);
        }
      }
    }
  }

  private static final class MapReader implements ValueReader {
    private final ValueReader values;

    MapReader(ValueReader values) {
      this.values = values;
    }

    @Override
    public Object read(Decoder in) throws IOException {
      Map<String, Object> map = new HashMap<>();
      for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
        for (long i = 0; i < n; i++) {
          String key = in.readString();
          try {
            map.put(key, values.read(in));
          } catch (AvroDataException e) {
            throw e.prependPath("[" + key + "]");
          }
        }
      }
      return map;
    }

    @Override
    public void skip(Decoder in) throws IOException {
      long max = in.limits().maxCollectionItems();
      long total = 0;
      for (long n = in.skipMap(); n != 0; n = in.skipMap()) {
        total += n;
        ReadLimits.check("maxCollectionItems", max, total, "map entry count");
        for (long i = 0; i < n; i++) {
          in.skipString();
          values.skip(in);
        }
      }
    }
  }

  private static final class UnionReader implements ValueReader {
    private final ValueReader[] branches;

    UnionReader(ValueReader[] branches) {
      this.branches = branches;
    }

    private ValueReader branch(Decoder in) throws IOException {
      long start = in.position();
      int i = in.readIndex();
      if (i < 0 || i >= branches.length) {
        throw (CorruptDataException) new CorruptDataException("union branch index " + i + " out of range [0, "
            + branches.length + ")").withOffset(start);
      }
      return branches[i];
    }

    @Override
    public Object read(Decoder in) throws IOException {
      return branch(in).read(in);
    }

    @Override
    public void skip(Decoder in) throws IOException {
      branch(in).skip(in);
    }
  }

  private static final class RecordReader implements ValueReader {
    private final RecordSchema schema;
    private final ValueReader[] fields;
    private final String[] names;

    RecordReader(RecordSchema schema, ValueReader[] fields) {
      this.schema = schema;
      this.fields = fields;
      this.names = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        names[i] = schema.fields().get(i).name();
      }
    }

    @Override
    public Object read(Decoder in) throws IOException {
      GenericRecord r = new GenericRecord(schema);
      int i = 0;
      try {
        for (; i < fields.length; i++) {
          r.put(i, fields[i].read(in));
        }
      } catch (AvroDataException e) {
        throw e.prependPath(names[i]);
      }
      return r;
    }

    @Override
    public void skip(Decoder in) throws IOException {
      int i = 0;
      try {
        for (; i < fields.length; i++) {
          fields[i].skip(in);
        }
      } catch (AvroDataException e) {
        throw e.prependPath(names[i]);
      }
    }
  }

  private static final class RecursiveReader implements ValueReader {
    private final Supplier<ValueReader> target;
    private ValueReader resolved;

    RecursiveReader(Supplier<ValueReader> target) {
      this.target = target;
    }

    private ValueReader target() {
      ValueReader r = resolved;
      if (r == null) {
        r = target.get();
        resolved = r;
      }
      return r;
    }

    @Override
    public Object read(Decoder in) throws IOException {
      in.enterNested();
      try {
        return target().read(in);
      } finally {
        in.exitNested();
      }
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.enterNested();
      try {
        target().skip(in);
      } finally {
        in.exitNested();
      }
    }
  }
}
