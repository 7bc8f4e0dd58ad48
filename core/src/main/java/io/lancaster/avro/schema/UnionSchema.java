package io.lancaster.avro.schema;

import io.lancaster.avro.SchemaParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A union of branches. The spec forbids a union directly inside a union and two branches of the same unnamed
 * type (or of the same full name); both are checked here.
 */
public final class UnionSchema extends Schema {
  private final List<Schema> branches;
  private final Map<String, Integer> indexByName;
  private final int nullIndex;

  public UnionSchema(List<Schema> branches) {
    super(Type.UNION, null);
    this.branches = List.copyOf(branches);
    this.indexByName = new HashMap<>();
    int nullAt = -1;
    for (int i = 0; i < this.branches.size(); i++) {
      Schema b = this.branches.get(i);
      if (b.type() == Type.UNION) {
        throw new SchemaParseException("a union may not immediately contain another union: " + branches);
      }
      if (indexByName.put(b.fullName(), i) != null) {
        throw new SchemaParseException("a union may not contain two branches of type " + b.fullName() + ": "
            + branches);
      }
      if (b.type() == Type.NULL && nullAt < 0) {
        nullAt = i;
      }
    }
    this.nullIndex = nullAt;
  }

  public List<Schema> branches() {
    return branches;
  }

  public Schema branch(int index) {
    return branches.get(index);
  }

  public int size() {
    return branches.size();
  }

  /** The index of the branch with that name (full name of a named type, type name otherwise), or -1. */
  public int indexOf(String branchName) {
    Integer i = indexByName.get(branchName);
    return i == null ? -1 : i;
  }

  /** Index of the null branch, or -1. */
  public int nullIndex() {
    return nullIndex;
  }

  @Override
  public boolean isNullable() {
    return nullIndex >= 0;
  }
}
