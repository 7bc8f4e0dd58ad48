package io.lancaster.spark.schema;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One merge: turns the types that the inputs have at one position (their "variants", in input order) into the type
 * the merged schema has there. Named types are merged once per full name from all their definitions and then
 * shared, which also ends the walk of a record that refers to itself.
 */
final class TypeMerger {
  private final NamedDefinitions definitions;
  private final RecordFieldMerger fields = new RecordFieldMerger(this);
  /** Merged named types by full name; a record is here (without fields) while its fields are being merged. */
  private final Map<String, NamedSchema> merged = new HashMap<>();

  TypeMerger(NamedDefinitions definitions) {
    this.definitions = definitions;
  }

  /** The merged type of {@code variants} (at least one) found at {@code path}. */
  Schema merge(List<Schema> variants, String path) {
    if (variants.stream().anyMatch(v -> v instanceof UnionSchema)) {
      return union(variants, path);
    }
    Schema first = variants.get(0);
    for (Schema v : variants) {
      if (v.type() != first.type() && !(v.type().isPrimitive() && first.type().isPrimitive())) {
        throw conflict(path, first, v);
      }
    }
    return switch (first.type()) {
      case RECORD, ENUM, FIXED -> named(variants, path);
      case ARRAY -> new ArraySchema(merge(map(variants, v -> ((ArraySchema) v).items()), path + "[]"),
          first.properties());
      case MAP -> new MapSchema(merge(map(variants, v -> ((MapSchema) v).values()), path + "{}"),
          first.properties());
      case UNION -> throw new AssertionError("unions are merged above");
      default -> PrimitiveWidening.widen(variants, path);
    };
  }

  /**
   * The union of every variant's branches (a non-union variant is one branch). Branches of the same full name
   * (type name for unnamed types) are merged; promotions are not applied across branches, so int and long stay
   * two branches and each writer value keeps its own.
   */
  private Schema union(List<Schema> variants, String path) {
    Map<String, List<Schema>> byBranchName = new LinkedHashMap<>();
    for (Schema v : variants) {
      List<Schema> branches = v instanceof UnionSchema u ? u.branches() : List.of(v);
      for (Schema b : branches) {
        byBranchName.computeIfAbsent(b.fullName(), k -> new ArrayList<>()).add(b);
      }
    }
    List<Schema> branches = new ArrayList<>(byBranchName.size());
    for (List<Schema> same : byBranchName.values()) {
      branches.add(merge(same, path));
    }
    return new UnionSchema(branches);
  }

  private Schema named(List<Schema> variants, String path) {
    Schema first = variants.get(0);
    for (Schema v : variants) {
      if (!v.fullName().equals(first.fullName())) {
        throw conflict(path, first, v);
      }
    }
    return namedType((NamedSchema) first, path);
  }

  /** The merged type of that name, from every definition of the name in every input. */
  private NamedSchema namedType(NamedSchema any, String path) {
    NamedSchema done = merged.get(any.fullName());
    if (done != null) {
      return done;
    }
    List<NamedSchema> defs = definitions.of(any.fullName()); // any is one of them: variants come from the inputs
    NamedSchema first = defs.get(0);
    for (NamedSchema d : defs) {
      if (d.type() != first.type()) {
        throw conflict(path, first, d);
      }
    }
    switch (first.type()) {
      case RECORD -> {
        RecordSchema head = (RecordSchema) first;
        RecordSchema record = new RecordSchema(head.name(), firstDoc(defs), aliases(defs), head.isError(),
            head.properties());
        merged.put(record.fullName(), record); // before the fields: a field may refer back to this record
        record.setFields(fields.merge(map(defs, d -> (RecordSchema) d), path));
        return record;
      }
      case ENUM -> {
        EnumSchema e = enumType(map(defs, d -> (EnumSchema) d));
        merged.put(e.fullName(), e);
        return e;
      }
      default -> {
        FixedSchema f = fixedType(map(defs, d -> (FixedSchema) d), path);
        merged.put(f.fullName(), f);
        return f;
      }
    }
  }

  /** Symbols in order of first appearance; the default symbol only when every definition has the same. */
  private static EnumSchema enumType(List<EnumSchema> defs) {
    EnumSchema head = defs.get(0);
    Set<String> symbols = new LinkedHashSet<>();
    boolean sameDefault = true;
    for (EnumSchema d : defs) {
      symbols.addAll(d.symbols());
      sameDefault &= Objects.equals(d.defaultSymbol(), head.defaultSymbol());
    }
    return new EnumSchema(head.name(), firstDoc(defs), aliases(defs), List.copyOf(symbols),
        sameDefault ? head.defaultSymbol() : null, head.properties());
  }

  /** Fixed types merge only when their sizes and logical types are equal: the first definition is the merge. */
  private static FixedSchema fixedType(List<FixedSchema> defs, String path) {
    FixedSchema head = defs.get(0);
    for (FixedSchema d : defs) {
      if (d.size() != head.size()) {
        throw conflict(path, head, d, "fixed sizes differ");
      }
      if (!Objects.equals(d.logicalType(), head.logicalType())) {
        throw conflict(path, head, d, "logical types must be equal");
      }
    }
    return head;
  }

  private static String firstDoc(List<? extends NamedSchema> defs) {
    return defs.stream().map(NamedSchema::doc).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** Every definition's aliases, spelled so that the merged type resolves them to the same full names. */
  private static List<String> aliases(List<? extends NamedSchema> defs) {
    Name name = defs.get(0).name();
    Set<String> out = new LinkedHashSet<>();
    for (NamedSchema d : defs) {
      for (Name alias : d.aliases()) {
        // A simple alias would take the type's namespace; a leading dot keeps an alias in the null namespace.
        out.add(alias.namespace().isEmpty() && !name.namespace().isEmpty() ? "." + alias.simpleName()
            : alias.fullName());
      }
    }
    return List.copyOf(out);
  }

  static SchemaMergeException conflict(String path, Schema a, Schema b) {
    return new SchemaMergeException(path, TypeDescription.of(a), TypeDescription.of(b), null);
  }

  private static SchemaMergeException conflict(String path, Schema a, Schema b, String reason) {
    return new SchemaMergeException(path, TypeDescription.of(a), TypeDescription.of(b), reason);
  }

  private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
    List<B> out = new ArrayList<>(list.size());
    for (A a : list) {
      out.add(f.apply(a));
    }
    return out;
  }
}
