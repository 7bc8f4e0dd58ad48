package io.lancaster.avro.schema;

import java.util.Map;
import java.util.Objects;

/**
 * An Avro schema: one of the spec's fourteen types, with its custom properties and, where the properties name a
 * valid one, a logical type. Schemas are immutable once built (a record's fields are set exactly once, which is
 * what lets a record refer to itself). Parse one with {@link SchemaParser} or {@link #parse(String)}; print it
 * with {@link #toString()} (JSON) or {@link CanonicalForm}.
 */
public abstract sealed class Schema permits PrimitiveSchema, NamedSchema, ArraySchema, MapSchema, UnionSchema {

  /** The spec's types; {@link #typeName()} is the name used in schema JSON. */
  public enum Type {
    RECORD, ENUM, ARRAY, MAP, UNION, FIXED, STRING, BYTES, INT, LONG, FLOAT, DOUBLE, BOOLEAN, NULL;

    private final String typeName = name().toLowerCase(java.util.Locale.ROOT);

    public String typeName() {
      return typeName;
    }

    public boolean isPrimitive() {
      return ordinal() >= STRING.ordinal();
    }

    public boolean isNamed() {
      return this == RECORD || this == ENUM || this == FIXED;
    }

    /** The primitive type of that name, or null. */
    public static Type primitive(String name) {
      switch (name) {
        case "null": return NULL;
        case "boolean": return BOOLEAN;
        case "int": return INT;
        case "long": return LONG;
        case "float": return FLOAT;
        case "double": return DOUBLE;
        case "bytes": return BYTES;
        case "string": return STRING;
        default: return null;
      }
    }
  }

  private final Type type;
  private final Map<String, Object> props;
  private volatile Object logicalType; // computed lazily: a LogicalType, or NO_LOGICAL_TYPE
  private static final Object NO_LOGICAL_TYPE = new Object();

  Schema(Type type, Map<String, Object> props) {
    this.type = Objects.requireNonNull(type, "type");
    this.props = Props.freeze(props);
  }

  public static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  public final Type type() {
    return type;
  }

  /** Custom properties (every attribute the spec does not define for this type), in declaration order. */
  public final Map<String, Object> properties() {
    return props;
  }

  /** A custom property's JSON value ({@link io.lancaster.avro.json.Json} tree), or null when absent. */
  public final Object property(String name) {
    return props.get(name);
  }

  /** A custom property's value when it is a JSON string, else null. */
  public final String propertyAsString(String name) {
    Object v = props.get(name);
    return v instanceof String s ? s : null;
  }

  /**
   * The logical type, or null when the schema has none or names one that is unknown or invalid for it (the
   * spec says to ignore those and use the underlying type; the attributes stay in {@link #properties()}).
   */
  public final LogicalType logicalType() {
    Object lt = logicalType;
    if (lt == null) {
      LogicalType parsed = LogicalType.of(this);
      lt = parsed == null ? NO_LOGICAL_TYPE : parsed;
      logicalType = lt;
    }
    return lt == NO_LOGICAL_TYPE ? null : (LogicalType) lt;
  }

  /**
   * The name this schema goes by in a union and in the JSON encoding: the full name of a named type, the type
   * name of any other.
   */
  public String fullName() {
    return type.typeName();
  }

  public final boolean isNamed() {
    return this instanceof NamedSchema;
  }

  /** True for the null type and for unions with a null branch. */
  public boolean isNullable() {
    return type == Type.NULL;
  }

  /** The schema's JSON, compact. */
  @Override
  public final String toString() {
    return SchemaPrinter.toJson(this, false);
  }

  /** The schema's JSON, indented when {@code pretty}. */
  public final String toString(boolean pretty) {
    return SchemaPrinter.toJson(this, pretty);
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof Schema other && SchemaEquality.equal(this, other);
  }

  @Override
  public final int hashCode() {
    return SchemaEquality.hash(this);
  }
}
