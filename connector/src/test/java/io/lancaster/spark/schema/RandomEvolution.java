package io.lancaster.spark.schema;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random evolutions of a schema, the way a table's files drift apart: fields added (with defaults) and dropped,
 * numbers promoted (int to long, float or double; long to double; float to double; bytes to string), enum symbols
 * added, unions widened by a branch, plain fields made nullable. Names stay as they are (the merge matches records
 * by full name). Works on the schema's JSON, where each named type is defined once,
 * so a change to a named type reaches every use of it. Each step's result is parsed strictly; a step that breaks
 * the schema (a record default elsewhere no longer fits) is undone.
 */
final class RandomEvolution {
  private static final List<String> PRIMITIVES =
      List.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");
  private static final Map<String, List<String>> PROMOTIONS = Map.of("int", List.of("long", "float", "double"),
      "long", List.of("double"), "float", List.of("double"), "bytes", List.of("string"));

  private final Random random;
  private int added; // numbers the added fields and symbols, so two evolutions never add the same name

  RandomEvolution(Random random) {
    this.random = random;
  }

  /** {@code schema} changed by {@code steps} random steps (a step that finds nothing to change does nothing). */
  Schema evolve(Schema schema, int steps) {
    Object json = mutable(Json.parse(schema.toString()));
    Schema evolved = schema;
    for (int i = 0; i < steps; i++) {
      Object before = mutable(json);
      Targets t = new Targets();
      t.walk(json);
      switch (random.nextInt(5)) {
        case 0 -> addField(t);
        case 1 -> dropField(t);
        case 2 -> promote(t);
        case 3 -> addSymbol(t);
        default -> widenUnion(t);
      }
      try {
        evolved = new SchemaParser().parse(Json.toJson(json));
      } catch (SchemaParseException e) {
        json = before; // the step broke a default elsewhere (a record default that names the changed field)
      }
    }
    return evolved;
  }

  /** What the steps can change in the current JSON. */
  private static final class Targets {
    final List<Map<String, Object>> records = new ArrayList<>();
    final List<Map<String, Object>> enums = new ArrayList<>();
    /** Each field with the record that has it. */
    final List<Map<String, Object>> fields = new ArrayList<>();
    final Map<Map<String, Object>, Map<String, Object>> recordOf = new java.util.IdentityHashMap<>();
    /** A map and the key under which it holds a type: a field's "type", an array's "items", a map's "values". */
    final List<Object[]> typeSlots = new ArrayList<>();

