package io.lancaster.avro.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records, enums and fixed: the types that have a full name, optional aliases and documentation. */
public abstract sealed class NamedSchema extends Schema permits RecordSchema, EnumSchema, FixedSchema {
  private final Name name;
  private final String doc;
  private final Set<Name> aliases;

  NamedSchema(Type type, Name name, String doc, List<String> aliases, Map<String, Object> props) {
    super(type, props);
    this.name = name;
    this.doc = doc;
    // An alias is full when dotted, else relative to this type's namespace (spec, "Aliases").
    java.util.LinkedHashSet<Name> resolved = new java.util.LinkedHashSet<>();
    if (aliases != null) {
      for (String a : aliases) {
        resolved.add(Name.resolve(a, name.namespace()));
      }
    }
    this.aliases = java.util.Collections.unmodifiableSet(resolved);
  }

  public final Name name() {
    return name;
  }

  @Override
  public final String fullName() {
    return name.fullName();
  }

  public final String simpleName() {
    return name.simpleName();
  }

  public final String namespace() {
    return name.namespace();
  }

  /** Documentation, or null. */
  public final String doc() {
    return doc;
  }

  /** Aliases, resolved to full names. */
  public final Set<Name> aliases() {
    return aliases;
  }
}
