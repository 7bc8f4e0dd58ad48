package io.lancaster.hive.read;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.hive.schema.HivePrimitive;
import io.lancaster.hive.schema.TableSchemaException;
import io.lancaster.hive.schema.UnionMapping;
import io.lancaster.hive.schema.UnionShape;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compiles the converter of a column's values from its Avro schema, following the same decisions as the column's
 * Hive type ({@link io.lancaster.hive.schema.HiveTypes}): {@link HivePrimitive} for primitives, {@link UnionShape}
 * for unions. The schema is interpreted here, once; converting a value only runs the tree.
 */
public final class HiveConverterCompiler extends SchemaVisitor<HiveValueConverter> {
  private final UnionMapping unions;

  private HiveConverterCompiler(UnionMapping unions) {
    this.unions = unions;
  }

  public static HiveValueConverter compile(Schema schema, UnionMapping unions) {
    return SchemaVisitor.visit(schema, new HiveConverterCompiler(unions));
  }

  @Override
  public HiveValueConverter record(RecordSchema record, List<HiveValueConverter> fields) {
    return HiveValueConverters.struct(fields);
  }

  @Override
  public HiveValueConverter recursive(RecordSchema record, Supplier<HiveValueConverter> resolved) {
    throw new TableSchemaException("recursive schemas have no Hive type: record " + record.fullName()
        + " contains itself");
  }

  @Override
  public HiveValueConverter enumSchema(EnumSchema schema) {
    return HiveValueConverters.enumSymbol();
  }

  @Override
  public HiveValueConverter fixed(FixedSchema schema) {
    HivePrimitive p = HivePrimitive.of(schema);
    return p.kind() == HivePrimitive.Kind.DECIMAL ? HiveValueConverters.decimal(p.precision(), p.scale())
        : HiveValueConverters.fixed();
  }

  @Override
  public HiveValueConverter array(ArraySchema array, HiveValueConverter items) {
    return HiveValueConverters.array(items);
  }

  @Override
  public HiveValueConverter map(MapSchema map, HiveValueConverter values) {
    return HiveValueConverters.map(values);
  }

  @Override
  public HiveValueConverter union(UnionSchema union, List<HiveValueConverter> branches) {
    UnionShape shape = UnionShape.of(union, unions);
    return switch (shape.kind()) {
      case NULL_ONLY -> HiveValueConverters.NULL;
      // A null value never reaches the branch's converter: each one passes null through.
      case SINGLE -> branches.get(shape.members().get(0));
      case LONG -> HiveValueConverters.widenToLong();
      case DOUBLE -> HiveValueConverters.widenToDouble();
      case UNIONTYPE -> HiveValueConverters.uniontype(union, shape.members(), branches);
      case STRUCT -> HiveValueConverters.memberStruct(union, shape.members(), branches);
    };
  }

  @Override
  public HiveValueConverter primitive(PrimitiveSchema schema) {
    HivePrimitive p = HivePrimitive.of(schema);
    return switch (p.kind()) {
      case VOID -> HiveValueConverters.NULL;
      case BOOLEAN, INT, BIGINT, FLOAT, DOUBLE, STRING -> HiveValueConverters.IDENTITY;
      case CHAR -> HiveValueConverters.hiveChar(p.length());
      case VARCHAR -> HiveValueConverters.hiveVarchar(p.length());
      case BINARY -> HiveValueConverters.bytes();
      case DECIMAL -> HiveValueConverters.decimal(p.precision(), p.scale());
      case DATE -> HiveValueConverters.date();
      case TIMESTAMP -> HiveValueConverters.timestampMillis();
    };
  }
}