    @SuppressWarnings("unchecked")
    void walk(Object node) {
      if (node instanceof List<?> union) {
        union.forEach(this::walk);
      } else if (node instanceof Map<?, ?> raw) {
        Map<String, Object> m = (Map<String, Object>) raw;
        Object type = m.get("type");
        if (!(type instanceof String t)) {
          walk(type);
          return;
        }
        switch (t) {
          case "record", "error" -> {
            records.add(m);
            for (Object f : (List<Object>) m.get("fields")) {
              Map<String, Object> field = (Map<String, Object>) f;
              fields.add(field);
              recordOf.put(field, m);
              typeSlots.add(new Object[] {field, "type"});
              walk(field.get("type"));
            }
          }
          case "enum" -> enums.add(m);
          case "array" -> {
            typeSlots.add(new Object[] {m, "items"});
            walk(m.get("items"));
          }
          case "map" -> {
            typeSlots.add(new Object[] {m, "values"});
            walk(m.get("values"));
          }
          default -> { } // a primitive with properties, or fixed
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void addField(Targets t) {
    if (t.records.isEmpty()) {
      return;
    }
    Map<String, Object> record = pick(t.records);
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("name", "added" + added++);
    // Always with a default: a record default elsewhere in the schema may not mention the new field.
    switch (random.nextInt(6)) {
      case 0 -> {
        field.put("type", "int");
        field.put("default", 0L);
      }
      case 1 -> {
        field.put("type", "string");
        field.put("default", "none");
      }
      case 2 -> {
        field.put("type", new ArrayList<>(List.of("null", "long")));
        field.put("default", Json.NULL);
      }
      case 3 -> {
        field.put("type", mapOf("type", "array", "items", "double"));
        field.put("default", List.of());
      }
      case 4 -> {
        field.put("type", mapOf("type", "map", "values", "boolean"));
        field.put("default", Map.of());
      }
      default -> {
        field.put("type", "bytes");
        field.put("default", "");
      }
    }
    ((List<Object>) record.get("fields")).add(field);
  }

  @SuppressWarnings("unchecked")
  private void dropField(Targets t) {
    List<Map<String, Object>> droppable = new ArrayList<>();
    for (Map<String, Object> f : t.fields) {
      if (!definesNamedType(f.get("type"))) { // else later references to that type would dangle
        droppable.add(f);
      }
    }
    if (droppable.isEmpty()) {
      return;
    }
    Map<String, Object> field = pick(droppable);
    List<Object> fields = (List<Object>) t.recordOf.get(field).get("fields");
    fields.removeIf(f -> f == field);
  }

  private void promote(Targets t) {
    List<Object[]> promotable = new ArrayList<>();
    for (Object[] slot : t.typeSlots) {
      if (plainPrimitive(slot) != null && PROMOTIONS.containsKey(plainPrimitive(slot))) {
        promotable.add(slot);
      }
    }
    if (promotable.isEmpty()) {
      return;
    }
    Object[] slot = pick(promotable);
    @SuppressWarnings("unchecked")
    Map<String, Object> owner = (Map<String, Object>) slot[0];
    owner.put((String) slot[1], pick(PROMOTIONS.get(plainPrimitive(slot))));
  }

  @SuppressWarnings("unchecked")
  private void addSymbol(Targets t) {
    if (!t.enums.isEmpty()) {
      ((List<Object>) pick(t.enums).get("symbols")).add("ADDED" + added++);
    }
  }

  /** Adds a primitive branch to a union field, or makes a plain field a union with null. */
  @SuppressWarnings("unchecked")
  private void widenUnion(Targets t) {
    if (t.fields.isEmpty()) {
      return;
    }
    Map<String, Object> field = pick(t.fields);
    Object type = field.get("type");
    if (type instanceof List<?> raw) {
      List<Object> union = (List<Object>) raw;
      List<String> missing = new ArrayList<>(PRIMITIVES);
      for (Object b : union) {
        missing.remove(b instanceof Map<?, ?> m ? m.get("type") : b);
      }
      if (!missing.isEmpty()) {
        union.add(pick(missing));
      }
    } else if (!"null".equals(type instanceof Map<?, ?> m ? m.get("type") : type)) {
      // A default must match the first branch, so null goes last when the field has one.
      boolean nullFirst = !field.containsKey("default") && random.nextBoolean();
      field.put("type", new ArrayList<>(nullFirst ? List.of("null", type) : List.of(type, "null")));
    }
  }

  /** The type name in a slot when it is a primitive without a logical type, else null. */
  private static String plainPrimitive(Object[] slot) {
    Object type = ((Map<?, ?>) slot[0]).get(slot[1]);
    if (type instanceof Map<?, ?> m) {
      type = m.containsKey("logicalType") ? null : m.get("type");
    }
    return type instanceof String s && PRIMITIVES.contains(s) ? s : null;
  }

  private static boolean definesNamedType(Object json) {
    if (json instanceof List<?> l) {
      return l.stream().anyMatch(RandomEvolution::definesNamedType);
    }
    if (json instanceof Map<?, ?> m) {
      Object t = m.get("type");
      return Set.of("record", "error", "enum", "fixed").contains(t) || definesNamedType(t)
          || definesNamedType(m.get("items")) || definesNamedType(m.get("values"));
    }
    return false;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  /** A deep copy of a JSON tree with modifiable lists and maps. */
  private static Object mutable(Object json) {
    if (json instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(o -> out.add(mutable(o)));
      return out;
    }
    if (json instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, mutable(v)));
      return out;
    }
    return json;
  }
}
