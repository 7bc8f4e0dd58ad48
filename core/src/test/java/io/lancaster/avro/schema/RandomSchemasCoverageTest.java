package io.lancaster.avro.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.testing.RandomSchemas;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The random schemas the property tests run on really cover the spec: every type, every logical type, recursion,
 * reuse by name, namespaces, decorations, defaults. Without this, a generator that silently stopped producing a
 * feature would leave the property tests passing while testing less.
 */
class RandomSchemasCoverageTest {

  @Test
  void threeHundredSchemasCoverEveryFeature() {
    Set<String> seen = new TreeSet<>();
    RandomSchemas schemas = new RandomSchemas();
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      String json = schemas.nextJson(random);
      Schema schema = new SchemaParser().parse(json);
      if (SchemaVisitor.isRecursive(schema)) {
        seen.add("recursive");
      }
      if (json.contains("\"ignored.by.spec\"")) {
        seen.add("ignored namespace attribute");
      }
      if (json.matches(".*\\{\"type\":\"[A-Za-z_.]*[A-Z][0-9]+\"}.*")) {
        seen.add("object-form reference");
      }
      new Collector(seen).visit(schema, "");
    }
    Set<String> expected = new TreeSet<>(Set.of("recursive", "ignored namespace attribute",
        "object-form reference", "record", "record with no fields", "enum", "enum default", "fixed", "fixed size 0",
        "fixed size 20", "array", "map", "union", "union with null", "union without null",
        "union with two named branches", "null", "boolean", "int", "long", "float", "double", "bytes", "string",
        "reference by name", "nested in another namespace", "null namespace inside a namespace",
        "same simple name in two namespaces", "alias", "dotted alias", "doc", "field doc", "field alias",
        "property on a named type", "property on a primitive", "property on an array", "property on a field",
        "order descending", "order ignore", "default null", "default boolean", "default int", "default long",
        "default float", "default double", "default string", "default bytes", "default fixed", "default enum",
        "default array", "default map", "default record", "default union with non-null first branch",
        "invalid logical type"));
    for (LogicalType.Simple s : LogicalType.Simple.values()) {
      expected.add(s.logicalTypeName() + " on " + switch (s) {
        case BIG_DECIMAL -> "bytes";
        case UUID -> "string";
        case DATE, TIME_MILLIS -> "int";
        case DURATION -> "fixed";
        default -> "long";
      });
    }
    expected.addAll(Set.of("uuid on fixed", "decimal on bytes", "decimal on fixed"));
    assertThat(seen).containsAll(expected);
  }

  private static final class Collector {
    private final Set<String> seen;
    private final Map<Schema, Boolean> visited = new IdentityHashMap<>();
    private final Map<String, String> namespaceBySimpleName = new java.util.HashMap<>();

    Collector(Set<String> seen) {
      this.seen = seen;
    }

    void visit(Schema s, String enclosingNamespace) {
      String type = s.type().typeName();
      if (s instanceof NamedSchema n) {
        if (visited.put(s, Boolean.TRUE) != null) {
          seen.add("reference by name");
          return;
        }
        if (!n.namespace().equals(enclosingNamespace)) {
          seen.add(n.namespace().isEmpty() ? "null namespace inside a namespace" : "nested in another namespace");
        }
        String other = namespaceBySimpleName.put(n.simpleName(), n.namespace());
        if (other != null && !other.equals(n.namespace())) {
          seen.add("same simple name in two namespaces");
        }
        if (!n.aliases().isEmpty()) {
          seen.add("alias");
        }
        if (n.aliases().stream().anyMatch(a -> !a.namespace().equals(n.namespace()))) {
          seen.add("dotted alias");
        }
        if (n.doc() != null) {
          seen.add("doc");
        }
        if (!s.properties().isEmpty() && s.property("logicalType") == null) {
          seen.add("property on a named type");
        }
      } else if (s.type().isPrimitive() && !s.properties().isEmpty() && s.property("logicalType") == null) {
        seen.add("property on a primitive");
      } else if (s.type() == Schema.Type.ARRAY && !s.properties().isEmpty()) {
        seen.add("property on an array");
      }
      seen.add(type);
      if (s.logicalType() != null) {
        seen.add(s.logicalType().logicalTypeName() + " on " + type);
      } else if (s.property("logicalType") != null) {
        seen.add("invalid logical type");
      }
      switch (s.type()) {
        case RECORD -> {
          RecordSchema r = (RecordSchema) s;
          if (r.fields().isEmpty()) {
            seen.add("record with no fields");
          }
          for (Field f : r.fields()) {
            field(f);
            visit(f.schema(), r.namespace());
          }
        }
        case ENUM -> {
          if (((EnumSchema) s).defaultSymbol() != null) {
            seen.add("enum default");
          }
        }
        case FIXED -> seen.add("fixed size " + ((FixedSchema) s).size());
        case ARRAY -> visit(((ArraySchema) s).items(), enclosingNamespace);
        case MAP -> visit(((MapSchema) s).values(), enclosingNamespace);
        case UNION -> {
          UnionSchema u = (UnionSchema) s;
          seen.add(u.isNullable() ? "union with null" : "union without null");
          if (u.branches().stream().filter(Schema::isNamed).count() >= 2) {
            seen.add("union with two named branches");
          }
          u.branches().forEach(b -> visit(b, enclosingNamespace));
        }
        default -> { }
      }
    }

    private void field(Field f) {
      if (f.doc() != null) {
        seen.add("field doc");
      }
      if (!f.aliases().isEmpty()) {
        seen.add("field alias");
      }
      if (!f.properties().isEmpty()) {
        seen.add("property on a field");
      }
      if (f.order() != Field.Order.ASCENDING) {
        seen.add("order " + f.order().jsonName());
      }
      if (f.hasDefault()) {
        Schema t = f.schema();
        if (t instanceof UnionSchema u) {
          if (u.branch(0).type() != Schema.Type.NULL) {
            seen.add("default union with non-null first branch");
          }
          t = u.branch(0);
        }
        seen.add("default " + t.type().typeName());
      }
    }
  }
}
