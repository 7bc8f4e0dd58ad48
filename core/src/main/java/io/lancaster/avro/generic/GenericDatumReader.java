package io.lancaster.avro.generic;

import io.lancaster.avro.io.Decoder;
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
 * Reads data written with a schema into generic values ({@link GenericRecord} etc.). The schema is compiled
 * once, by a {@link SchemaVisitor}, into a tree of {@link ValueReader}s; thread-safe once built.
 */
public final class GenericDatumReader implements DatumReader<Object> {
  private final Schema schema;
  private final ValueReader root;

  public GenericDatumReader(Schema writerSchema) {
    this.schema = writerSchema;
    this.root = SchemaVisitor.visit(writerSchema, new Builder());
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public Object read(Decoder in) throws IOException {
    return root.read(in);
  }

  @Override
  public void skip(Decoder in) throws IOException {
    root.skip(in);
  }

  /** Builds the reader tree; the one place where the schema is interpreted. */
  private static final class Builder extends SchemaVisitor<ValueReader> {
    @Override
    public ValueReader record(RecordSchema record, List<ValueReader> fields) {
      return ValueReaders.record(record, fields);
    }

    @Override
    public ValueReader enumSchema(EnumSchema schema) {
      return ValueReaders.enums(schema);
    }

    @Override
    public ValueReader fixed(FixedSchema schema) {
      return ValueReaders.fixed(schema);
    }

    @Override
    public ValueReader array(ArraySchema array, ValueReader items) {
      return ValueReaders.array(items);
    }

    @Override
    public ValueReader map(MapSchema map, ValueReader values) {
      return ValueReaders.map(values);
    }

    @Override
    public ValueReader union(UnionSchema union, List<ValueReader> branches) {
      return ValueReaders.union(branches);
    }

    @Override
    public ValueReader primitive(PrimitiveSchema schema) {
      return ValueReaders.primitive(schema.type());
    }

    @Override
    public ValueReader recursive(RecordSchema record, Supplier<ValueReader> resolved) {
      return ValueReaders.recursive(resolved);
    }
  }
}
