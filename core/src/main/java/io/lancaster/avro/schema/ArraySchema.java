package io.lancaster.avro.schema;

import java.util.Map;
import java.util.Objects;

/** An array of items of one schema. */
public final class ArraySchema extends Schema {
  private final Schema items;

  public ArraySchema(Schema items, Map<String, Object> props) {
    super(Type.ARRAY, props);
    this.items = Objects.requireNonNull(items, "items");
  }

  public ArraySchema(Schema items) {
    this(items, null);
  }

  public Schema items() {
    return items;
  }
}
