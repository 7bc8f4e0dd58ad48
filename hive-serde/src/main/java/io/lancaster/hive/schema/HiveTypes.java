package io.lancaster.hive.schema;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoFactory;

/**
 * The Hive type of an Avro schema, as Hive's AvroSerDe maps them: records are structs (fields by name, in order),
 * arrays are arrays, maps are {@code map<string, V>}, unions as their {@link UnionShape} says, primitives as
 * {@link HivePrimitive} says. Recursive records have no Hive type and are rejected.
 */
public final class HiveTypes extends SchemaVisitor<TypeInfo> {
  private final UnionMapping unions;

  private HiveTypes(UnionMapping unions) {
    this.unions = unions;
  }

  /**
   * The Hive type of {@code schema}.
   *
   * @throws TableSchemaException for a recursive record or a primitive Hive cannot hold
   */
  public static TypeInfo of(Schema schema, UnionMapping unions) {
    return SchemaVisitor.visit(schema, new HiveTypes(unions));
  }

  @Override
  public TypeInfo record(RecordSchema record, List<TypeInfo> fields) {
    List<String> names = new ArrayList<>(fields.size());
    for (Field f : record.fields()) {
      names.add(f.name());
    }
    return TypeInfoFactory.getStructTypeInfo(names, fields);
  }

  @Override
  public TypeInfo recursive(RecordSchema record, Supplier<TypeInfo> resolved) {
    throw new TableSchemaException("recursive schemas have no Hive type: record " + record.fullName()
        + " contains itself");
  }

  @Override
  public TypeInfo enumSchema(EnumSchema schema) {
    return HivePrimitive.of(schema).typeInfo();
  }

  @Override
  public TypeInfo fixed(FixedSchema schema) {
    return HivePrimitive.of(schema).typeInfo();
  }

  @Override
  public TypeInfo array(ArraySchema array, TypeInfo items) {
    return TypeInfoFactory.getListTypeInfo(items);
  }

  @Override
  public TypeInfo map(MapSchema map, TypeInfo values) {
    return TypeInfoFactory.getMapTypeInfo(TypeInfoFactory.stringTypeInfo, values);
  }

  @Override
  public TypeInfo union(UnionSchema union, List<TypeInfo> branches) {
    UnionShape shape = UnionShape.of(union, unions);
    List<TypeInfo> members = new ArrayList<>(shape.members().size());
    for (int b : shape.members()) {
      members.add(branches.get(b));
    }
    return switch (shape.kind()) {
      case NULL_ONLY -> TypeInfoFactory.voidTypeInfo;
      case SINGLE -> members.get(0);
      case LONG -> TypeInfoFactory.longTypeInfo;
      case DOUBLE -> TypeInfoFactory.doubleTypeInfo;
      case UNIONTYPE -> TypeInfoFactory.getUnionTypeInfo(members);
      case STRUCT -> {
        List<String> names = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
          names.add(UnionShape.memberName(i));
        }
        yield TypeInfoFactory.getStructTypeInfo(names, members);
      }
    };
  }

  @Override
  public TypeInfo primitive(PrimitiveSchema schema) {
    return HivePrimitive.of(schema).typeInfo();
  }
}
