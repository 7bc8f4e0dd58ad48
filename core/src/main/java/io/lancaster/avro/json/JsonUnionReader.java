package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a union value as the spec encodes it: JSON {@code null} for the null branch, otherwise an object with
 * exactly one key, the branch's name, whose value is the branch's value. The name is the full name of a named
 * type, as the writers produce and as Apache Avro requires. As a documented leniency we also accept a named
 * branch's simple name when no other branch of the union has the same simple name or that full name (a name
 * written relative to its namespace, as some hand-written JSON and other tools do); an ambiguous one is an error
 * listing the branches. {@code {"null": null}} is read as the null branch, as Apache Avro reads it.
 */
final class JsonUnionReader implements JsonValueReader {
  private final UnionSchema union;
  private final JsonValueReader[] branches;
  private final Map<String, Integer> byName = new HashMap<>();

  JsonUnionReader(UnionSchema union, List<JsonValueReader> branchReaders) {
    this.union = union;
    this.branches = branchReaders.toArray(new JsonValueReader[0]);
    for (int i = 0; i < union.size(); i++) {
      byName.put(union.branch(i).fullName(), i);
    }
    Map<String, Integer> simpleNames = new HashMap<>();
    for (int i = 0; i < union.size(); i++) {
      if (union.branch(i) instanceof NamedSchema named) {
        simpleNames.merge(named.simpleName(), i, (a, b) -> -1);
      }
    }
    simpleNames.forEach((name, i) -> {
      if (i >= 0) {
        byName.putIfAbsent(name, i);
      }
    });
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    JsonToken t = in.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      if (union.nullIndex() < 0) {
        throw JsonErrors.at(in, "null is not a value of the union " + branchNames() + ", which has no null branch");
      }
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw JsonErrors.mismatch(in, "a union value (null or {\"<branch>\": value} with a branch of "
          + branchNames() + ")");
    }
    if (in.nextToken() != JsonToken.FIELD_NAME) {
      throw JsonErrors.at(in, "a union value must be an object with one key, a branch of " + branchNames()
          + "; got an empty object");
    }
    String name = in.currentName();
    Integer branch = byName.get(name);
    if (branch == null) {
      throw JsonErrors.at(in, JsonErrors.quote(name) + " is not a branch of the union " + branchNames());
    }
    in.nextToken();
    Object value = branches[branch].read(in);
    if (in.nextToken() != JsonToken.END_OBJECT) {
      throw JsonErrors.at(in, "a union value must be an object with one key; after " + JsonErrors.quote(name)
          + " got " + JsonErrors.describe(in));
    }
    return value;
  }

  private String branchNames() {
    StringBuilder sb = new StringBuilder("[");
    for (Schema b : union.branches()) {
      sb.append(sb.length() == 1 ? "" : ", ").append(b.fullName());
    }
    return sb.append(']').toString();
  }
}
