package io.lancaster.avro.schema;

import io.lancaster.avro.SchemaParseException;
import java.util.List;
import java.util.Map;

/** A fixed-size byte sequence. */
public final class FixedSchema extends NamedSchema {
  private final int size;

  public FixedSchema(Name name, String doc, List<String> aliases, int size, Map<String, Object> props) {
    super(Type.FIXED, name, doc, aliases, props);
    if (size < 0) {
      throw new SchemaParseException("fixed " + name + " has a negative size " + size);
    }
    this.size = size;
  }

  public FixedSchema(Name name, int size) {
    this(name, null, null, size, null);
  }

  public int size() {
    return size;
  }
}
