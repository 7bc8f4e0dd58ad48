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
  /** Null when planning (the first problem throws); the list of every problem when checking compatibility. */
  private final List<Incompatibility> collected;
  /**
   * Above zero while resolving inside a writer union's branch: a problem there becomes a deferred error at the
   * deepest node it concerns (an array whose items cannot resolve still reads when empty), as the spec wants
   * errors for union branches only when such a value occurs. Record pairs planned there are kept apart from
   * those planned elsewhere, so a pair outside any union still fails when the plan is built.
   */
  private int deferring;
  /** Plans of record pairs: finished ones, and {@link ReadAction.Recursive} stand-ins for ones being built. */
  private final Map<RecordSchema, Map<RecordSchema, ReadAction>> records = new IdentityHashMap<>();
  /** The same for pairs planned inside writer union branches, where problems are deferred, not thrown. */
  private final Map<RecordSchema, Map<RecordSchema, ReadAction>> deferredRecords = new IdentityHashMap<>();

  private Resolver(ResolutionOptions options, List<Incompatibility> collected) {
    this.options = options;
    this.collected = collected;
  }

  public static ReadAction plan(Schema writer, Schema reader) {
    return plan(writer, reader, ResolutionOptions.DEFAULT);
  }

  public static ReadAction plan(Schema writer, Schema reader, ResolutionOptions options) {
    return new Resolver(options, null).resolve(writer, reader, "");
  }

  /**
   * Every reason why data written with {@code writer} may fail to read with {@code reader}: the problems that
   * would stop the plan, and the writer union branches and enum symbols that would fail if they occurred.
   */
  public static List<Incompatibility> incompatibilities(Schema writer, Schema reader, ResolutionOptions options) {
    List<Incompatibility> found = new ArrayList<>();
    ReadAction plan = new Resolver(options, found).resolve(writer, reader, "");
    collectDeferred(plan, found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    return found;
  }

  private static void collectDeferred(ReadAction a, List<Incompatibility> found, java.util.Set<ReadAction> seen) {
    if (!seen.add(a)) {
      return;
    }
    if (a instanceof ReadAction.Unresolvable u) {
      if (u.kind() != null) {
        found.add(new Incompatibility(u.kind(), u.path(), u.reason()));
      }
    } else if (a instanceof ReadAction.Enum e) {
      for (int i = 0; i < e.readerOrdinal().length; i++) {
        if (e.readerOrdinal()[i] < 0) {
          found.add(new Incompatibility(Incompatibility.Kind.MISSING_ENUM_SYMBOL, e.path(), "the writer's symbol "
              + e.writer().symbols().get(i) + " of enum " + e.writer().fullName()
              + " is not in the reader's enum, which has no default"));
        }
      }
    } else if (a instanceof ReadAction.Array arr) {
      collectDeferred(arr.items(), found, seen);
    } else if (a instanceof ReadAction.Map m) {
      collectDeferred(m.values(), found, seen);
    } else if (a instanceof ReadAction.Record r) {
      for (ReadAction.FieldStep step : r.steps()) {
        if (step instanceof ReadAction.ReadField f) {
          collectDeferred(f.action(), found, seen);
        }
      }
    } else if (a instanceof ReadAction.WriterUnion u) {
      for (ReadAction b : u.branches()) {
        collectDeferred(b, found, seen);
      }
    } else if (a instanceof ReadAction.ReaderUnion u) {
      collectDeferred(u.action(), found, seen);
    }
    // Primitive, Promote, Fixed and Recursive (its target is reached through its own record) hold no problem.
  }

  /**
   * Plan mode: throws, or inside a writer union's branch returns a deferred error. Check mode: records the
   * problem and returns a stand-in so the walk goes on.
   */
  private ReadAction fail(Schema w, Schema r, String path, Incompatibility.Kind kind, String rule) {
    if (collected != null) {
      collected.add(new Incompatibility(kind, path, rule));
      return new ReadAction.Unresolvable(w, r, path, rule, null);
    }
    if (deferring > 0) {
      return new ReadAction.Unresolvable(w, r, path, rule, kind);
    }
    throw new SchemaResolutionException(path, rule);
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
        return fail(w, r, path, Incompatibility.Kind.MISSING_UNION_BRANCH, "writer type " + describe(w)
            + " matches no branch of the reader's union " + ru);
      }
      return new ReadAction.ReaderUnion(ru, branch, resolve(w, ru.branch(branch), path));
    }
    return resolveNonUnion(w, r, path);
  }

  /**
   * A writer union's branch: whatever cannot resolve in it becomes a deferred error, raised only when a value of
   * that branch is read (and, inside collections, only when an item occurs), as the spec asks.
   */
  private ReadAction resolveBranch(Schema w, Schema r, String path) {
    if (r.type() == Schema.Type.UNION) {
      UnionSchema ru = (UnionSchema) r;
      int branch = readerBranchFor(w, ru);
      if (branch < 0) {
        return new ReadAction.Unresolvable(w, r, path, "the writer's union branch " + describe(w)
            + " matches no branch of the reader's union " + r, Incompatibility.Kind.MISSING_UNION_BRANCH);
      }
      return deferringFailures(() -> new ReadAction.ReaderUnion(ru, branch, resolve(w, ru.branch(branch), path)));
    }
    if (!matches(w, r, false)) {
      return new ReadAction.Unresolvable(w, r, path, "the writer's union branch " + describe(w)
          + " cannot be read as " + describe(r), Incompatibility.Kind.MISSING_UNION_BRANCH);
    }
    return deferringFailures(() -> resolveNonUnion(w, r, path));
  }

  private ReadAction deferringFailures(java.util.function.Supplier<ReadAction> build) {
    deferring++;
    try {
      return build.get();
    } finally {
      deferring--;
    }
  }

  private ReadAction resolveNonUnion(Schema w, Schema r, String path) {
    if (!matches(w, r, false)) {
      return fail(w, r, path, mismatchKind(w, r), mismatch(w, r));
    }
    switch (r.type()) {
      case RECORD:
        return record((RecordSchema) w, (RecordSchema) r, path);
      case ENUM:
        return enumAction((EnumSchema) w, (EnumSchema) r, path);
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
   * The reader branch for a non-union writer schema: the first that matches, as the spec says, with two
   * refinements that only matter where several branches match. A branch of the same full name (named types)
   * comes before one matched by unqualified name, alias or, with {@code ignoreRecordNames}, by type alone; and
   * a lossy promotion (int or long to float, long to double) is never chosen over a branch of exactly the
   * writer's type, because then a schema would change values when reading its own data. With
   * {@link ResolutionOptions#preferExactUnionBranch()} any branch of exactly the writer's type comes first, as in
   * Apache Avro Java.
   */
  private int readerBranchFor(Schema w, UnionSchema ru) {
    int deep = readerBranchFor(w, ru, true);
    return deep >= 0 ? deep : readerBranchFor(w, ru, false);
  }

  private int readerBranchFor(Schema w, UnionSchema ru, boolean deep) {
    if (w instanceof NamedSchema) {
      for (int i = 0; i < ru.size(); i++) {
        Schema b = ru.branch(i);
        if (b.type() == w.type() && b.fullName().equals(w.fullName()) && matches(w, b, deep)) {
          return i;
        }
      }
      if (w.type() == Schema.Type.RECORD && options.ignoreRecordNames()) {
        for (int i = 0; i < ru.size(); i++) {
          Schema b = ru.branch(i);
          if (b.type() == Schema.Type.RECORD && namesMatch((NamedSchema) w, (NamedSchema) b)) {
            return i;
          }
        }
      }
    }
    int exact = -1;
    for (int i = 0; i < ru.size(); i++) {
      Schema b = ru.branch(i);
      if (b.type() == w.type() && matches(w, b, deep)) {
        exact = i;
        break;
      }
    }
    if (options.preferExactUnionBranch() && exact >= 0) {
      return exact;
    }
    for (int i = 0; i < ru.size(); i++) {
      Schema b = ru.branch(i);
      if (matches(w, b, deep)) {
        if (exact >= 0 && isLossy(w.type(), b.type())) {
          return exact;
        }
        return i;
      }
    }
    return -1;
  }

  /** Promotions that can change a value: int or long to float, long to double. */
  private static boolean isLossy(Schema.Type from, Schema.Type to) {
    return (to == Schema.Type.FLOAT && (from == Schema.Type.INT || from == Schema.Type.LONG))
        || (to == Schema.Type.DOUBLE && from == Schema.Type.LONG);
  }

  /** The spec's "match" for two non-union schemas (promotions included), items and values of collections too. */
  boolean matches(Schema w, Schema r) {
    return matches(w, r, true);
  }

  /**
   * With {@code deep}, arrays and maps match when their items match ("both schemas are arrays whose item types
   * match"); without, any two arrays (maps) match, and a mismatch inside is found, with its precise path, when the
   * items are resolved.
   */
  private boolean matches(Schema w, Schema r, boolean deep) {
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
        // "both schemas are arrays whose item types match": a deep match, so that a writer union branch whose
        // items cannot resolve is a deferred error, not a refusal of the whole pair.
        return wt == rt && (!deep || matches(((ArraySchema) w).items(), ((ArraySchema) r).items(), true));
      case MAP:
        return wt == rt && (!deep || matches(((MapSchema) w).values(), ((MapSchema) r).values(), true));
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
    Map<RecordSchema, ReadAction> byReader =
        (deferring > 0 ? deferredRecords : records).computeIfAbsent(w, k -> new IdentityHashMap<>());
    ReadAction known = byReader.get(r);
    if (known != null) {
      return known;
    }
    ReadAction.Recursive stand = new ReadAction.Recursive(r);
    byReader.put(r, stand);
    try {
      ReadAction action = recordPlan(w, r, path);
      stand.resolve(action);
      byReader.put(r, action);
      return action;
    } catch (RuntimeException e) {
      byReader.remove(r); // a failed pair leaves no half-built plan behind for another path to find
      throw e;
    }
  }

  private ReadAction recordPlan(RecordSchema w, RecordSchema r, String path) {

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
    ReadAction brokenDefault = null;
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
        brokenDefault = fail(w, r, fieldPath, Incompatibility.Kind.MISSING_DEFAULT, "the reader's field has no "
            + "default and the writer's record " + w.fullName() + " has no field " + rf.name()
            + (rf.aliases().isEmpty() ? "" : " (nor any of its aliases " + rf.aliases() + ")"));
        continue;
      }
      Object value;
      try {
        value = GenericValues.fromDefault(rf.schema(), rf.defaultValue());
      } catch (AvroTypeException e) {
        brokenDefault = fail(w, r, fieldPath, Incompatibility.Kind.INVALID_DEFAULT, "the reader's default is "
            + "invalid: " + e.getMessage());
        continue;
      }
      defaults.add(new ReadAction.DefaultField(rf, value));
    }
    if (brokenDefault != null && collected == null) {
      return brokenDefault; // deferred: the record cannot be built, so reading one fails
    }
    return new ReadAction.Record(w, r, List.copyOf(steps), List.copyOf(defaults));
  }

  private ReadAction enumAction(EnumSchema w, EnumSchema r, String path) {
    int[] map = new int[w.symbols().size()];
    int dflt = r.defaultSymbol() == null ? -1 : r.ordinal(r.defaultSymbol());
    for (int i = 0; i < map.length; i++) {
      int o = r.ordinal(w.symbols().get(i));
      map[i] = o >= 0 ? o : dflt;
    }
    return new ReadAction.Enum(w, r, map, path);
  }

  private static Incompatibility.Kind mismatchKind(Schema w, Schema r) {
    if (w.type() == r.type() && w instanceof FixedSchema wf && wf.size() != ((FixedSchema) r).size()) {
      return Incompatibility.Kind.FIXED_SIZE_MISMATCH;
    }
    if (w.type() == r.type() && w instanceof NamedSchema wn && !namesMatch(wn, (NamedSchema) r)) {
      return Incompatibility.Kind.NAME_MISMATCH;
    }
    if (w.logicalType() instanceof LogicalType.Decimal && r.logicalType() instanceof LogicalType.Decimal) {
      return Incompatibility.Kind.DECIMAL_MISMATCH;
    }
    return Incompatibility.Kind.TYPE_MISMATCH;
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
