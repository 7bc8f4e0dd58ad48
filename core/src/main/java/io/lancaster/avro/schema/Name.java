package io.lancaster.avro.schema;

import io.lancaster.avro.SchemaParseException;

/**
 * The full name of a named type: a namespace (possibly empty, the null namespace) and a simple name. Resolves a
 * name as written in a schema against the enclosing namespace, as the spec's "Names" section says.
 */
public record Name(String namespace, String simpleName) {

  public Name {
    namespace = namespace == null ? "" : namespace;
  }

  /**
   * The name a schema means by {@code name}: a dotted name is already full; a simple name takes
   * {@code enclosingNamespace} (which may be null or empty).
   */
  public static Name resolve(String name, String enclosingNamespace) {
    int dot = name.lastIndexOf('.');
    if (dot >= 0) {
      return new Name(name.substring(0, dot), name.substring(dot + 1));
    }
    return new Name(enclosingNamespace, name);
  }

  public String fullName() {
    return namespace.isEmpty() ? simpleName : namespace + "." + simpleName;
  }

  /** The shortest way to refer to this name from inside {@code enclosingNamespace}. */
  public String relativeTo(String enclosingNamespace) {
    String ns = enclosingNamespace == null ? "" : enclosingNamespace;
    return ns.equals(namespace) ? simpleName : fullName();
  }

  /** Checks the spec's name grammar: [A-Za-z_][A-Za-z0-9_]*. */
  public static boolean isValidSimpleName(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      c = s.charAt(i);
      if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  static void checkSimpleName(String s, String what) {
    if (!isValidSimpleName(s)) {
      throw new SchemaParseException("invalid " + what + " \"" + s + "\": must match [A-Za-z_][A-Za-z0-9_]*");
    }
  }

  void validate() {
    checkSimpleName(simpleName, "name");
    if (!namespace.isEmpty()) {
      for (String part : namespace.split("\\.", -1)) {
        if (!isValidSimpleName(part)) {
          throw new SchemaParseException("invalid namespace \"" + namespace + "\" of " + fullName()
              + ": each dot-separated part must match [A-Za-z_][A-Za-z0-9_]*");
        }
      }
    }
    if (Schema.Type.primitive(simpleName) != null) {
      throw new SchemaParseException("a named type may not redefine the primitive type \"" + simpleName + "\"");
    }
  }

  @Override
  public String toString() {
    return fullName();
  }
}
