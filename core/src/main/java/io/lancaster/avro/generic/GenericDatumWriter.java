package io.lancaster.avro.generic;

import io.lancaster.avro.io.Encoder;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes generic values with a schema. The schema is compiled once, by a {@link SchemaVisitor}, into a tree of
 * {@link ValueWriter}s; thread-safe once built.
 */
public final class GenericDatumWriter implements DatumWriter<Object> {
  private final Schema schema;
  private final ValueWriter root;

  public GenericDatumWriter(Schema schema) {
    this.schema = schema;
    this.root = SchemaVisitor.visit(schema, new Builder());
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public void write(Object datum, Encoder out) throws IOException {
    root.write(datum, out);
  }

  private static final class Builder extends SchemaVisitor<ValueWriter> {
    @Override
    public ValueWriter record(RecordSchema record, List<ValueWriter> fields) {
      return ValueWriters.record(record, fields);
    }

    @Override
    public ValueWriter enumSchema(EnumSchema schema) {
      return ValueWriters.enums(schema);
    }

    @Override
    public ValueWriter fixed(FixedSchema schema) {
      return ValueWriters.fixed(schema);
    }

    @Override
    public ValueWriter array(ArraySchema array, ValueWriter items) {
      return ValueWriters.array(items);
    }

    @Override
    public ValueWriter map(MapSchema map, ValueWriter values) {
      return ValueWriters.map(values);
    }

    @Override
    public ValueWriter union(UnionSchema union, List<ValueWriter> branches) {
      return ValueWriters.union(new UnionBranchResolver(union), branches);
    }

    @Override
    public ValueWriter primitive(PrimitiveSchema schema) {
      switch (schema.type()) {
        case NULL: return ValueWriters.nulls();
        case BOOLEAN: return ValueWriters.booleans();
        case INT: return ValueWriters.ints();
        case LONG: return ValueWriters.longs();
        case FLOAT: return ValueWriters.floats();
        case DOUBLE: return ValueWriters.doubles();
        case STRING: return ValueWriters.strings();
        case BYTES: return ValueWriters.bytes();
        default: throw new AssertionError(schema.type());
      }
    }

    @Override
    public ValueWriter recursive(RecordSchema record, Supplier<ValueWriter> resolved) {
      return ValueWriters.recursive(resolved);
    }
  }
}
