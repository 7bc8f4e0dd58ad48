package io.lancaster.avro.schema;

import io.lancaster.avro.SchemaParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An enum: ordered symbols, and the default symbol that resolution uses for a writer's unknown symbol. */
public final class EnumSchema extends NamedSchema {
  private final List<String> symbols;
  private final Map<String, Integer> ordinals;
  private final String defaultSymbol;

  public EnumSchema(Name name, String doc, List<String> aliases, List<String> symbols, String defaultSymbol,
      Map<String, Object> props) {
    super(Type.ENUM, name, doc, aliases, props);
    this.symbols = List.copyOf(symbols);
    this.ordinals = new HashMap<>();
    for (int i = 0; i < this.symbols.size(); i++) {
      if (ordinals.put(this.symbols.get(i), i) != null) {
        throw new SchemaParseException("enum " + name + " has the symbol \"" + this.symbols.get(i) + "\" twice");
      }
    }
    if (defaultSymbol != null && !ordinals.containsKey(defaultSymbol)) {
      throw new SchemaParseException("the default \"" + defaultSymbol + "\" of enum " + name
          + " is not one of its symbols " + this.symbols);
    }
    this.defaultSymbol = defaultSymbol;
  }

  public EnumSchema(Name name, List<String> symbols) {
    this(name, null, null, symbols, null, null);
  }

  public List<String> symbols() {
    return symbols;
  }

  /** The symbol's position, or -1 when it is not a symbol of this enum. */
  public int ordinal(String symbol) {
    Integer i = ordinals.get(symbol);
    return i == null ? -1 : i;
  }

  public boolean hasSymbol(String symbol) {
    return ordinals.containsKey(symbol);
  }

  /** The enum's default symbol, or null. */
  public String defaultSymbol() {
    return defaultSymbol;
  }
}
