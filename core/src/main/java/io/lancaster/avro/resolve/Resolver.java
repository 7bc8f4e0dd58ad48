package io.lancaster.avro.resolve;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericValues;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link ReadAction} plan for a (writer, reader) pair by the spec's "Schema Resolution" rules. A pair
 * that can never resolve fails here with a {@link SchemaResolutionException} naming the field path and the rule;
 * a union branch or enum symbol that cannot resolve becomes an action that fails only if such a value is read.
 */
public final class Resolver {
  private final ResolutionOptions options;
  /** Plans of record pairs: finished ones, and {@link ReadAction.Recursive} stand-ins for ones being built. */
  private final Map<RecordSchema, Map<RecordSchema, ReadAction>> records = new IdentityHashMap<>();

  private Resolver(ResolutionOptions options) {
    this.options = options;
  }

  public static ReadAction plan(Schema writer, Schema reader) {
    return plan(writer, reader, ResolutionOptions.DEFAULT);
  }

  public static ReadAction plan(Schema writer, Schema reader, ResolutionOptions options) {
    return new Resolver(options).resolve(writer, reader, "");
  }

  private ReadAction resolve(Schema w, Schema r, String path) {
    if (w.type() == Schema.Type.UNION) {
      UnionSchema wu = (UnionSchema) w;
      List<ReadAction> branches = new ArrayList<>(wu.size());
      for (Schema branch : wu.branches()) {
        branches.add(resolveBranch(branch, r, path));
      }
      return new ReadAction.WriterUnion(wu, r, branches);
    }
    if (r.type() == Schema.Type.UNION) {
      UnionSchema ru = (UnionSchema) r;
      int branch = readerBranchFor(w, ru);
      if (branch < 0) {
        throw new SchemaResolutionException(path, "writer type " + describe(w) + " matches no branch of the reader's union "
            + ru);
      }
      return new ReadAction.ReaderUnion(ru, branch, resolve(w, ru.branch(branch), path));
    }
    return resolveNonUnion(w, r, path);
  }

  /** A writer union's branch: an error for it is deferred until such a value occurs. */
  private ReadAction resolveBranch(Schema w, Schema r, String path) {
    if (r.type() == Schema.Type.UNION) {
      int branch = readerBranchFor(w, (UnionSchema) r);
      if (branch < 0) {
        return new ReadAction.Unresolvable(w, r, path, "the writer's union branch " + describe(w)
            + " matches no branch of the reader's union " + r);
      }
      return new ReadAction.ReaderUnion((UnionSchema) r, branch, resolve(w, ((UnionSchema) r).branch(branch), path));
    }
    if (!matches(w, r)) {
      return new ReadAction.Unresolvable(w, r, path, "the writer's union branch " + describe(w)
          + " cannot be read as " + describe(r));
    }
    return resolveNonUnion(w, r, path);
  }

  private ReadAction resolveNonUnion(Schema w, Schema r, String path) {
    if (!matches(w, r)) {
      throw new SchemaResolutionException(path, mismatch(w, r));
    }
    switch (r.type()) {
      case RECORD:
        return record((RecordSchema) w, (RecordSchema) r, path);
      case ENUM:
        return enumAction((EnumSchema) w, (EnumSchema) r);
      case FIXED:
        return new ReadAction.Fixed((FixedSchema) w, (FixedSchema) r);
      case ARRAY:
        return new ReadAction.Array((ArraySchema) r,
            resolve(((ArraySchema) w).items(), ((ArraySchema) r).items(), path.isEmpty() ? "[]" : path + "[]"));
      case MAP:
        return new ReadAction.Map((MapSchema) r,
            resolve(((MapSchema) w).values(), ((MapSchema) r).values(), path.isEmpty() ? "{}" : path + "{}"));
      default:
        return w.type() == r.type() ? new ReadAction.Primitive(r) : new ReadAction.Promote(w.type(), r);
    }
  }

