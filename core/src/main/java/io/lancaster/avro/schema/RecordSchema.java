package io.lancaster.avro.schema;

import io.lancaster.avro.SchemaParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record (or a protocol's error). Its fields are set exactly once, after construction, so that a field can
 * refer to the record itself.
 */
public final class RecordSchema extends NamedSchema {
  private final boolean error;
  private List<Field> fields;
  private Map<String, Field> byName;

  public RecordSchema(Name name, String doc, List<String> aliases, boolean error, Map<String, Object> props) {
    super(Type.RECORD, name, doc, aliases, props);
    this.error = error;
  }

  /** A record with its fields, for records that do not refer to themselves. */
  public RecordSchema(Name name, List<Field> fields) {
    this(name, null, null, false, null);
    setFields(fields);
  }

  public boolean isError() {
    return error;
  }

  public void setFields(List<Field> fields) {
    if (this.fields != null) {
      throw new IllegalStateException("fields of record " + fullName() + " are already set");
    }
    Map<String, Field> map = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      if (map.put(f.name(), f) != null) {
        throw new SchemaParseException("record " + fullName() + " has two fields named \"" + f.name() + "\"");
      }
      f.setPosition(i);
    }
    this.fields = List.copyOf(fields);
    this.byName = map;
  }

  public boolean hasFields() {
    return fields != null;
  }

  public List<Field> fields() {
    if (fields == null) {
      throw new IllegalStateException("fields of record " + fullName() + " are not set yet");
    }
    return fields;
  }

  /** The field of that name (not alias), or null. */
  public Field field(String name) {
    return byName == null ? null : byName.get(name);
  }
}
