package io.lancaster.hive.write;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.hive.schema.HivePrimitive;
import io.lancaster.hive.schema.TableSchemaException;
import io.lancaster.hive.schema.UnionMapping;
import io.lancaster.hive.schema.UnionShape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.hive.serde2.objectinspector.ListObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.MapObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.PrimitiveObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.StructField;
import org.apache.hadoop.hive.serde2.objectinspector.StructObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.UnionObjectInspector;

/**
 * Compiles, once per table schema, how Hive values become generic Avro values: the inverse of the reader's
 * {@link io.lancaster.hive.read.HiveConverterCompiler}, following the same {@link HivePrimitive} and
 * {@link UnionShape} decisions. Fields match by position, as Hive's AvroSerDe matches them. Values are not
 * validated in a separate pass: the core's datum writer checks each one as it encodes it.
 */
public final class AvroConverterCompiler extends SchemaVisitor<AvroConverterFactory> {
  private final UnionMapping unions;

  private AvroConverterCompiler(UnionMapping unions) {
    this.unions = unions;
  }

  public static AvroConverterFactory compile(RecordSchema schema, UnionMapping unions) {
    return SchemaVisitor.visit(schema, new AvroConverterCompiler(unions));
  }

  @Override
  public AvroConverterFactory record(RecordSchema record, List<AvroConverterFactory> fields) {
    return inspector -> {
      StructObjectInspector struct = expect(StructObjectInspector.class, inspector, "record " + record.fullName());
      List<? extends StructField> refs = struct.getAllStructFieldRefs();
      if (refs.size() != fields.size()) {
        throw new IllegalArgumentException("record " + record.fullName() + " has " + fields.size()
            + " fields, the Hive struct written to it " + refs.size() + ": " + struct.getTypeName());
      }
      StructField[] fieldRefs = refs.toArray(new StructField[0]);
      AvroValueConverter[] converters = new AvroValueConverter[fieldRefs.length];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = fields.get(i).bind(fieldRefs[i].getFieldObjectInspector());
      }
      return v -> {
        if (v == null) {
          return null;
        }
        GenericRecord r = new GenericRecord(record);
        for (int i = 0; i < converters.length; i++) {
          r.put(i, converters[i].convert(struct.getStructFieldData(v, fieldRefs[i])));
        }
        return r;
      };
    };
  }

  @Override
  public AvroConverterFactory recursive(RecordSchema record, Supplier<AvroConverterFactory> resolved) {
    throw new TableSchemaException("recursive schemas have no Hive type: record " + record.fullName()
        + " contains itself");
  }

  @Override
  public AvroConverterFactory enumSchema(EnumSchema schema) {
    Map<String, GenericEnum> symbols = new HashMap<>();
    for (String s : schema.symbols()) {
      symbols.put(s, new GenericEnum(schema, s));
    }
    return inspector -> {
      PrimitiveObjectInspector p = expect(PrimitiveObjectInspector.class, inspector, "enum " + schema.fullName());
      return v -> {
        if (v == null) {
          return null;
        }
        String symbol = HiveValues.string(v, p);
        GenericEnum e = symbols.get(symbol);
        if (e == null) {
          throw new AvroTypeException("\"" + symbol + "\" is not a symbol of enum " + schema.fullName() + " "
              + schema.symbols());
        }
        return e;
      };
    };
  }

  @Override
  public AvroConverterFactory fixed(FixedSchema schema) {
    HivePrimitive type = HivePrimitive.of(schema);
    return inspector -> {
      PrimitiveObjectInspector p = expect(PrimitiveObjectInspector.class, inspector, "fixed " + schema.fullName());
      if (type.kind() == HivePrimitive.Kind.DECIMAL) {
        return v -> {
          byte[] unscaled = v == null ? null : HiveValues.decimalBytes(v, p, type.precision(), type.scale());
          return unscaled == null ? null : new GenericFixed(schema, HiveValues.signExtend(unscaled, schema));
        };
      }
      return v -> v == null ? null : new GenericFixed(schema, HiveValues.binary(v, p));
    };
  }

  @Override
  public AvroConverterFactory array(ArraySchema array, AvroConverterFactory items) {
    return inspector -> {
      ListObjectInspector list = expect(ListObjectInspector.class, inspector, "array");
      AvroValueConverter item = items.bind(list.getListElementObjectInspector());
      return v -> {
        List<?> values = v == null ? null : list.getList(v);
        if (values == null) {
          return null;
        }
        List<Object> out = new ArrayList<>(values.size());
        for (Object value : values) {
          out.add(item.convert(value));
        }
        return out;
      };
    };
  }

  @Override
  public AvroConverterFactory map(MapSchema map, AvroConverterFactory values) {
    return inspector -> {
      MapObjectInspector m = expect(MapObjectInspector.class, inspector, "map");
      PrimitiveObjectInspector keys = expect(PrimitiveObjectInspector.class, m.getMapKeyObjectInspector(),
          "map key (a string)");
      AvroValueConverter value = values.bind(m.getMapValueObjectInspector());
      return v -> {
        Map<?, ?> entries = v == null ? null : m.getMap(v);
        if (entries == null) {
          return null;
        }
        Map<String, Object> out = new HashMap<>(entries.size() * 4 / 3 + 1);
        for (Map.Entry<?, ?> e : entries.entrySet()) {
          out.put(HiveValues.string(e.getKey(), keys), value.convert(e.getValue()));
        }
        return out;
      };
    };
  }

  @Override
  public AvroConverterFactory union(UnionSchema union, List<AvroConverterFactory> branches) {
    UnionShape shape = UnionShape.of(union, unions);
    List<Integer> members = shape.members();
    return switch (shape.kind()) {
      case NULL_ONLY -> inspector -> v -> null;
      // Null passes through the member's converter, and the datum writer picks the union's null branch for it.
      case SINGLE -> branches.get(members.get(0));
      case LONG -> inspector -> {
        PrimitiveObjectInspector p = expect(PrimitiveObjectInspector.class, inspector, "union of int and long");
        return v -> v == null ? null : HiveValues.longValue(v, p);
      };
      case DOUBLE -> inspector -> {
        PrimitiveObjectInspector p = expect(PrimitiveObjectInspector.class, inspector, "union of float and double");
        return v -> v == null ? null : HiveValues.doubleValue(v, p);
      };
      case UNIONTYPE -> inspector -> uniontype(union, members, branches, inspector);
      case STRUCT -> inspector -> memberStruct(union, members, branches, inspector);
    };
  }

  /** A Hive uniontype: its tag is the index of the member among the union's non-null branches. */
  private static AvroValueConverter uniontype(UnionSchema union, List<Integer> members,
      List<AvroConverterFactory> branches, ObjectInspector inspector) {
    UnionObjectInspector u = expect(UnionObjectInspector.class, inspector, "union " + union);
    List<ObjectInspector> tagged = u.getObjectInspectors();
    if (tagged.size() != members.size()) {
      throw new IllegalArgumentException("union " + union + " has " + members.size() + " non-null branches, the"
          + " Hive uniontype written to it " + tagged.size() + ": " + u.getTypeName());
    }
    AvroValueConverter[] converters = new AvroValueConverter[members.size()];
    for (int t = 0; t < converters.length; t++) {
      converters[t] = branches.get(members.get(t)).bind(tagged.get(t));
    }
    return v -> v == null ? null : converters[u.getTag(v)].convert(u.getField(v));
  }

  /** spark-avro's struct of members: the first member that is set is the value. */
  private static AvroValueConverter memberStruct(UnionSchema union, List<Integer> members,
      List<AvroConverterFactory> branches, ObjectInspector inspector) {
    StructObjectInspector struct = expect(StructObjectInspector.class, inspector, "union " + union);
    StructField[] refs = struct.getAllStructFieldRefs().toArray(new StructField[0]);
    if (refs.length != members.size()) {
      throw new IllegalArgumentException("union " + union + " has " + members.size() + " non-null branches, the"
          + " Hive struct of members written to it " + refs.length + ": " + struct.getTypeName());
    }
    AvroValueConverter[] converters = new AvroValueConverter[refs.length];
    for (int m = 0; m < refs.length; m++) {
      converters[m] = branches.get(members.get(m)).bind(refs[m].getFieldObjectInspector());
    }
    return v -> {
      if (v == null) {
        return null;
      }
      for (int m = 0; m < refs.length; m++) {
        Object member = struct.getStructFieldData(v, refs[m]);
        if (member != null) {
          return converters[m].convert(member);
        }
      }
      return null;
    };
  }

  @Override
  public AvroConverterFactory primitive(PrimitiveSchema schema) {
    HivePrimitive type = HivePrimitive.of(schema);
    if (type.kind() == HivePrimitive.Kind.VOID) {
      return inspector -> v -> null;
    }
    return inspector -> {
      PrimitiveObjectInspector p = expect(PrimitiveObjectInspector.class, inspector, schema.type().typeName());
      return switch (type.kind()) {
        case VOID -> v -> null;
        case BOOLEAN -> v -> v == null ? null : HiveValues.booleanValue(v, p);
        case INT -> v -> v == null ? null : HiveValues.intValue(v, p);
        case BIGINT -> v -> v == null ? null : HiveValues.longValue(v, p);
        case FLOAT -> v -> v == null ? null : HiveValues.floatValue(v, p);
        case DOUBLE -> v -> v == null ? null : HiveValues.doubleValue(v, p);
        case STRING, CHAR, VARCHAR -> v -> v == null ? null : HiveValues.string(v, p);
        case BINARY -> v -> v == null ? null : ByteBuffer.wrap(HiveValues.binary(v, p));
        case DECIMAL -> v -> {
          byte[] unscaled = v == null ? null : HiveValues.decimalBytes(v, p, type.precision(), type.scale());
          return unscaled == null ? null : ByteBuffer.wrap(unscaled);
        };
        case DATE -> v -> v == null ? null : HiveValues.days(v, p);
        case TIMESTAMP -> v -> v == null ? null : HiveValues.epochMillis(v, p);
      };
    };
  }

  private static <T extends ObjectInspector> T expect(Class<T> kind, ObjectInspector inspector, String avroType) {
    if (!kind.isInstance(inspector)) {
      throw new IllegalArgumentException("cannot write Hive " + inspector.getTypeName() + " as Avro " + avroType);
    }
    return kind.cast(inspector);
  }
}
