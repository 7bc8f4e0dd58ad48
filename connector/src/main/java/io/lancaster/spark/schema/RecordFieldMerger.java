package io.lancaster.spark.schema;

import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.DefaultValues;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a merged record, from every definition of the record (in input order): which fields are the same
 * field, in what order they come, their merged types, and their defaults (see {@link AvroSchemaMerger}).
 */
final class RecordFieldMerger {
  private final TypeMerger types;

  RecordFieldMerger(TypeMerger types) {
    this.types = types;
  }

  /** One field of the merged record: its name, the other names it goes by, and the definitions' fields. */
  private static final class Slot {
    final String name;
    final Set<String> names = new LinkedHashSet<>(); // the name first, then aliases and other inputs' names
    final List<Field> fields = new ArrayList<>(); // at most one per definition

    Slot(String name) {
      this.name = name;
    }

    void add(Field f) {
      fields.add(f);
      names.add(f.name());
      names.addAll(f.aliases());
    }

    boolean answersTo(Field f) {
      if (names.contains(f.name())) {
        return true;
      }
      for (String alias : f.aliases()) {
        if (names.contains(alias)) {
          return true;
        }
      }
      return false;
    }
  }

  List<Field> merge(List<RecordSchema> defs, String path) {
    List<Slot> slots = match(defs);
    Set<String> fieldNames = new HashSet<>();
    for (Slot s : slots) {
      fieldNames.add(s.name);
    }
    List<Field> out = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      String fieldPath = path.isEmpty() ? slot.name : path + "." + slot.name;
      List<Schema> variants = new ArrayList<>(slot.fields.size());
      slot.fields.forEach(f -> variants.add(f.schema()));
      Schema type = types.merge(variants, fieldPath);
      Object dflt;
      if (slot.fields.size() < defs.size()) {
        type = nullFirst(type); // some inputs lack the field: their records read null
        dflt = Json.NULL;
      } else {
        dflt = defaultFor(slot.fields, type);
      }
      Field head = slot.fields.get(0);
      String doc = slot.fields.stream().map(Field::doc).filter(Objects::nonNull).findFirst().orElse(null);
      out.add(new Field(slot.name, type, doc, dflt, head.order(), aliases(slot, fieldNames), head.properties()));
    }
    return out;
  }

  /**
   * Groups the definitions' fields into slots: the first definition's fields in order, then each new field where it
   * first appears. A field joins the slot of its own name first; failing that, a slot that one of its names (its
   * name or an alias) names, unless another field of the same definition took that slot.
   */
  private static List<Slot> match(List<RecordSchema> defs) {
    List<Slot> slots = new ArrayList<>();
    for (RecordSchema def : defs) {
      Set<Slot> taken = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Field> unmatched = new ArrayList<>();
      for (Field f : def.fields()) {
        Slot same = slots.stream().filter(s -> s.name.equals(f.name())).findFirst().orElse(null);
        if (same != null) {
          same.add(f);
          taken.add(same);
        } else {
          unmatched.add(f);
        }
      }
      for (Field f : unmatched) {
        Slot slot = slots.stream().filter(s -> !taken.contains(s) && s.answersTo(f)).findFirst().orElse(null);
        if (slot == null) {
          slot = new Slot(f.name());
          slots.add(slot);
        }
        slot.add(f);
        taken.add(slot);
      }
    }
    return slots;
  }

  /**
   * The other names of a slot, as the merged field's aliases, so each input's field resolves to it; a name that
   * another merged field has is left out (the resolver prefers a field's own name anyway).
   */
  private static List<String> aliases(Slot slot, Set<String> fieldNames) {
    List<String> out = new ArrayList<>();
    for (String n : slot.names) {
      if (!n.equals(slot.name) && !fieldNames.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The default of a field that every definition has: theirs when they agree and it fits the merged type, else
   * the first that fits, else none.
   */
  private static Object defaultFor(List<Field> fields, Schema type) {
    Object first = fields.get(0).defaultValue();
    boolean agree = fields.stream().allMatch(f -> Objects.equals(f.defaultValue(), first));
    if (agree && (first == null || fits(type, first))) {
      return first;
    }
    for (Field f : fields) {
      if (f.hasDefault() && fits(type, f.defaultValue())) {
        return f.defaultValue();
      }
    }
    return null;
  }

  private static boolean fits(Schema type, Object json) {
    try {
      return DefaultValues.isValid(type, json);
    } catch (IllegalStateException e) {
      // The default holds a record whose merge is still under way (the field refers back to an enclosing record),
      // so it cannot be checked yet: leave it out; every input has the field, so no input needs it.
      return false;
    }
  }

  /** The type as a union whose first branch is null, so that null is a valid default; other branches keep order. */
  static Schema nullFirst(Schema type) {
    if (type.type() == Schema.Type.NULL) {
      return type;
    }
    if (!(type instanceof UnionSchema u)) {
      return new UnionSchema(List.of(PrimitiveSchema.of(Schema.Type.NULL), type));
    }
    if (u.nullIndex() == 0) {
      return u;
    }
    List<Schema> branches = new ArrayList<>(u.size() + 1);
    branches.add(u.nullIndex() > 0 ? u.branch(u.nullIndex()) : PrimitiveSchema.of(Schema.Type.NULL));
    for (Schema b : u.branches()) {
      if (b.type() != Schema.Type.NULL) {
        branches.add(b);
      }
    }
    return new UnionSchema(branches);
  }
}