  /**
   * The reader branch for a non-union writer schema: the first that matches (the spec), or with
   * {@link ResolutionOptions#preferExactUnionBranch()} one of the same type first.
   */
  private int readerBranchFor(Schema w, UnionSchema ru) {
    if (options.preferExactUnionBranch()) {
      for (int i = 0; i < ru.size(); i++) {
        Schema b = ru.branch(i);
        if (b.type() == w.type() && matches(w, b)) {
          return i;
        }
      }
    }
    for (int i = 0; i < ru.size(); i++) {
      if (matches(w, ru.branch(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The spec's "match" for two non-union schemas (promotions included). */
  boolean matches(Schema w, Schema r) {
    Schema.Type wt = w.type();
    Schema.Type rt = r.type();
    if (wt == Schema.Type.UNION || rt == Schema.Type.UNION) {
      return true;
    }
    switch (rt) {
      case RECORD:
        return wt == rt && (options.ignoreRecordNames() || namesMatch((NamedSchema) w, (NamedSchema) r));
      case ENUM:
        return wt == rt && namesMatch((NamedSchema) w, (NamedSchema) r);
      case FIXED:
        return wt == rt && ((FixedSchema) w).size() == ((FixedSchema) r).size()
            && namesMatch((NamedSchema) w, (NamedSchema) r) && decimalsMatch(w, r);
      case ARRAY:
      case MAP:
        return wt == rt;
      case LONG:
        return wt == Schema.Type.LONG || wt == Schema.Type.INT;
      case FLOAT:
        return wt == Schema.Type.FLOAT || wt == Schema.Type.INT || wt == Schema.Type.LONG;
      case DOUBLE:
        return wt == Schema.Type.DOUBLE || wt == Schema.Type.INT || wt == Schema.Type.LONG
            || wt == Schema.Type.FLOAT;
      case STRING:
        return wt == Schema.Type.STRING || wt == Schema.Type.BYTES;
      case BYTES:
        return (wt == Schema.Type.BYTES && decimalsMatch(w, r)) || wt == Schema.Type.STRING;
      default:
        return wt == rt;
    }
  }

  /** Two decimals match when precision and scale are equal (the spec); anything else is not a decimal pair. */
  private boolean decimalsMatch(Schema w, Schema r) {
    if (!(w.logicalType() instanceof LogicalType.Decimal wd) || !(r.logicalType() instanceof LogicalType.Decimal rd)) {
      return true;
    }
    if (wd.scale() != rd.scale()) {
      return false;
    }
    return wd.precision() == rd.precision()
        || (options.decimalPrecisionWidening() && rd.precision() > wd.precision());
  }

  /**
   * Named types match by unqualified name (the spec), or when a reader alias names the writer's type (full
   * alias, or its unqualified part).
   */
  static boolean namesMatch(NamedSchema w, NamedSchema r) {
    if (w.simpleName().equals(r.simpleName())) {
      return true;
    }
    for (Name alias : r.aliases()) {
      if (alias.fullName().equals(w.fullName()) || alias.simpleName().equals(w.simpleName())) {
        return true;
      }
    }
    return false;
  }

  private ReadAction record(RecordSchema w, RecordSchema r, String path) {
    Map<RecordSchema, ReadAction> byReader = records.computeIfAbsent(w, k -> new IdentityHashMap<>());
    ReadAction known = byReader.get(r);
    if (known != null) {
      return known;
    }
    ReadAction.Recursive stand = new ReadAction.Recursive(r);
    byReader.put(r, stand);

    Map<String, Field> readerByWriterName = new HashMap<>();
    for (Field rf : r.fields()) {
      readerByWriterName.put(rf.name(), rf);
    }
    // Reader aliases name writer fields; a field's own name wins over another field's alias.
    for (Field rf : r.fields()) {
      for (String alias : rf.aliases()) {
        if (w.field(alias) != null && w.field(rf.name()) == null) {
          readerByWriterName.putIfAbsent(alias, rf);
        }
      }
    }
    boolean[] filled = new boolean[r.fields().size()];
    List<ReadAction.FieldStep> steps = new ArrayList<>(w.fields().size());
    for (Field wf : w.fields()) {
      Field rf = readerByWriterName.get(wf.name());
      if (rf == null || filled[rf.position()]) {
        steps.add(new ReadAction.SkipField(wf.name(), wf.schema()));
        continue;
      }
      filled[rf.position()] = true;
      String fieldPath = path.isEmpty() ? rf.name() : path + "." + rf.name();
      steps.add(new ReadAction.ReadField(wf.name(), rf.position(), rf.name(),
          resolve(wf.schema(), rf.schema(), fieldPath)));
    }
    List<ReadAction.DefaultField> defaults = new ArrayList<>();
    for (Field rf : r.fields()) {
      if (filled[rf.position()]) {
        continue;
      }
      String fieldPath = path.isEmpty() ? rf.name() : path + "." + rf.name();
      if (!rf.hasDefault()) {
        throw new SchemaResolutionException(fieldPath, "the reader's field has no default and the writer's record "
            + w.fullName() + " has no field " + rf.name()
            + (rf.aliases().isEmpty() ? "" : " (nor any of its aliases " + rf.aliases() + ")"));
      }
      Object value;
      try {
        value = GenericValues.fromDefault(rf.schema(), rf.defaultValue());
      } catch (AvroTypeException e) {
        throw new SchemaResolutionException(fieldPath, "the reader's default is invalid: " + e.getMessage());
      }
      defaults.add(new ReadAction.DefaultField(rf, value));
    }
    ReadAction action = new ReadAction.Record(w, r, List.copyOf(steps), List.copyOf(defaults));
    stand.resolve(action);
    byReader.put(r, action);
    return action;
  }

  private ReadAction enumAction(EnumSchema w, EnumSchema r) {
    int[] map = new int[w.symbols().size()];
    int dflt = r.defaultSymbol() == null ? -1 : r.ordinal(r.defaultSymbol());
    for (int i = 0; i < map.length; i++) {
      int o = r.ordinal(w.symbols().get(i));
      map[i] = o >= 0 ? o : dflt;
    }
    return new ReadAction.Enum(w, r, map);
  }

  private static String mismatch(Schema w, Schema r) {
    if (w.type() == r.type() && w instanceof NamedSchema wn) {
      NamedSchema rn = (NamedSchema) r;
      if (w instanceof FixedSchema wf && wf.size() != ((FixedSchema) r).size()) {
        return "writer fixed " + wn.fullName() + " has size " + wf.size() + ", reader fixed " + rn.fullName()
            + " has size " + ((FixedSchema) r).size();
      }
      if (!namesMatch(wn, rn)) {
        return "writer " + w.type().typeName() + " " + wn.fullName() + " does not match reader "
            + r.type().typeName() + " " + rn.fullName() + " (names differ and no reader alias names the writer's)";
      }
    }
    if (w.logicalType() instanceof LogicalType.Decimal wd && r.logicalType() instanceof LogicalType.Decimal rd) {
      return "writer decimal(" + wd.precision() + "," + wd.scale() + ") does not match reader decimal("
          + rd.precision() + "," + rd.scale() + "): decimals resolve only with equal precision and scale";
    }
    return "writer type " + describe(w) + " cannot be read as " + describe(r);
  }

  static String describe(Schema s) {
    return s instanceof NamedSchema n ? s.type().typeName() + " " + n.fullName() : s.type().typeName();
  }
}
