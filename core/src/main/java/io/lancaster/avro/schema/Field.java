package io.lancaster.avro.schema;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A field of a record: name, schema, and what evolution and sorting need (default, aliases, order). */
public final class Field {
  /** How a field takes part in the spec's sort order. */
  public enum Order {
    ASCENDING, DESCENDING, IGNORE;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String name;
  private final Schema schema;
  private final String doc;
  private final Object defaultValue;
  private final Order order;
  private final List<String> aliases;
  private final Map<String, Object> props;
  private int position = -1;

  /**
   * @param defaultValue the default as a JSON tree ({@link io.lancaster.avro.json.Json}), or null for none
   *     ({@link io.lancaster.avro.json.Json#NULL} is a null default)
   */
  public Field(String name, Schema schema, String doc, Object defaultValue, Order order, List<String> aliases,
      Map<String, Object> props) {
    this.name = Objects.requireNonNull(name, "name");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.doc = doc;
    this.defaultValue = defaultValue;
    this.order = order == null ? Order.ASCENDING : order;
    this.aliases = aliases == null ? List.of() : List.copyOf(aliases);
    this.props = Props.freeze(props);
  }

  public Field(String name, Schema schema) {
    this(name, schema, null, null, Order.ASCENDING, null, null);
  }

  public Field(String name, Schema schema, Object defaultValue) {
    this(name, schema, null, defaultValue, Order.ASCENDING, null, null);
  }

  public String name() {
    return name;
  }

  public Schema schema() {
    return schema;
  }

  public String doc() {
    return doc;
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** The default as a JSON tree, or null when the field has none. */
  public Object defaultValue() {
    return defaultValue;
  }

  public Order order() {
    return order;
  }

  public List<String> aliases() {
    return aliases;
  }

  public Map<String, Object> properties() {
    return props;
  }

  public Object property(String key) {
    return props.get(key);
  }

  /** Zero-based position in its record, -1 before it is added to one. */
  public int position() {
    return position;
  }

  void setPosition(int position) {
    if (this.position >= 0) {
      throw new IllegalStateException("field " + name + " already belongs to a record; create a new Field");
    }
    this.position = position;
  }

  @Override
  public String toString() {
    return name + ": " + schema;
  }

  static List<String> unmodifiable(List<String> l) {
    return l == null ? List.of() : Collections.unmodifiableList(l);
  }
}
