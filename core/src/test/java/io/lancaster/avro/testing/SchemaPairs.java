package io.lancaster.avro.testing;

import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.CanonicalForm;
import io.lancaster.avro.schema.DefaultValues;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random (writer, reader) schema pairs for testing schema resolution, covering every rule of the spec's
 * "Schema Resolution" section. A pair starts from a random writer ({@link RandomSchemas}); now and then the writer's
 * records get extra bulky fields (nested records, arrays and maps of records, recursive references) that the reader
 * lacks, so that skipping is exercised; then the reader is derived from the writer by random evolution steps, the
 * way real schemas change: promotions, fields added with defaults of every type, fields dropped, renamed through
 * aliases and reordered, named types renamed through full or relative aliases, enum symbols added, removed (with and
 * without a reader default) and reordered, union branches added, removed and reordered, values moved into and out
 * of unions. A third of the pairs also get one breaking step (a type mismatch, a reader field without default
 * missing from the writer, a fixed size or name mismatch, or one of the cases where Apache Avro Java departs from
 * the spec). Each pair lists the {@link Rule}s it exercises; {@link #tricky()} adds hand-written cases with their
 * expected outcome.
 *
 * <p>Both schemas are printed and parsed again (the reader strictly, so every default the generator made is valid),
 * so Lancaster and Apache Avro read the same text. Generated names cannot collide with {@link RandomSchemas}'
 * names; types in the null namespace are never moved into a namespace (they could not be referred to from there).
 */
public final class SchemaPairs {

  /** What a rule does to reading, by the spec. */
  public enum Effect {
    /** Every value resolves. */
    RESOLVES,
    /** The plan resolves, but some writer values cannot be read (an error only if they occur). */
    MAY_FAIL_ON_DATA,
    /** The schemas do not resolve (unless only reachable through a writer union branch, which defers it). */
    FAILS
  }

  /** The rules of the spec's "Schema Resolution" section that a pair exercises. */
  public enum Rule {
    IDENTICAL(Effect.RESOLVES),
    PROMOTE_INT_TO_LONG(Effect.RESOLVES),
    PROMOTE_INT_TO_FLOAT(Effect.RESOLVES),
    PROMOTE_INT_TO_DOUBLE(Effect.RESOLVES),
    PROMOTE_LONG_TO_FLOAT(Effect.RESOLVES),
    PROMOTE_LONG_TO_DOUBLE(Effect.RESOLVES),
    PROMOTE_FLOAT_TO_DOUBLE(Effect.RESOLVES),
    PROMOTE_STRING_TO_BYTES(Effect.RESOLVES),
    PROMOTE_BYTES_TO_STRING(Effect.RESOLVES),
    FIELDS_REORDERED(Effect.RESOLVES),
    FIELD_MATCHED_BY_ALIAS(Effect.RESOLVES),
    WRITER_FIELD_SKIPPED(Effect.RESOLVES),
    /** A writer-only field of nested records, arrays or maps of records (possibly recursive) is skipped. */
    BIG_WRITER_FIELD_SKIPPED(Effect.RESOLVES),
    DEFAULT_NULL(Effect.RESOLVES),
    DEFAULT_BOOLEAN(Effect.RESOLVES),
    DEFAULT_INT(Effect.RESOLVES),
    DEFAULT_LONG(Effect.RESOLVES),
    DEFAULT_FLOAT(Effect.RESOLVES),
    DEFAULT_DOUBLE(Effect.RESOLVES),
    DEFAULT_BYTES(Effect.RESOLVES),
    DEFAULT_STRING(Effect.RESOLVES),
    DEFAULT_RECORD(Effect.RESOLVES),
    DEFAULT_ENUM(Effect.RESOLVES),
    DEFAULT_ARRAY(Effect.RESOLVES),
    DEFAULT_MAP(Effect.RESOLVES),
    DEFAULT_UNION(Effect.RESOLVES),
    DEFAULT_FIXED(Effect.RESOLVES),
    /** A named type renamed; the reader's alias is the writer's full name, in another namespace. */
    RENAMED_BY_FULL_ALIAS(Effect.RESOLVES),
    /** A named type renamed within its namespace; the reader's alias is relative (the writer's simple name). */
    RENAMED_BY_RELATIVE_ALIAS(Effect.RESOLVES),
    /** A record moved to another namespace without alias: unqualified names still match. */
    RECORD_NAMESPACE_CHANGED(Effect.RESOLVES),
    ENUM_SYMBOLS_ADDED(Effect.RESOLVES),
    ENUM_SYMBOLS_REORDERED(Effect.RESOLVES),
    ENUM_UNKNOWN_SYMBOL_WITH_DEFAULT(Effect.RESOLVES),
    ENUM_UNKNOWN_SYMBOL_NO_DEFAULT(Effect.MAY_FAIL_ON_DATA),
    ARRAY_ITEMS_RESOLVED(Effect.RESOLVES),
    MAP_VALUES_RESOLVED(Effect.RESOLVES),
    FIXED_MATCHED(Effect.RESOLVES),
    UNION_TO_UNION(Effect.RESOLVES),
    UNION_BRANCHES_REORDERED(Effect.RESOLVES),
    UNION_BRANCH_ADDED(Effect.RESOLVES),
    UNION_BRANCH_REMOVED(Effect.MAY_FAIL_ON_DATA),
    UNION_TO_NON_UNION(Effect.MAY_FAIL_ON_DATA),
    NON_UNION_TO_UNION(Effect.RESOLVES),
    /** A non-union value read into a reader union whose only matching branch needs a promotion. */
    NON_UNION_TO_UNION_PROMOTING(Effect.RESOLVES),
    RECURSIVE(Effect.RESOLVES),
    MISMATCH_TYPE(Effect.FAILS),
    MISMATCH_MISSING_FIELD_NO_DEFAULT(Effect.FAILS),
    MISMATCH_FIXED_SIZE(Effect.FAILS),
    MISMATCH_NAME(Effect.FAILS),
    /** A record renamed without alias: the spec fails, Apache Avro ignores record names. */
    RECORD_RENAMED_NO_ALIAS(Effect.FAILS),
    /**
     * A reader union with a branch the writer's type promotes to before the branch of exactly its type: the spec
     * takes the first, Apache Avro the exact one.
     */
    UNION_PROMOTABLE_BEFORE_EXACT(Effect.RESOLVES),
    /** A decimal's precision or scale changed: the spec fails, Apache Avro reinterprets the unscaled bytes. */
    DECIMAL_CHANGED(Effect.FAILS);

    private final Effect effect;

    Rule(Effect effect) {
      this.effect = effect;
    }

    public Effect effect() {
      return effect;
    }
  }

  /** The documented cases where Apache Avro Java 1.12 resolves differently from the spec. */
  public enum ApacheDifference {
    /**
     * Apache Avro matches any two records, whatever their names; the spec needs equal names or a reader alias. Seen
     * where a writer record meets a reader record of another name: renamed, or left without its union branch.
     */
    RECORD_NAMES(Rule.RECORD_RENAMED_NO_ALIAS, Rule.RECORD_NAMESPACE_CHANGED, Rule.UNION_BRANCH_REMOVED,
        Rule.UNION_TO_NON_UNION),
    /** Apache Avro picks a reader union's exact-type branch before an earlier one needing a promotion. */
    UNION_EXACT_BRANCH_FIRST(Rule.UNION_PROMOTABLE_BEFORE_EXACT),
    /** Apache Avro reads decimals of another scale or precision as the same unscaled bytes. */
    DECIMAL_SCALE_PRECISION(Rule.DECIMAL_CHANGED);

    private final Set<Rule> causes;

    ApacheDifference(Rule... causes) {
      this.causes = Set.of(causes);
    }

    /** The rules of a pair that can lead to this difference. */
    public Set<Rule> causes() {
      return causes;
    }
  }

  /** What reading data of the writer with the reader schema must do, by the spec. */
  public enum Outcome {
    RESOLVES,
    FAILS_AT_PLAN,
    /** The plan resolves; some values fail (the tricky cases' data includes such values). */
    FAILS_ON_SOME_DATA
  }

  /**
   * A writer and a reader schema. {@code expected} is the outcome by the spec when known (always for the tricky
   * cases; for random pairs RESOLVES when every rule applied resolves, else null); {@code expectedDifferences} are
   * the Apache differences a tricky case shows (null for random pairs).
   */
  public record Pair(String name, Schema writer, Schema reader, Set<Rule> rules, Outcome expected,
      Set<ApacheDifference> expectedDifferences) {

    /** The Apache differences that this pair's rules can lead to. */
    public Set<ApacheDifference> possibleDifferences() {
      Set<ApacheDifference> out = EnumSet.noneOf(ApacheDifference.class);
      for (ApacheDifference d : ApacheDifference.values()) {
        if (!Collections.disjoint(d.causes(), rules)) {
          out.add(d);
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return name + " " + rules + "\n  writer: " + writer + "\n  reader: " + reader;
    }
  }

  private static final String[] NEW_NAMESPACES = {"evolved", "org.acme.v2", "x.y.z"};
  private static final Schema.Type[] PRIMITIVES = {Schema.Type.NULL, Schema.Type.BOOLEAN, Schema.Type.INT,
      Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE, Schema.Type.BYTES, Schema.Type.STRING};

  private final RandomSchemas schemas;
  private final int mutationPercent;

  /** Small random writers (every feature), about one evolution step in five schema nodes. */
  public SchemaPairs() {
    this(RandomSchemas.Options.DEFAULT, 20);
  }

  public SchemaPairs(RandomSchemas.Options writerOptions, int mutationPercent) {
    this.schemas = new RandomSchemas(writerOptions);
    this.mutationPercent = mutationPercent;
  }

  /** A random pair: one in ten identical, one in three with bulky writer-only fields, one in three breaking. */
  public Pair next(Random random) {
    Schema base;
    do { // RandomSchemas now and then makes an empty union, which no datum can fill
      base = schemas.build(random);
    } while (hasEmptyUnion(base, Collections.newSetFromMap(new IdentityHashMap<>())));
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    if (SchemaVisitor.isRecursive(base)) {
      rules.add(Rule.RECURSIVE);
    }
    if (random.nextInt(10) == 0) {
      rules.add(Rule.IDENTICAL);
      noteUnions(base, rules, Collections.newSetFromMap(new IdentityHashMap<>()));
      return new Pair("identical", writer(base), reader(base), rules, Outcome.RESOLVES, null);
    }
    Schema writer = random.nextInt(3) == 0 ? new Augmentation(random).copy(base, "") : base;
    boolean breaking = random.nextInt(3) == 0;
    Evolution evolution;
    Schema reader;
    int attempts = 0;
    do { // small writers often draw no step: evolve again until reading differs
      evolution = new Evolution(random, writer, breaking);
      reader = evolution.any(writer, false, Set.of());
    } while (++attempts < 4 && CanonicalForm.of(reader).equals(CanonicalForm.of(writer)));
    rules.addAll(evolution.rules);
    boolean resolves = rules.stream().allMatch(r -> r.effect() == Effect.RESOLVES);
    return new Pair("evolved", writer(writer), reader(reader), rules, resolves ? Outcome.RESOLVES : null, null);
  }

  /**
   * A writer schema as a file would give it, parsed leniently, without field defaults: the spec never uses a
   * writer's defaults, and Apache Avro 1.12 refuses to read when a writer's record default names a field that the
   * reader renames through an alias (it checks the writer's defaults after applying the reader's aliases).
   */
  private static Schema writer(Schema s) {
    return SchemaParser.lenient().parse(Json.toJson(withoutFieldDefaults(Json.parse(s.toString()))));
  }

  private static Object withoutFieldDefaults(Object json) {
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      boolean field = map.containsKey("name") && map.containsKey("type") && !(map.get("type") instanceof String t
          && (t.equals("record") || t.equals("error") || t.equals("enum") || t.equals("fixed")));
      map.forEach((k, v) -> {
        if (!(field && k.equals("default"))) {
          out.put((String) k, withoutFieldDefaults(v));
        }
      });
      return out;
    }
    if (json instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(withoutFieldDefaults(v)));
      return out;
    }
    return json;
  }

  /** A reader schema, parsed strictly: every default must be valid. */
  private static Schema reader(Schema s) {
    return new SchemaParser().parse(s.toString());
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Copies a writer, adding bulky "skip_" fields to some records; the evolution always drops them. */
  private static final class Augmentation {
    private final Random r;
    private final Map<Schema, Schema> copies = new IdentityHashMap<>();
    private final Deque<RecordSchema> open = new ArrayDeque<>();
    private final List<NamedSchema> complete = new ArrayList<>();
    private int counter;

    Augmentation(Random r) {
      this.r = r;
    }

    Schema copy(Schema s, String ns) {
      switch (s.type()) {
        case RECORD: {
          Schema done = copies.get(s);
          if (done != null) {
            return done;
          }
          RecordSchema w = (RecordSchema) s;
          RecordSchema c = new RecordSchema(w.name(), w.doc(), aliasStrings(w), w.isError(), w.properties());
          copies.put(w, c);
          open.push(c);
          List<Field> fields = new ArrayList<>();
          for (Field f : w.fields()) {
            // No defaults: the skip fields make a record's default invalid, and Apache Avro checks the writer's
            // defaults when it applies the reader's aliases.
            fields.add(new Field(f.name(), copy(f.schema(), w.namespace()), f.doc(), null, f.order(), f.aliases(),
                f.properties()));
          }
          if (r.nextInt(2) == 0) {
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
              fields.add(r.nextInt(fields.size() + 1),
                  new Field(SKIP_PREFIX + (counter++), bulky(0, w.namespace()), null));
            }
          }
          open.pop();
          c.setFields(fields);
          complete.add(c);
          return c;
        }
        case ENUM:
        case FIXED:
          if (!complete.contains(s)) {
            complete.add((NamedSchema) s);
          }
          return s;
        case ARRAY:
          return new ArraySchema(copy(((ArraySchema) s).items(), ns), s.properties());
        case MAP:
          return new MapSchema(copy(((MapSchema) s).values(), ns), s.properties());
        case UNION: {
          List<Schema> branches = new ArrayList<>();
          for (Schema b : ((UnionSchema) s).branches()) {
            branches.add(copy(b, ns));
          }
          return new UnionSchema(branches);
        }
        default:
          return s;
      }
    }

    /** Something worth skipping: records, arrays and maps of records, references back to open records. */
    private Schema bulky(int depth, String ns) {
      int k = r.nextInt(depth >= 2 ? 4 : 9);
      switch (k) {
        case 0:
          return PrimitiveSchema.of(Schema.Type.STRING);
        case 1:
          return PrimitiveSchema.of(Schema.Type.LONG);
        case 2:
          return PrimitiveSchema.of(Schema.Type.BYTES);
        case 3:
          return reference(ns);
        case 4:
        case 5: {
          RecordSchema rec = new RecordSchema(new Name(ns, "Skip" + (counter++)), null, null, false, null);
          open.push(rec);
          List<Field> fields = new ArrayList<>();
          for (int i = 1 + r.nextInt(4); i > 0; i--) {
            fields.add(new Field("s" + i, bulky(depth + 1, ns)));
          }
          open.pop();
          rec.setFields(fields);
          complete.add(rec);
          return rec;
        }
        case 6:
          return new ArraySchema(bulky(depth + 1, ns));
        case 7:
          return new MapSchema(bulky(depth + 1, ns));
        default: {
          Schema inner = bulky(depth + 1, ns);
          return inner.type() == Schema.Type.UNION ? inner
              : new UnionSchema(List.of(PrimitiveSchema.of(Schema.Type.NULL), inner));
        }
      }
    }

    /** An existing named type, or an open record behind an array, a map or a nullable union (recursion). */
    private Schema reference(String ns) {
      List<RecordSchema> openOnes = new ArrayList<>();
      for (RecordSchema o : open) {
        if (nameable(o, ns)) {
          openOnes.add(o);
        }
      }
      if (!openOnes.isEmpty() && r.nextBoolean()) {
        RecordSchema target = openOnes.get(r.nextInt(openOnes.size()));
        return switch (r.nextInt(3)) {
          case 0 -> new ArraySchema(target);
          case 1 -> new MapSchema(target);
          default -> new UnionSchema(List.of(PrimitiveSchema.of(Schema.Type.NULL), target));
        };
      }
      List<NamedSchema> candidates = new ArrayList<>();
      for (NamedSchema c : complete) {
        if (nameable(c, ns)) {
          candidates.add(c);
        }
      }
      return candidates.isEmpty() ? PrimitiveSchema.of(Schema.Type.DOUBLE)
          : candidates.get(r.nextInt(candidates.size()));
    }
  }

  static final String SKIP_PREFIX = "skip_";

  /** A named type of the null namespace cannot be referred to from inside a namespace. */
  private static boolean nameable(NamedSchema s, String ns) {
    return !s.namespace().isEmpty() || ns.isEmpty();
  }

  private static List<String> aliasStrings(NamedSchema s) {
    List<String> out = new ArrayList<>();
    for (Name a : s.aliases()) {
      out.add(a.fullName());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The breaking steps; a breaking pair gets one, at a random node where it applies. */
  private enum Break { TYPE, MISSING_FIELD, FIXED_SIZE, NAME, RECORD_NAME, DECIMAL }

  /** The breaking steps by weight: those that need a rarer node (a fixed, a decimal) are drawn more often. */
  private static final Break[] BREAKS = {Break.TYPE, Break.TYPE, Break.MISSING_FIELD, Break.FIXED_SIZE,
      Break.FIXED_SIZE, Break.FIXED_SIZE, Break.NAME, Break.NAME, Break.RECORD_NAME, Break.DECIMAL, Break.DECIMAL,
      Break.DECIMAL};

  /** Derives a reader from a writer, one node at a time; named types once (all references share the result). */
  private final class Evolution {
    private final Random r;
    final Set<Rule> rules = EnumSet.noneOf(Rule.class);
    private final Map<NamedSchema, NamedSchema> named = new IdentityHashMap<>();
    /** Reader records whose name does not match their writer's (no alias, or only the namespace changed). */
    private final Set<Schema> renamedRecords = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> fullNames = new HashSet<>();
    /** The breaking step still to apply, or null. */
    private Break breakPending;
    private int counter;

    Evolution(Random r, Schema writer, boolean breaking) {
      this.r = r;
      this.breakPending = breaking ? BREAKS[r.nextInt(BREAKS.length)] : null;
      collectNames(writer, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void collectNames(Schema s, Set<Schema> seen) {
      if (!seen.add(s)) {
        return;
      }
      if (s instanceof NamedSchema n) {
        fullNames.add(n.fullName());
        n.aliases().forEach(a -> fullNames.add(a.fullName()));
      }
      switch (s.type()) {
        case RECORD -> ((RecordSchema) s).fields().forEach(f -> collectNames(f.schema(), seen));
        case ARRAY -> collectNames(((ArraySchema) s).items(), seen);
        case MAP -> collectNames(((MapSchema) s).values(), seen);
        case UNION -> ((UnionSchema) s).branches().forEach(b -> collectNames(b, seen));
        default -> { }
      }
    }

    private boolean mutate() {
      return r.nextInt(100) < mutationPercent;
    }

    /** True once per breaking pair: at a random node where its breaking step applies. */
    private boolean breakHere(Break kind) {
      if (breakPending == kind && r.nextBoolean()) {
        breakPending = null;
        return true;
      }
      return false;
    }

    /**
     * The reader's schema for writer schema {@code w}. {@code noUnion}: the result must not be a union (it is a
     * union branch); {@code avoid}: type names the result must not take (the other branches of that union).
     */
    Schema any(Schema w, boolean noUnion, Set<String> avoid) {
      if (!noUnion && w.type() != Schema.Type.UNION && mutate() && r.nextInt(3) == 0) {
        return wrapInUnion(w);
      }
      switch (w.type()) {
        case RECORD:
          return record((RecordSchema) w);
        case ENUM:
          return enumSchema((EnumSchema) w);
        case FIXED:
          return fixed((FixedSchema) w);
        case ARRAY:
        case MAP:
          return container(w, avoid);
        case UNION:
          return union((UnionSchema) w);
        default:
          return primitive((PrimitiveSchema) w, avoid);
      }
    }

    // ---- primitives

    private Schema primitive(PrimitiveSchema w, Set<String> avoid) {
      Schema.Type t = w.type();
      if (w.logicalType() instanceof LogicalType.Decimal d && (breakHere(Break.DECIMAL) || mutate())) {
        rules.add(Rule.DECIMAL_CHANGED);
        return PrimitiveSchema.of(t, changedDecimal(w.properties(), d, 40, r));
      }
      if (breakHere(Break.TYPE)) {
        List<Schema.Type> others = new ArrayList<>();
        for (Schema.Type o : PRIMITIVES) {
          if (o != t && !promotions(t).contains(o) && !avoid.contains(o.typeName())) {
            others.add(o);
          }
        }
        rules.add(Rule.MISMATCH_TYPE);
        return PrimitiveSchema.of(others.get(r.nextInt(others.size())));
      }
      if (mutate() && r.nextInt(3) != 0) {
        List<Schema.Type> targets = new ArrayList<>();
        for (Schema.Type o : promotions(t)) {
          if (!avoid.contains(o.typeName())) {
            targets.add(o);
          }
        }
        if (!targets.isEmpty()) {
          Schema.Type to = targets.get(r.nextInt(targets.size()));
          rules.add(promotionRule(t, to));
          return PrimitiveSchema.of(to);
        }
      }
      return w;
    }

    // ---- named types

    private RecordSchema record(RecordSchema w) {
      NamedSchema done = named.get(w);
      if (done != null) {
        return (RecordSchema) done;
      }
      boolean missingField = breakHere(Break.MISSING_FIELD);
      NameChoice name = chooseName(w, breakHere(Break.RECORD_NAME));
      RecordSchema rec = new RecordSchema(name.name, w.doc(), name.aliases, w.isError(), w.properties());
      named.put(w, rec);
      if (name.mismatched) {
        renamedRecords.add(rec);
      }
      Set<String> writerFieldNames = new HashSet<>();
      w.fields().forEach(f -> writerFieldNames.add(f.name()));
      List<Field> fields = new ArrayList<>();
      for (Field wf : w.fields()) {
        if (wf.name().startsWith(SKIP_PREFIX)) {
          rules.add(Rule.BIG_WRITER_FIELD_SKIPPED);
          continue;
        }
        if (mutate() && r.nextInt(3) == 0) {
          rules.add(Rule.WRITER_FIELD_SKIPPED);
          continue;
        }
        String fieldName = wf.name();
        List<String> aliases = new ArrayList<>(wf.aliases());
        // Apache Avro applies field aliases only when the record's full names match (through an alias or not).
        if (!name.mismatched && mutate() && r.nextInt(2) == 0) {
          fieldName = fresh("renamed_", writerFieldNames);
          aliases.add(wf.name());
          rules.add(Rule.FIELD_MATCHED_BY_ALIAS);
        }
        Schema type = any(wf.schema(), false, Set.of());
        fields.add(new Field(fieldName, type, wf.doc(), keptDefault(wf, type), wf.order(), aliases,
            wf.properties()));
      }
      if (mutate() && r.nextInt(2) == 0) {
        for (int i = 1 + r.nextInt(2); i > 0; i--) {
          Schema type = newType(0, name.name.namespace());
          rules.add(Rule.valueOf("DEFAULT_" + type.type()));
          fields.add(r.nextInt(fields.size() + 1), new Field(fresh("added_", writerFieldNames), type,
              defaultFor(type, 0)));
        }
      }
      if (missingField) {
        rules.add(Rule.MISMATCH_MISSING_FIELD_NO_DEFAULT);
        fields.add(r.nextInt(fields.size() + 1), new Field(fresh("required_", writerFieldNames),
            newType(1, name.name.namespace())));
      }
      if (fields.size() > 1 && mutate()) {
        List<Field> before = new ArrayList<>(fields);
        Collections.shuffle(fields, r);
        if (!before.equals(fields)) {
          rules.add(Rule.FIELDS_REORDERED);
        }
      }
      rec.setFields(fields);
      return rec;
    }

    /** A matched field's default, when still valid for its reader type (null when not, or not decidable yet). */
    private Object keptDefault(Field wf, Schema readerType) {
      if (!wf.hasDefault()) {
        return null;
      }
      try {
        return DefaultValues.isValid(readerType, wf.defaultValue()) ? wf.defaultValue() : null;
      } catch (IllegalStateException recordStillOpen) {
        return null;
      }
    }

    private EnumSchema enumSchema(EnumSchema w) {
      NamedSchema done = named.get(w);
      if (done != null) {
        return (EnumSchema) done;
      }
      NameChoice name = chooseName(w, breakHere(Break.NAME));
      List<String> symbols = new ArrayList<>(w.symbols());
      String dflt = w.defaultSymbol();
      if (mutate()) {
        int k = r.nextInt(4);
        if (k == 0) {
          for (int i = 1 + r.nextInt(2); i > 0; i--) {
            symbols.add(r.nextInt(symbols.size() + 1), "NEW_" + (counter++));
          }
          rules.add(Rule.ENUM_SYMBOLS_ADDED);
        } else if (k == 1 && symbols.size() > 1) {
          Collections.rotate(symbols, 1 + r.nextInt(symbols.size() - 1));
          rules.add(Rule.ENUM_SYMBOLS_REORDERED);
        } else if (symbols.size() > 1) {
          symbols.remove(r.nextInt(symbols.size()));
          if (k == 2) {
            dflt = dflt != null && symbols.contains(dflt) ? dflt : symbols.get(r.nextInt(symbols.size()));
            rules.add(Rule.ENUM_UNKNOWN_SYMBOL_WITH_DEFAULT);
          } else {
            dflt = null;
            rules.add(Rule.ENUM_UNKNOWN_SYMBOL_NO_DEFAULT);
          }
        }
      }
      if (dflt != null && !symbols.contains(dflt)) {
        dflt = null;
      }
      EnumSchema e = new EnumSchema(name.name, w.doc(), name.aliases, symbols, dflt, w.properties());
      named.put(w, e);
      return e;
    }

    private FixedSchema fixed(FixedSchema w) {
      NamedSchema done = named.get(w);
      if (done != null) {
        return (FixedSchema) done;
      }
      boolean decimal = w.logicalType() instanceof LogicalType.Decimal;
      int kind = breakHere(Break.NAME) ? 0 : breakHere(Break.FIXED_SIZE) ? 1
          : decimal && (breakHere(Break.DECIMAL) || mutate()) ? 2 : -1;
      NameChoice name = chooseName(w, kind == 0);
      int size = w.size();
      Map<String, Object> props = w.properties();
      if (kind == 1) {
        size = size == 0 || r.nextBoolean() ? size + 1 : size - 1;
        rules.add(Rule.MISMATCH_FIXED_SIZE);
      } else if (kind == 2) {
        props = changedDecimal(props, (LogicalType.Decimal) w.logicalType(),
            LogicalType.Decimal.maxPrecision(size), r);
        rules.add(Rule.DECIMAL_CHANGED);
      } else {
        rules.add(Rule.FIXED_MATCHED);
      }
      FixedSchema f = new FixedSchema(name.name, w.doc(), name.aliases, size, props);
      named.put(w, f);
      return f;
    }

    private record NameChoice(Name name, List<String> aliases, boolean mismatched) {}

    /**
     * The reader's name for a writer's named type: the same (most often), renamed with a relative alias (same
     * namespace) or a full one (another namespace), a record moved to another namespace, or, when breaking, a new
     * name without alias.
     */
    private NameChoice chooseName(NamedSchema w, boolean breaking) {
      List<String> aliases = aliasStrings(w);
      boolean isRecord = w instanceof RecordSchema;
      if (breaking) {
        rules.add(isRecord ? Rule.RECORD_RENAMED_NO_ALIAS : Rule.MISMATCH_NAME);
        return new NameChoice(freshName(w.namespace()), aliases, true);
      }
      if (!mutate() || r.nextInt(2) == 0) {
        return new NameChoice(w.name(), aliases, false);
      }
      int k = r.nextInt(w.namespace().isEmpty() ? 1 : isRecord ? 3 : 2);
      if (k == 0) {
        aliases.add(w.simpleName());
        rules.add(Rule.RENAMED_BY_RELATIVE_ALIAS);
        return new NameChoice(freshName(w.namespace()), aliases, false);
      }
      String ns = NEW_NAMESPACES[r.nextInt(NEW_NAMESPACES.length)];
      if (k == 1 || ns.equals(w.namespace()) || fullNames.contains(new Name(ns, w.simpleName()).fullName())) {
        aliases.add(w.fullName());
        rules.add(Rule.RENAMED_BY_FULL_ALIAS);
        return new NameChoice(freshName(ns.equals(w.namespace()) ? "evolved.other" : ns), aliases, false);
      }
      Name moved = new Name(ns, w.simpleName());
      fullNames.add(moved.fullName());
      rules.add(Rule.RECORD_NAMESPACE_CHANGED);
      return new NameChoice(moved, aliases, true);
    }

    private Name freshName(String ns) {
      Name n = new Name(ns, "N" + (counter++));
      fullNames.add(n.fullName());
      return n;
    }

    private String fresh(String prefix, Set<String> taken) {
      String s;
      do {
        s = prefix + (counter++);
      } while (taken.contains(s));
      return s;
    }

    // ---- arrays, maps

    private Schema container(Schema w, Set<String> avoid) {
      boolean array = w.type() == Schema.Type.ARRAY;
      Schema inner = array ? ((ArraySchema) w).items() : ((MapSchema) w).values();
      String other = array ? "map" : "array";
      if (!avoid.contains(other) && breakHere(Break.TYPE)) {
        rules.add(Rule.MISMATCH_TYPE);
        Schema items = any(inner, false, Set.of());
        return array ? new MapSchema(items) : new ArraySchema(items);
      }
      rules.add(array ? Rule.ARRAY_ITEMS_RESOLVED : Rule.MAP_VALUES_RESOLVED);
      Schema items = any(inner, false, Set.of());
      return array ? new ArraySchema(items, w.properties()) : new MapSchema(items, w.properties());
    }

    // ---- unions

    private Schema union(UnionSchema w) {
      if (mutate() && r.nextInt(3) == 0) {
        rules.add(Rule.UNION_TO_NON_UNION);
        List<Schema> candidates = new ArrayList<>();
        for (Schema b : w.branches()) {
          if (b.type() != Schema.Type.NULL) {
            candidates.add(b);
          }
        }
        Schema chosen = candidates.isEmpty() ? w.branch(0) : candidates.get(r.nextInt(candidates.size()));
        return any(chosen, true, Set.of());
      }
      rules.add(Rule.UNION_TO_UNION);
      List<Schema> branches = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Schema b : w.branches()) {
        names.add(b.fullName());
      }
      for (Schema b : w.branches()) {
        Set<String> avoid = new HashSet<>(names);
        avoid.remove(b.fullName());
        Schema e = any(b, true, avoid);
        names.add(e.fullName());
        branches.add(e);
      }
      if (branches.size() > 1 && mutate() && r.nextInt(2) == 0) {
        branches.remove(r.nextInt(branches.size()));
        rules.add(Rule.UNION_BRANCH_REMOVED);
      }
      if (mutate() && r.nextInt(2) == 0) {
        Schema decoy = decoy(names, renamedRecordIn(branches));
        if (decoy != null) {
          branches.add(r.nextInt(branches.size() + 1), decoy);
          rules.add(Rule.UNION_BRANCH_ADDED);
        }
      }
      if (branches.size() > 1 && mutate()) {
        List<Schema> before = new ArrayList<>(branches);
        Collections.shuffle(branches, r);
        if (!before.equals(branches)) {
          rules.add(Rule.UNION_BRANCHES_REORDERED);
        }
      }
      UnionSchema reader = new UnionSchema(branches);
      for (Schema b : w.branches()) {
        noteBranchChoice(b, reader);
      }
      return reader;
    }

    /** A non-union writer value read into a reader union: the matching branch among decoys. */
    private Schema wrapInUnion(Schema w) {
      Schema inner = any(w, true, Set.of());
      List<Schema> branches = new ArrayList<>();
      branches.add(inner);
      Set<String> names = new HashSet<>();
      names.add(inner.fullName());
      names.add(w.fullName());
      Schema.Type t = w.type();
      List<Schema.Type> promotable = new ArrayList<>(promotions(t));
      promotable.removeIf(p -> names.contains(p.typeName()));
      if (inner.type() == t && !promotable.isEmpty() && r.nextInt(3) == 0) {
        Schema.Type p = promotable.get(r.nextInt(promotable.size()));
        int at = r.nextInt(3);
        if (at == 0) { // only the promotable branch
          branches.set(0, PrimitiveSchema.of(p));
          rules.add(promotionRule(t, p));
        } else { // the promotable branch first, the exact one later
          branches.add(0, PrimitiveSchema.of(p));
        }
        names.add(p.typeName());
      }
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        Schema decoy = decoy(names, renamedRecordIn(branches));
        if (decoy != null) {
          branches.add(r.nextInt(branches.size() + 1), decoy);
          names.add(decoy.fullName());
        }
      }
      UnionSchema reader = new UnionSchema(branches);
      rules.add(Rule.NON_UNION_TO_UNION);
      noteBranchChoice(w, reader);
      return reader;
    }

    private boolean renamedRecordIn(List<Schema> branches) {
      for (Schema b : branches) {
        if (renamedRecords.contains(b)) {
          return true;
        }
      }
      return false;
    }

    private void noteBranchChoice(Schema w, UnionSchema reader) {
      SchemaPairs.noteBranchChoice(w, reader, rules);
    }

    /**
     * A union branch no writer type of {@code taken} matches: a primitive none of them promotes to, an array, a
     * map, or a fresh named type (no record when a renamed record is in the union, where Apache Avro would pick a
     * record by its fields). Null when nothing fits.
     */
    private Schema decoy(Set<String> taken, boolean noRecord) {
      List<Schema> options = new ArrayList<>();
      for (Schema.Type p : PRIMITIVES) {
        if (!taken.contains(p.typeName()) && !promotedToByAny(p, taken)) {
          options.add(PrimitiveSchema.of(p));
        }
      }
      if (!taken.contains("array")) {
        options.add(new ArraySchema(PrimitiveSchema.of(Schema.Type.STRING)));
      }
      if (!taken.contains("map")) {
        options.add(new MapSchema(PrimitiveSchema.of(Schema.Type.INT)));
      }
      String ns = NEW_NAMESPACES[r.nextInt(NEW_NAMESPACES.length)];
      options.add(new EnumSchema(new Name(ns, "Decoy" + (counter++)), List.of("A", "B")));
      options.add(new FixedSchema(new Name(ns, "Decoy" + (counter++)), r.nextInt(4)));
      if (!noRecord) {
        RecordSchema rec = new RecordSchema(new Name(ns, "Decoy" + (counter++)), null, null, false, null);
        rec.setFields(List.of(new Field("decoy", PrimitiveSchema.of(Schema.Type.STRING))));
        options.add(rec);
      }
      return options.get(r.nextInt(options.size()));
    }

    private boolean promotedToByAny(Schema.Type p, Set<String> taken) {
      for (String t : taken) {
        Schema.Type type = Schema.Type.primitive(t);
        if (type != null && promotions(type).contains(p)) {
          return true;
        }
      }
      return false;
    }

    // ---- reader-only fields and their defaults

    /** A fresh type for a reader-only field, one of every kind, named types new (so a default can be made). */
    private Schema newType(int depth, String ns) {
      int k = r.nextInt(depth >= 2 ? 8 : 14);
      if (k < 8) {
        return PrimitiveSchema.of(PRIMITIVES[k]);
      }
      String space = ns.isEmpty() ? "evolved" : ns;
      switch (k) {
        case 8: {
          RecordSchema rec = new RecordSchema(new Name(space, "Added" + (counter++)), null, null, false, null);
          List<Field> fields = new ArrayList<>();
          for (int i = r.nextInt(4); i > 0; i--) {
            Schema t = newType(depth + 1, space);
            fields.add(new Field("a" + i, t, r.nextBoolean() ? defaultFor(t, depth + 1) : null));
          }
          rec.setFields(fields);
          return rec;
        }
        case 9: {
          List<String> symbols = new ArrayList<>();
          for (int i = 1 + r.nextInt(4); i > 0; i--) {
            symbols.add("S" + i);
          }
          return new EnumSchema(new Name(space, "Added" + (counter++)), null, null, symbols,
              r.nextBoolean() ? symbols.get(0) : null, null);
        }
        case 10:
          return new FixedSchema(new Name(space, "Added" + (counter++)), r.nextInt(9));
        case 11:
          return new ArraySchema(newType(depth + 1, ns));
        case 12:
          return new MapSchema(newType(depth + 1, ns));
        default: {
          Schema first = newType(depth + 1, ns);
          while (first.type() == Schema.Type.UNION) {
            first = newType(depth + 1, ns);
          }
          Schema second = PrimitiveSchema.of(first.type() == Schema.Type.NULL ? Schema.Type.STRING : Schema.Type.NULL);
          return new UnionSchema(List.of(first, second));
        }
      }
    }

    /** A valid default (JSON tree) for a complete schema; a union's matches its first branch. */
    private Object defaultFor(Schema s, int depth) {
      switch (s.type()) {
        case NULL: return Json.NULL;
        case BOOLEAN: return r.nextBoolean();
        case INT: return (long) RandomData.intValue(r);
        case LONG: return RandomData.longValue(r);
        case FLOAT: return (double) RandomData.finiteFloat(r);
        case DOUBLE: return RandomData.finiteDouble(r);
        case STRING: return RandomData.string(r);
        case BYTES: return RandomData.latin1(r, r.nextInt(6));
        case FIXED: return RandomData.latin1(r, ((FixedSchema) s).size());
        case ENUM: {
          List<String> symbols = ((EnumSchema) s).symbols();
          return symbols.get(r.nextInt(symbols.size()));
        }
        case ARRAY: {
          List<Object> list = new ArrayList<>();
          for (int i = depth > 2 ? 0 : r.nextInt(3); i > 0; i--) {
            list.add(defaultFor(((ArraySchema) s).items(), depth + 1));
          }
          return list;
        }
        case MAP: {
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = depth > 2 ? 0 : r.nextInt(3); i > 0; i--) {
            map.put("k" + i + RandomData.string(r), defaultFor(((MapSchema) s).values(), depth + 1));
          }
          return map;
        }
        case RECORD: {
          Map<String, Object> map = new LinkedHashMap<>();
          for (Field f : ((RecordSchema) s).fields()) {
            if (!f.hasDefault() || r.nextBoolean()) { // else the field's own default applies
              map.put(f.name(), defaultFor(f.schema(), depth + 1));
            }
          }
          return map;
        }
        case UNION:
          return defaultFor(((UnionSchema) s).branch(0), depth + 1);
        default:
          throw new AssertionError(s.type());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Tags how a non-union writer type picks its branch of a reader union: only through a promotion, or a
   * promotable branch before the exact one (where Apache Avro and the spec choose differently).
   */
  private static void noteBranchChoice(Schema w, UnionSchema reader, Set<Rule> rules) {
    Schema.Type t = w.type();
    if (!t.isPrimitive()) {
      return;
    }
    int exact = reader.indexOf(t.typeName());
    int firstPromotable = -1;
    for (int i = 0; i < reader.size() && firstPromotable < 0; i++) {
      if (promotions(t).contains(reader.branch(i).type())) {
        firstPromotable = i;
      }
    }
    if (firstPromotable >= 0 && exact > firstPromotable) {
      rules.add(Rule.UNION_PROMOTABLE_BEFORE_EXACT);
    } else if (exact < 0 && firstPromotable >= 0) {
      rules.add(Rule.NON_UNION_TO_UNION_PROMOTING);
    }
  }

  private static boolean hasEmptyUnion(Schema s, Set<Schema> seen) {
    if (!seen.add(s)) {
      return false;
    }
    return switch (s.type()) {
      case RECORD -> ((RecordSchema) s).fields().stream().anyMatch(f -> hasEmptyUnion(f.schema(), seen));
      case ARRAY -> hasEmptyUnion(((ArraySchema) s).items(), seen);
      case MAP -> hasEmptyUnion(((MapSchema) s).values(), seen);
      case UNION -> ((UnionSchema) s).size() == 0
          || ((UnionSchema) s).branches().stream().anyMatch(b -> hasEmptyUnion(b, seen));
      default -> false;
    };
  }

  /** Tags the branch choices of every union read with itself (an identical pair). */
  private static void noteUnions(Schema s, Set<Rule> rules, Set<Schema> seen) {
    if (!seen.add(s)) {
      return;
    }
    switch (s.type()) {
      case RECORD -> ((RecordSchema) s).fields().forEach(f -> noteUnions(f.schema(), rules, seen));
      case ARRAY -> noteUnions(((ArraySchema) s).items(), rules, seen);
      case MAP -> noteUnions(((MapSchema) s).values(), rules, seen);
      case UNION -> {
        for (Schema b : ((UnionSchema) s).branches()) {
          noteBranchChoice(b, (UnionSchema) s, rules);
          noteUnions(b, rules, seen);
        }
      }
      default -> { }
    }
  }

  /** The types a writer's primitive type promotes to, by the spec. */
  public static Set<Schema.Type> promotions(Schema.Type t) {
    return switch (t) {
      case INT -> EnumSet.of(Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE);
      case LONG -> EnumSet.of(Schema.Type.FLOAT, Schema.Type.DOUBLE);
      case FLOAT -> EnumSet.of(Schema.Type.DOUBLE);
      case STRING -> EnumSet.of(Schema.Type.BYTES);
      case BYTES -> EnumSet.of(Schema.Type.STRING);
      default -> EnumSet.noneOf(Schema.Type.class);
    };
  }

  private static Rule promotionRule(Schema.Type from, Schema.Type to) {
    return Rule.valueOf("PROMOTE_" + from + "_TO_" + to);
  }

  /** The decimal properties with another precision or scale, still valid (precision at most {@code maxPrecision}). */
  private static Map<String, Object> changedDecimal(Map<String, Object> props, LogicalType.Decimal d,
      int maxPrecision, Random r) {
    int p = d.precision();
    int s = d.scale();
    List<long[]> options = new ArrayList<>();
    if (p + 1 <= maxPrecision) {
      options.add(new long[] {p + 1, s});
    }
    if (s + 1 <= p) {
      options.add(new long[] {p, s + 1});
    }
    if (s > 0) {
      options.add(new long[] {p, s - 1});
    }
    if (p - 1 >= Math.max(1, s)) {
      options.add(new long[] {p - 1, s});
    }
    long[] chosen = options.get(r.nextInt(options.size()));
    Map<String, Object> out = new LinkedHashMap<>(props);
    out.put("precision", chosen[0]);
    out.put("scale", chosen[1]);
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Hand-written pairs for the corners of the rules, each with its outcome by the spec. */
  public static List<Pair> tricky() {
    List<Pair> out = new ArrayList<>();
    Outcome ok = Outcome.RESOLVES;
    Outcome plan = Outcome.FAILS_AT_PLAN;
    Outcome data = Outcome.FAILS_ON_SOME_DATA;
    String linkedLongs = """
        {"type": "record", "name": "LinkedLongs", "fields": [
          {"name": "value", "type": "long"}, {"name": "next", "type": ["null", "LinkedLongs"]}]}""";
    String longList = """
        {"type": "record", "name": "LongList", "aliases": ["LinkedLongs"], "fields": [
          {"name": "value", "type": "long"}, {"name": "next", "type": ["null", "LongList"]}]}""";
    out.add(tricky("the spec's linked list, renamed through an alias", linkedLongs, longList, ok,
        Rule.RECURSIVE, Rule.RENAMED_BY_RELATIVE_ALIAS, Rule.UNION_TO_UNION));
    out.add(tricky("full and relative aliases across namespaces", """
        {"type": "record", "name": "a.b.Person", "fields": [
          {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["X", "Y"]}},
          {"name": "hash", "type": {"type": "fixed", "name": "c.Hash", "size": 4}},
          {"name": "maybe", "type": ["null", "Kind", "c.Hash"]}]}""", """
        {"type": "record", "name": "x.Human", "aliases": ["a.b.Person"], "fields": [
          {"name": "kind", "type": {"type": "enum", "name": "Sort", "namespace": "a.b", "aliases": ["Kind"],
            "symbols": ["Y", "X", "Z"]}},
          {"name": "hash", "type": {"type": "fixed", "name": "Digest", "namespace": "c", "aliases": ["Hash"],
            "size": 4}},
          {"name": "maybe", "type": ["c.Digest", "null", "a.b.Sort"]}]}""", ok,
        Rule.RENAMED_BY_FULL_ALIAS, Rule.RENAMED_BY_RELATIVE_ALIAS, Rule.ENUM_SYMBOLS_ADDED,
        Rule.ENUM_SYMBOLS_REORDERED, Rule.UNION_BRANCHES_REORDERED, Rule.FIXED_MATCHED));
    out.add(tricky("fields renamed, reordered, dropped (a big recursive one) and added with defaults of every type",
        """
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": "int"}, {"name": "old_name", "type": "string"},
          {"name": "gone", "type": {"type": "array", "items": {"type": "record", "name": "Big", "fields": [
            {"name": "m", "type": {"type": "map", "values": "Big"}}, {"name": "s", "type": "string"},
            {"name": "u", "type": ["null", {"type": "array", "items": "Big"}]}]}}},
          {"name": "z", "type": "double"}]}""", """
        {"type": "record", "name": "R", "fields": [
          {"name": "z", "type": "double"},
          {"name": "new_name", "aliases": ["old_name"], "type": "string"},
          {"name": "a", "type": "long"},
          {"name": "d_null", "type": "null", "default": null},
          {"name": "d_boolean", "type": "boolean", "default": true},
          {"name": "d_int", "type": "int", "default": -7},
          {"name": "d_long", "type": "long", "default": 9007199254740993},
          {"name": "d_float", "type": "float", "default": 1.1},
          {"name": "d_double", "type": "double", "default": -2.25e-300},
          {"name": "d_bytes", "type": "bytes", "default": "\\u00ff\\u0000A\\u0080"},
          {"name": "d_string", "type": "string", "default": "h\\u00e9llo \\ud83d\\ude00"},
          {"name": "d_record", "type": {"type": "record", "name": "Inner", "fields": [
            {"name": "x", "type": "int"}, {"name": "y", "type": "string", "default": "why"}]},
            "default": {"x": 42}},
          {"name": "d_enum", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]},
            "default": "GREEN"},
          {"name": "d_array", "type": {"type": "array", "items": "Inner"},
            "default": [{"x": 1}, {"x": 2, "y": "b"}]},
          {"name": "d_map", "type": {"type": "map", "values": "Color"}, "default": {"k": "RED", "": "GREEN"}},
          {"name": "d_union", "type": ["null", "string"], "default": null},
          {"name": "d_union_enum", "type": ["Color", "null"], "default": "RED"},
          {"name": "d_fixed", "type": {"type": "fixed", "name": "Two", "size": 2}, "default": "\\u0000\\u00ff"}]}""",
        ok, Rule.FIELD_MATCHED_BY_ALIAS, Rule.FIELDS_REORDERED, Rule.BIG_WRITER_FIELD_SKIPPED,
        Rule.PROMOTE_INT_TO_LONG, Rule.RECURSIVE, Rule.DEFAULT_NULL, Rule.DEFAULT_BOOLEAN, Rule.DEFAULT_INT,
        Rule.DEFAULT_LONG, Rule.DEFAULT_FLOAT, Rule.DEFAULT_DOUBLE, Rule.DEFAULT_BYTES, Rule.DEFAULT_STRING,
        Rule.DEFAULT_RECORD, Rule.DEFAULT_ENUM, Rule.DEFAULT_ARRAY, Rule.DEFAULT_MAP, Rule.DEFAULT_UNION,
        Rule.DEFAULT_FIXED));
    out.add(tricky("an unknown enum symbol takes the reader's default", """
        {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS", "JOKER", "DIAMONDS", "CLUBS"]}""", """
        {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS", "DIAMONDS", "CLUBS"], "default": "CLUBS"}""",
        ok, Rule.ENUM_UNKNOWN_SYMBOL_WITH_DEFAULT));
    out.add(tricky("an unknown enum symbol without a reader default fails when it occurs", """
        {"type": "array", "items": {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}}""", """
        {"type": "array", "items": {"type": "enum", "name": "E", "symbols": ["C", "A"]}}""", data,
        Rule.ENUM_UNKNOWN_SYMBOL_NO_DEFAULT, Rule.ARRAY_ITEMS_RESOLVED));
    out.add(tricky("an int into a union with long before int: the first match (spec) vs the exact one (Apache)",
        "\"int\"", "[\"null\", \"long\", \"int\"]", ok, Set.of(ApacheDifference.UNION_EXACT_BRANCH_FIRST),
        Rule.NON_UNION_TO_UNION, Rule.UNION_PROMOTABLE_BEFORE_EXACT));
    out.add(tricky("a writer union's float into a reader union with double before float", """
        ["float", "null"]""", """
        ["double", "float", "null"]""", ok, Set.of(ApacheDifference.UNION_EXACT_BRANCH_FIRST),
        Rule.UNION_TO_UNION, Rule.UNION_PROMOTABLE_BEFORE_EXACT, Rule.UNION_BRANCH_ADDED));
    out.add(tricky("a string into a union with bytes before string", """
        {"type": "map", "values": "string"}""", """
        {"type": "map", "values": ["bytes", "string"]}""", ok, Set.of(ApacheDifference.UNION_EXACT_BRANCH_FIRST),
        Rule.MAP_VALUES_RESOLVED, Rule.NON_UNION_TO_UNION, Rule.UNION_PROMOTABLE_BEFORE_EXACT));
    out.add(tricky("a record renamed without alias", """
        {"type": "record", "name": "A", "fields": [{"name": "x", "type": "int"}]}""", """
        {"type": "record", "name": "B", "fields": [{"name": "x", "type": "int"}]}""", plan,
        Set.of(ApacheDifference.RECORD_NAMES), Rule.RECORD_RENAMED_NO_ALIAS));
    out.add(tricky("a record into a reader union holding only a record of another name", """
        {"type": "record", "name": "A", "fields": [{"name": "x", "type": "int"}]}""", """
        ["null", {"type": "record", "name": "B", "fields": [{"name": "x", "type": "long"}]}]""", plan,
        Set.of(ApacheDifference.RECORD_NAMES), Rule.RECORD_RENAMED_NO_ALIAS, Rule.NON_UNION_TO_UNION));
    out.add(tricky("a writer union's record renamed without alias fails when it occurs", """
        ["null", {"type": "record", "name": "A", "fields": [{"name": "x", "type": "int"}]}]""", """
        ["null", {"type": "record", "name": "B", "fields": [{"name": "x", "type": "int"}]}]""", data,
        Set.of(ApacheDifference.RECORD_NAMES), Rule.RECORD_RENAMED_NO_ALIAS, Rule.UNION_TO_UNION));
    out.add(tricky("a record moved to another namespace: unqualified names match", """
        {"type": "record", "name": "a.R", "fields": [{"name": "x", "type": "int"},
          {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["P", "Q"]}}]}""", """
        {"type": "record", "name": "b.R", "fields": [{"name": "x", "type": "int"},
          {"name": "e", "type": {"type": "enum", "name": "a.E", "symbols": ["Q", "P"]}}]}""", ok,
        Rule.RECORD_NAMESPACE_CHANGED, Rule.ENUM_SYMBOLS_REORDERED));
    out.add(tricky("bytes decimals of another scale", """
        {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}""", """
        {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 3}""", plan,
        Set.of(ApacheDifference.DECIMAL_SCALE_PRECISION), Rule.DECIMAL_CHANGED));
    out.add(tricky("fixed decimals of a wider precision", """
        {"type": "fixed", "name": "D", "size": 4, "logicalType": "decimal", "precision": 4, "scale": 2}""", """
        {"type": "fixed", "name": "D", "size": 4, "logicalType": "decimal", "precision": 9, "scale": 2}""", plan,
        Set.of(ApacheDifference.DECIMAL_SCALE_PRECISION), Rule.DECIMAL_CHANGED));
    out.add(tricky("a decimal read as plain bytes", """
        {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}""", "\"bytes\"", ok));
    out.add(tricky("fixed of another size", """
        {"type": "fixed", "name": "F", "size": 4}""", """
        {"type": "fixed", "name": "F", "size": 5}""", plan, Rule.MISMATCH_FIXED_SIZE));
    out.add(tricky("fixed of another name", """
        {"type": "fixed", "name": "F", "size": 4}""", """
        {"type": "fixed", "name": "G", "size": 4}""", plan, Rule.MISMATCH_NAME));
    out.add(tricky("enum of another name", """
        {"type": "enum", "name": "E", "symbols": ["A"]}""", """
        {"type": "enum", "name": "G", "symbols": ["A"]}""", plan, Rule.MISMATCH_NAME));
    out.add(tricky("a reader field without default that the writer lacks", """
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}""", """
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},
          {"name": "b", "type": "string"}]}""", plan, Rule.MISMATCH_MISSING_FIELD_NO_DEFAULT));
    out.add(tricky("a type mismatch in array items", """
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "array", "items": "int"}}]}""",
        """
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "array", "items": "string"}}]}""",
        plan, Rule.MISMATCH_TYPE));
    out.add(tricky("boolean read as int", "\"boolean\"", "\"int\"", plan, Rule.MISMATCH_TYPE));
    out.add(tricky("long read as int (no demotion)", "\"long\"", "\"int\"", plan, Rule.MISMATCH_TYPE));
    out.add(tricky("a writer union read as one of its branches fails on the others", """
        ["null", "string"]""", "\"string\"", data, Rule.UNION_TO_NON_UNION));
    out.add(tricky("a writer union read as a promoted type of all its branches", """
        ["int", "long", "float"]""", "\"double\"", ok, Rule.UNION_TO_NON_UNION, Rule.PROMOTE_INT_TO_DOUBLE,
        Rule.PROMOTE_LONG_TO_DOUBLE, Rule.PROMOTE_FLOAT_TO_DOUBLE));
    out.add(tricky("a writer union branch absent from the reader union", """
        ["int", "string", "null"]""", """
        ["null", "long"]""", data, Rule.UNION_TO_UNION, Rule.UNION_BRANCH_REMOVED, Rule.PROMOTE_INT_TO_LONG));
    out.add(tricky("a long into a reader union that only promotes it", "\"long\"", """
        ["null", "string", "double"]""", ok, Rule.NON_UNION_TO_UNION_PROMOTING, Rule.PROMOTE_LONG_TO_DOUBLE));
    out.add(tricky("a record into a reader union picks the branch of its name among other records", """
        {"type": "record", "name": "a.Rec", "fields": [{"name": "x", "type": "int"}]}""", """
        [{"type": "record", "name": "a.Decoy", "fields": [{"name": "x", "type": "int"}]}, "null",
          {"type": "record", "name": "a.Rec", "fields": [{"name": "x", "type": "long"}]}]""", ok,
        Rule.NON_UNION_TO_UNION, Rule.PROMOTE_INT_TO_LONG));
    out.add(tricky("writer union to reader union: records matched by name, reordered, promoted", """
        [{"type": "record", "name": "A", "fields": [{"name": "a", "type": "int"}]},
         {"type": "record", "name": "B", "fields": [{"name": "b", "type": "string"}]}, "bytes"]""", """
        ["string", {"type": "record", "name": "B", "fields": [{"name": "b", "type": "bytes"}]},
         {"type": "record", "name": "A", "fields": [{"name": "a", "type": "double"}]}]""", ok,
        Rule.UNION_TO_UNION, Rule.UNION_BRANCHES_REORDERED, Rule.PROMOTE_STRING_TO_BYTES,
        Rule.PROMOTE_INT_TO_DOUBLE, Rule.PROMOTE_BYTES_TO_STRING));
    out.add(tricky("strings and bytes swapped inside maps and arrays", """
        {"type": "record", "name": "R", "fields": [{"name": "m", "type": {"type": "map", "values": "bytes"}},
          {"name": "a", "type": {"type": "array", "items": "string"}}]}""", """
        {"type": "record", "name": "R", "fields": [{"name": "m", "type": {"type": "map", "values": "string"}},
          {"name": "a", "type": {"type": "array", "items": "bytes"}}]}""", ok,
        Rule.PROMOTE_BYTES_TO_STRING, Rule.PROMOTE_STRING_TO_BYTES, Rule.MAP_VALUES_RESOLVED,
        Rule.ARRAY_ITEMS_RESOLVED));
    out.add(tricky("int and long to float lose precision alike", """
        {"type": "record", "name": "R", "fields": [{"name": "i", "type": "int"}, {"name": "l", "type": "long"},
          {"name": "l2", "type": "long"}, {"name": "i2", "type": "int"}]}""", """
        {"type": "record", "name": "R", "fields": [{"name": "i", "type": "float"}, {"name": "l", "type": "float"},
          {"name": "l2", "type": "double"}, {"name": "i2", "type": "double"}]}""", ok,
        Rule.PROMOTE_INT_TO_FLOAT, Rule.PROMOTE_LONG_TO_FLOAT, Rule.PROMOTE_LONG_TO_DOUBLE,
        Rule.PROMOTE_INT_TO_DOUBLE));
    out.add(tricky("a recursive tree gains a field with a default inside the recursion", """
        {"type": "record", "name": "Node", "fields": [{"name": "value", "type": "int"},
          {"name": "children", "type": {"type": "array", "items": "Node"}},
          {"name": "byName", "type": {"type": "map", "values": "Node"}}]}""", """
        {"type": "record", "name": "Node", "fields": [{"name": "label", "type": "string", "default": "leaf"},
          {"name": "children", "type": {"type": "array", "items": "Node"}}, {"name": "value", "type": "long"}]}""",
        ok, Rule.RECURSIVE, Rule.DEFAULT_STRING, Rule.PROMOTE_INT_TO_LONG, Rule.WRITER_FIELD_SKIPPED,
        Rule.FIELDS_REORDERED));
    out.add(tricky("identical schemas with two records of one simple name in a union", """
        {"type": "record", "name": "Top", "fields": [{"name": "u", "type": [
          {"type": "record", "name": "a.R", "fields": [{"name": "x", "type": "int"}]},
          {"type": "record", "name": "b.R", "fields": [{"name": "y", "type": "string"}]}]}]}""", """
        {"type": "record", "name": "Top", "fields": [{"name": "u", "type": [
          {"type": "record", "name": "a.R", "fields": [{"name": "x", "type": "int"}]},
          {"type": "record", "name": "b.R", "fields": [{"name": "y", "type": "string"}]}]}]}""", ok,
        Rule.IDENTICAL));
    return out;
  }

  private static Pair tricky(String name, String writer, String reader, Outcome outcome, Rule... rules) {
    return tricky(name, writer, reader, outcome, Set.of(), rules);
  }

  private static Pair tricky(String name, String writer, String reader, Outcome outcome,
      Set<ApacheDifference> differences, Rule... rules) {
    Set<Rule> set = EnumSet.noneOf(Rule.class);
    set.addAll(List.of(rules));
    Set<ApacheDifference> diffs = EnumSet.noneOf(ApacheDifference.class);
    diffs.addAll(differences);
    return new Pair(name, SchemaParser.lenient().parse(writer), new SchemaParser().parse(reader), set, outcome,
        diffs);
  }
}
