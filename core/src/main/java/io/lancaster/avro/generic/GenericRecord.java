package io.lancaster.avro.generic;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record of any schema: its values by field position. Values are the generic representation: null, Boolean,
 * Integer, Long, Float, Double, String, ByteBuffer (bytes), {@link GenericEnum}, {@link GenericFixed},
 * {@link java.util.List} (array), {@link java.util.Map} with String keys (map), GenericRecord.
 */
public final class GenericRecord {
  private final RecordSchema schema;
  private final Object[] values;

  public GenericRecord(RecordSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.values = new Object[schema.fields().size()];
  }

  public RecordSchema schema() {
    return schema;
  }

  public Object get(int position) {
    return values[position];
  }

  /** The value of the named field; an unknown name is an error (unlike a null value). */
  public Object get(String field) {
    return values[position(field)];
  }

  public GenericRecord put(int position, Object value) {
    values[position] = value;
    return this;
  }

  public GenericRecord put(String field, Object value) {
    values[position(field)] = value;
    return this;
  }

  public int size() {
    return values.length;
  }

  private int position(String field) {
    Field f = schema.field(field);
    if (f == null) {
      throw new AvroException("record " + schema.fullName() + " has no field \"" + field + "\"");
    }
    return f.position();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericRecord r && r.schema.fullName().equals(schema.fullName())
        && Arrays.equals(values, r.values);
  }

  /**
   * Leaves out fields whose sort order is {@code ignore}, as Apache Avro does, so that records the spec's sort
   * order holds equal hash alike: Hadoop's HashPartitioner then sends them to the same reducer.
   */
  @Override
  public int hashCode() {
    int h = schema.fullName().hashCode();
    java.util.List<Field> fields = schema.fields();
    for (int i = 0; i < values.length; i++) {
      if (fields.get(i).order() != Field.Order.IGNORE) {
        h = h * 31 + java.util.Objects.hashCode(values[i]);
      }
    }
    return h;
  }

  /** The record in the JSON encoding of the spec (unions untagged), for logs and debugging. */
  @Override
  public String toString() {
    return GenericToString.of(this);
  }
}
