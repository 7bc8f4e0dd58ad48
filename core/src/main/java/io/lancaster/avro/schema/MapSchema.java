package io.lancaster.avro.schema;

import java.util.Map;
import java.util.Objects;

/** A map from strings to values of one schema. */
public final class MapSchema extends Schema {
  private final Schema values;

  public MapSchema(Schema values, Map<String, Object> props) {
    super(Type.MAP, props);
    this.values = Objects.requireNonNull(values, "values");
  }

  public MapSchema(Schema values) {
    this(values, null);
  }

  public Schema values() {
    return values;
  }
}
