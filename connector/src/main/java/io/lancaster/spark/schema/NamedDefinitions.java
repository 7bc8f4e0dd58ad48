package io.lancaster.spark.schema;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every definition of each named type across the input schemas, by full name, in input order. A named type is
 * merged once from all its definitions, wherever each input uses it, because the merged schema can define a name
 * only once.
 */
final class NamedDefinitions {
  private final Map<String, List<NamedSchema>> byFullName = new LinkedHashMap<>();

  static NamedDefinitions of(List<Schema> inputs) {
    NamedDefinitions defs = new NamedDefinitions();
    for (Schema input : inputs) {
      defs.collect(input, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    return defs;
  }

  /** The definitions of that full name, one per input that has it (never empty for a name seen in an input). */
  List<NamedSchema> of(String fullName) {
    return byFullName.getOrDefault(fullName, List.of());
  }

  private void collect(Schema s, Set<Schema> seen) {
    if (!seen.add(s)) {
      return; // a named type used again, or a record that refers to itself
    }
    if (s instanceof NamedSchema named) {
      List<NamedSchema> list = byFullName.computeIfAbsent(named.fullName(), k -> new ArrayList<>());
      if (list.stream().noneMatch(d -> d == named)) {
        list.add(named);
      }
    }
    if (s instanceof RecordSchema r) {
      r.fields().forEach(f -> collect(f.schema(), seen));
    } else if (s instanceof ArraySchema a) {
      collect(a.items(), seen);
    } else if (s instanceof MapSchema m) {
      collect(m.values(), seen);
    } else if (s instanceof UnionSchema u) {
      u.branches().forEach(b -> collect(b, seen));
    }
  }
}
