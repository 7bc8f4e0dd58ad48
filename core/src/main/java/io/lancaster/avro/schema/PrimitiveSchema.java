package io.lancaster.avro.schema;

import java.util.EnumMap;
import java.util.Map;

/** null, boolean, int, long, float, double, bytes or string, possibly with properties (e.g. a logical type). */
public final class PrimitiveSchema extends Schema {
  private static final Map<Type, PrimitiveSchema> PLAIN = new EnumMap<>(Type.class);

  static {
    for (Type t : Type.values()) {
      if (t.isPrimitive()) {
        PLAIN.put(t, new PrimitiveSchema(t, Map.of()));
      }
    }
  }

  private PrimitiveSchema(Type type, Map<String, Object> props) {
    super(type, props);
    if (!type.isPrimitive()) {
      throw new IllegalArgumentException("not a primitive type: " + type);
    }
  }

  /** The shared instance of a primitive type without properties. */
  public static PrimitiveSchema of(Type type) {
    PrimitiveSchema s = PLAIN.get(type);
    if (s == null) {
      throw new IllegalArgumentException("not a primitive type: " + type);
    }
    return s;
  }

  public static PrimitiveSchema of(Type type, Map<String, Object> props) {
    return props == null || props.isEmpty() ? of(type) : new PrimitiveSchema(type, props);
  }
}
