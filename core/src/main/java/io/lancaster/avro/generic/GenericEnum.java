package io.lancaster.avro.generic;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.schema.EnumSchema;
import java.util.Objects;

/** An enum value: a symbol of an enum schema. */
public final class GenericEnum implements Comparable<GenericEnum> {
  private final EnumSchema schema;
  private final String symbol;
  private final int ordinal;

  public GenericEnum(EnumSchema schema, String symbol) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.ordinal = schema.ordinal(symbol);
    if (ordinal < 0) {
      throw new AvroTypeException("\"" + symbol + "\" is not a symbol of enum " + schema.fullName() + " "
          + schema.symbols());
    }
    this.symbol = symbol;
  }

  /** Decoders use this: the ordinal was already checked against the schema. */
  GenericEnum(EnumSchema schema, int ordinal) {
    this.schema = schema;
    this.ordinal = ordinal;
    this.symbol = schema.symbols().get(ordinal);
  }

  public EnumSchema schema() {
    return schema;
  }

  public String symbol() {
    return symbol;
  }

  public int ordinal() {
    return ordinal;
  }

  @Override
  public int compareTo(GenericEnum o) {
    return Integer.compare(ordinal, o.ordinal);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericEnum e && e.symbol.equals(symbol) && e.schema.fullName().equals(schema.fullName());
  }

  @Override
  public int hashCode() {
    return symbol.hashCode();
  }

  @Override
  public String toString() {
    return symbol;
  }
}
