package io.lancaster.avro.testing;

import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.ArraySchema;
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
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random schemas that cover the whole spec, for property tests and comparisons with Apache Avro: every
 * primitive, records with 0..n fields, enums (with defaults), fixed of sizes 0..20, arrays, maps, unions that obey
 * the spec's rules, named types used again by name, namespaces, aliases, docs, custom properties, valid field
 * defaults (a union's matches its first branch), orders, recursive records (through a nullable union, an array or
 * a map), and every logical type (plus a few invalid annotations, which the spec says to ignore).
 *
 * <p>A schema is built from the schema classes, so every default is valid by construction, then printed and
 * re-spelled at random into equivalent JSON ({@link #nextJson}): dotted full names instead of namespace
 * attributes, redundant or ignored namespaces, full-name references, object-form references and primitives,
 * shuffled attributes. Both Lancaster and Apache Avro parse the result; both must read the same schema from it.
 * Only valid names (ASCII) are generated; a type in the null namespace gets a simple name used nowhere else, since
 * it could not be referred to unambiguously from inside a namespace.
 */
public final class RandomSchemas {

  /** Size and feature knobs; {@link #DEFAULT} suits property tests (small schemas, every feature). */
  public record Options(int maxDepth, int maxFields, int maxUnionBranches, int maxSymbols, boolean recursion,
      boolean logicalTypes, boolean decorations, int recordPercent) {
    public static final Options DEFAULT = new Options(4, 6, 4, 6, true, true, true, 70);

    public Options withMaxDepth(int v) {
      return new Options(v, maxFields, maxUnionBranches, maxSymbols, recursion, logicalTypes, decorations,
          recordPercent);
    }

    public Options withMaxFields(int v) {
      return new Options(maxDepth, v, maxUnionBranches, maxSymbols, recursion, logicalTypes, decorations,
          recordPercent);
    }

    public Options withMaxUnionBranches(int v) {
      return new Options(maxDepth, maxFields, v, maxSymbols, recursion, logicalTypes, decorations, recordPercent);
    }

    public Options withRecursion(boolean v) {
      return new Options(maxDepth, maxFields, maxUnionBranches, maxSymbols, v, logicalTypes, decorations,
          recordPercent);
    }

    public Options withLogicalTypes(boolean v) {
      return new Options(maxDepth, maxFields, maxUnionBranches, maxSymbols, recursion, v, decorations,
          recordPercent);
    }

    /** Docs, aliases, custom properties, field defaults and orders. */
    public Options withDecorations(boolean v) {
      return new Options(maxDepth, maxFields, maxUnionBranches, maxSymbols, recursion, logicalTypes, v,
          recordPercent);
    }

    /** How often (percent) the top-level schema is a record; otherwise it is any type. */
    public Options withRecordPercent(int v) {
      return new Options(maxDepth, maxFields, maxUnionBranches, maxSymbols, recursion, logicalTypes, decorations,
          v);
    }
  }

  private static final String[] NAMESPACES = {"com.example", "org.acme.data", "x", "a.b.c", "io.test.v2"};
  private static final String[] PROP_KEYS = {"x-owner", "java-class", "sql.type", "connect.name", "hive_comment",
      "extra", "tags", "weight"};
  private static final String[] WORDS = {"id", "name", "type", "value", "_x", "a_b", "Z9", "default", "map",
      "record", "ns", "f"};

  private final Options options;

  public RandomSchemas() {
    this(Options.DEFAULT);
  }

  public RandomSchemas(Options options) {
    this.options = options;
  }

  public Options options() {
    return options;
  }

  /** A random schema, parsed by Lancaster from the JSON text {@link #nextJson} would give for the same random. */
  public Schema next(Random random) {
    return new SchemaParser().parse(nextJson(random));
  }

  /** A random schema's JSON text, spelled at random (see the class comment). */
  public String nextJson(Random random) {
    Schema built = build(random);
    return respell(built, random);
  }

  /** A random schema as built from the schema classes (not printed and parsed). */
  public Schema build(Random random) {
    Run run = new Run(random);
    if (random.nextInt(100) < options.recordPercent) {
      return run.record(0, "");
    }
    return run.any(0, "");
  }

  /** An equivalent JSON spelling of {@code schema} (see the class comment). */
  public static String respell(Schema schema, Random random) {
    Set<String> fullNames = new HashSet<>();
    collectNames(schema, fullNames, Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    return Json.toJson(new Respeller(random, fullNames).schema(Json.parse(schema.toString()), ""));
  }

  private static void collectNames(Schema s, Set<String> names, Set<Schema> seen) {
    if (!seen.add(s)) {
      return;
    }
    if (s instanceof NamedSchema n) {
      names.add(n.fullName());
    }
    if (s instanceof RecordSchema r) {
      r.fields().forEach(f -> collectNames(f.schema(), names, seen));
    } else if (s instanceof ArraySchema a) {
      collectNames(a.items(), names, seen);
    } else if (s instanceof MapSchema m) {
      collectNames(m.values(), names, seen);
    } else if (s instanceof UnionSchema u) {
      u.branches().forEach(b -> collectNames(b, names, seen));
    }
  }

  /** The state of building one schema. */
  private final class Run {
    private final Random r;
    private final List<NamedSchema> reusable = new ArrayList<>();
    private final Deque<RecordSchema> open = new ArrayDeque<>();
    private final Set<String> simpleNamesInNullNamespace = new HashSet<>();
    private final Set<String> fullNames = new java.util.LinkedHashSet<>();
    private int counter;

    Run(Random r) {
      this.r = r;
    }

    Schema any(int depth, String ns) {
      if (depth >= options.maxDepth) {
        return leaf(ns);
      }
      int k = r.nextInt(100);
      if (k < 25) {
        return primitive();
      } else if (k < 40) {
        return record(depth, ns);
      } else if (k < 46) {
        return enumSchema(ns);
      } else if (k < 52) {
        return fixedOrLogicalFixed(ns);
      } else if (k < 62) {
        return new ArraySchema(any(depth + 1, ns), smallProps());
      } else if (k < 72) {
        return new MapSchema(any(depth + 1, ns), smallProps());
      } else if (k < 90) {
        return union(depth, ns);
      }
      Schema ref = reference(Set.of(), ns);
      return ref != null ? ref : primitive();
    }

    private Schema leaf(String ns) {
      int k = r.nextInt(10);
      if (k < 6) {
        return primitive();
      } else if (k < 7) {
        return enumSchema(ns);
      } else if (k < 8) {
        return fixedOrLogicalFixed(ns);
      }
      Schema ref = reference(Set.of(), ns);
      return ref != null ? ref : primitive();
    }

    PrimitiveSchema primitive() {
      if (options.logicalTypes && r.nextInt(5) == 0) {
        return logicalPrimitive();
      }
      Schema.Type t = Schema.Type.values()[Schema.Type.STRING.ordinal() + r.nextInt(8)];
      return PrimitiveSchema.of(t, smallProps());
    }

    private PrimitiveSchema logicalPrimitive() {
      Map<String, Object> p = new LinkedHashMap<>();
      Schema.Type t;
      int k = r.nextInt(15);
      switch (k) {
        case 0 -> {
          t = Schema.Type.BYTES;
          long precision = 1 + r.nextInt(40);
          p.put("logicalType", "decimal");
          p.put("precision", precision);
          if (r.nextBoolean()) {
            p.put("scale", (long) r.nextInt((int) precision + 1));
          }
        }
        case 1 -> {
          t = Schema.Type.BYTES;
          p.put("logicalType", "big-decimal");
        }
        case 2 -> {
          t = Schema.Type.STRING;
          p.put("logicalType", "uuid");
        }
        case 3, 4 -> {
          t = Schema.Type.INT;
          p.put("logicalType", k == 3 ? "date" : "time-millis");
        }
        case 5, 6, 7, 8, 9, 10, 11 -> {
          t = Schema.Type.LONG;
          p.put("logicalType", List.of("time-micros", "timestamp-millis", "timestamp-micros", "timestamp-nanos",
              "local-timestamp-millis", "local-timestamp-micros", "local-timestamp-nanos").get(k - 5));
        }
        case 12 -> { // invalid: the spec says to ignore it and use the underlying type
          t = Schema.Type.LONG;
          p.put("logicalType", "date");
        }
        case 13 -> {
          t = Schema.Type.STRING;
          p.put("logicalType", "no-such-logical-type");
        }
        default -> {
          t = Schema.Type.BYTES;
          p.put("logicalType", "decimal");
          p.put("precision", 4L);
          p.put("scale", 6L); // scale > precision: invalid, ignored
        }
      }
      if (options.decorations && r.nextInt(8) == 0) {
        p.put("x-note", RandomData.string(r));
      }
      return PrimitiveSchema.of(t, p);
    }

    RecordSchema record(int depth, String ns) {
      Name name = newName("R", ns);
      RecordSchema rec = new RecordSchema(name, doc(), aliases(), false, smallProps());
      open.push(rec);
      int n = r.nextInt(options.maxFields + 1);
      List<Field> fields = new ArrayList<>(n);
      Set<String> fieldNames = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String fieldName = r.nextInt(4) == 0 ? WORDS[r.nextInt(WORDS.length)] + i : "f" + i;
        if (!fieldNames.add(fieldName)) {
          continue;
        }
        Schema type = options.recursion && r.nextInt(8) == 0 ? recursiveReference(name.namespace())
            : any(depth + 1, name.namespace());
        fields.add(field(fieldName, type));
      }
      open.pop();
      rec.setFields(fields);
      reusable.add(rec);
      return rec;
    }

    /** A way back to an enclosing record that leaves the data finite: a nullable union, an array or a map. */
    private Schema recursiveReference(String ns) {
      List<RecordSchema> candidates = new ArrayList<>();
      for (RecordSchema rec : open) {
        if (nameable(rec, ns)) {
          candidates.add(rec);
        }
      }
      if (candidates.isEmpty()) {
        return primitive();
      }
      RecordSchema target = candidates.get(r.nextInt(candidates.size()));
      int k = r.nextInt(4);
      Schema nul = PrimitiveSchema.of(Schema.Type.NULL);
      return switch (k) {
        case 0 -> new UnionSchema(List.of(nul, target));
        case 1 -> new UnionSchema(List.of(target, nul));
        case 2 -> new ArraySchema(target);
        default -> new MapSchema(target);
      };
    }

    private Field field(String name, Schema type) {
      if (!options.decorations) {
        return new Field(name, type);
      }
      Object dflt = r.nextInt(3) == 0 ? defaultFor(type, 0) : null;
      Field.Order order = switch (r.nextInt(12)) {
        case 0 -> Field.Order.DESCENDING;
        case 1 -> Field.Order.IGNORE;
        default -> Field.Order.ASCENDING;
      };
      List<String> aliases = r.nextInt(8) == 0 ? List.of("old_" + name) : null;
      return new Field(name, type, doc(), dflt, order, aliases, smallProps());
    }

    EnumSchema enumSchema(String ns) {
      Name name = newName("E", ns);
      int n = 1 + r.nextInt(options.maxSymbols);
      List<String> symbols = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        symbols.add(switch (r.nextInt(4)) {
          case 0 -> "_s" + i;
          case 1 -> "SYM_" + i;
          case 2 -> "z" + i + "Z";
          default -> String.valueOf((char) ('A' + i % 26)) + (i / 26 == 0 ? "" : i / 26);
        });
      }
      String dflt = options.decorations && r.nextInt(3) == 0 ? symbols.get(r.nextInt(n)) : null;
      EnumSchema e = new EnumSchema(name, doc(), aliases(), symbols, dflt, smallProps());
      reusable.add(e);
      return e;
    }

    FixedSchema fixedOrLogicalFixed(String ns) {
      Map<String, Object> p = smallProps();
      int size = r.nextInt(21);
      if (options.logicalTypes && r.nextInt(3) == 0) {
        p = p == null ? new LinkedHashMap<>() : new LinkedHashMap<>(p);
        switch (r.nextInt(5)) {
          case 0, 1 -> {
            size = 1 + r.nextInt(20);
            long precision = 1 + r.nextInt(LogicalType.Decimal.maxPrecision(size));
            p.put("logicalType", "decimal");
            p.put("precision", precision);
            p.put("scale", (long) r.nextInt((int) precision + 1));
          }
          case 2 -> {
            size = 16;
            p.put("logicalType", "uuid");
          }
          case 3 -> {
            size = 12;
            p.put("logicalType", "duration");
          }
          default -> { // invalid for this size: ignored
            size = 15;
            p.put("logicalType", "uuid");
          }
        }
      }
      FixedSchema f = new FixedSchema(newName("F", ns), doc(), aliases(), size, p);
      reusable.add(f);
      return f;
    }

    UnionSchema union(int depth, String ns) {
      int n = 1 + r.nextInt(options.maxUnionBranches);
      List<Schema> branches = new ArrayList<>(n);
      Set<String> used = new HashSet<>();
      if (r.nextInt(10) < 6) {
        branches.add(PrimitiveSchema.of(Schema.Type.NULL));
        used.add("null");
      }
      for (int attempt = 0; branches.size() < n && attempt < 3 * n; attempt++) {
        Schema b;
        int k = r.nextInt(10);
        if (k < 4) {
          b = primitive();
          if (used.contains(b.fullName())) {
            continue;
          }
        } else if (k == 4 || k == 5) {
          String kind = k == 4 ? "array" : "map";
          if (used.contains(kind)) {
            continue;
          }
          Schema inner = any(depth + 2, ns);
          b = k == 4 ? new ArraySchema(inner, smallProps()) : new MapSchema(inner, smallProps());
        } else if (k == 6) {
          b = record(depth + 1, ns);
        } else if (k == 7) {
          b = r.nextBoolean() ? enumSchema(ns) : fixedOrLogicalFixed(ns);
        } else {
          b = reference(used, ns);
          if (b == null) {
            continue;
          }
        }
        used.add(b.fullName());
        branches.add(b);
      }
      if (branches.isEmpty()) {
        branches.add(PrimitiveSchema.of(Schema.Type.STRING)); // every attempt hit a used type: never an empty union
      }
      if (branches.size() > 1 && branches.get(0).type() == Schema.Type.NULL && r.nextInt(4) == 0) {
        Collections.swap(branches, 0, branches.size() - 1); // null last
      }
      return new UnionSchema(branches);
    }

    /**
     * An already complete named type, used again by name; null when there is none (not in {@code used}). A type
     * of the null namespace cannot be named from inside a namespace (a simple name there means the enclosing
     * namespace; Apache Avro 1.12 has no fallback), so it is not used there.
     */
    private Schema reference(Set<String> used, String ns) {
      List<NamedSchema> candidates = new ArrayList<>();
      for (NamedSchema s : reusable) {
        if (!used.contains(s.fullName()) && nameable(s, ns)) {
          candidates.add(s);
        }
      }
      return candidates.isEmpty() ? null : candidates.get(r.nextInt(candidates.size()));
    }

    private boolean nameable(NamedSchema s, String ns) {
      return !s.namespace().isEmpty() || ns.isEmpty();
    }

    private Name newName(String prefix, String enclosing) {
      int k = r.nextInt(10);
      String ns = k < 6 ? enclosing : k < 9 ? NAMESPACES[r.nextInt(NAMESPACES.length)] : "";
      String simple = prefix + (counter++);
      if (ns.isEmpty()) {
        simpleNamesInNullNamespace.add(simple);
      } else if (r.nextInt(5) == 0) {
        // The same simple name in another namespace is a different type.
        for (String full : fullNames) {
          Name other = Name.resolve(full, "");
          if (!other.namespace().isEmpty() && !fullNames.contains(new Name(ns, other.simpleName()).fullName())
              && !simpleNamesInNullNamespace.contains(other.simpleName())) {
            simple = other.simpleName();
            break;
          }
        }
      }
      Name name = new Name(ns, simple);
      if (!fullNames.add(name.fullName())) {
        throw new AssertionError("generated the name " + name + " twice");
      }
      return name;
    }

    private String doc() {
      return options.decorations && r.nextInt(4) == 0 ? RandomData.string(r) : null;
    }

    private List<String> aliases() {
      if (!options.decorations || r.nextInt(6) != 0) {
        return null;
      }
      List<String> a = new ArrayList<>();
      a.add("Old" + (counter++));
      if (r.nextBoolean()) {
        a.add("legacy.ns.Older" + (counter++));
      }
      return a;
    }

    private Map<String, Object> smallProps() {
      if (!options.decorations || r.nextInt(10) != 0) {
        return null;
      }
      Map<String, Object> p = new LinkedHashMap<>();
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        p.put(PROP_KEYS[r.nextInt(PROP_KEYS.length)], json(r, 2));
      }
      return p;
    }

    /** A valid default for {@code s} as a JSON tree, or null when none can be made (a record still open). */
    Object defaultFor(Schema s, int depth) {
      if (depth > 6) {
        return null;
      }
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
          int n = depth > 2 ? 0 : r.nextInt(3);
          for (int i = 0; i < n; i++) {
            Object item = defaultFor(((ArraySchema) s).items(), depth + 1);
            if (item == null) {
              return List.of();
            }
            list.add(item);
          }
          return list;
        }
        case MAP: {
          Map<String, Object> map = new LinkedHashMap<>();
          int n = depth > 2 ? 0 : r.nextInt(3);
          for (int i = 0; i < n; i++) {
            Object v = defaultFor(((MapSchema) s).values(), depth + 1);
            if (v == null) {
              return Map.of();
            }
            map.put(RandomData.string(r), v);
          }
          return map;
        }
        case RECORD: {
          RecordSchema rec = (RecordSchema) s;
          if (!rec.hasFields()) {
            return null;
          }
          Map<String, Object> map = new LinkedHashMap<>();
          for (Field f : rec.fields()) {
            if (f.hasDefault() && r.nextInt(3) == 0) {
              continue; // the field's own default applies
            }
            Object v = defaultFor(f.schema(), depth + 1);
            if (v == null) {
              if (!f.hasDefault()) {
                return null;
              }
              continue;
            }
            map.put(f.name(), v);
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

  /** A random JSON value (a custom property's), nested at most {@code depth} levels. */
  static Object json(Random r, int depth) {
    switch (r.nextInt(depth > 0 ? 8 : 6)) {
      case 0: return RandomData.string(r);
      case 1: return RandomData.longValue(r);
      case 2: return r.nextBoolean();
      case 3: return RandomData.finiteDouble(r);
      case 4: return Json.NULL;
      case 5: return "v" + r.nextInt(100);
      case 6: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          l.add(json(r, depth - 1));
        }
        return l;
      }
      default: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          m.put(RandomData.string(r), json(r, depth - 1));
        }
        return m;
      }
    }
  }

  /**
   * Re-spells printed schema JSON into an equivalent text. Tracks the enclosing namespace as the spec's "Names"
   * section defines it, so every rewrite keeps the meaning.
   */
  private static final class Respeller {
    private final Random r;
    private final Set<String> fullNames;

    Respeller(Random r, Set<String> fullNames) {
      this.r = r;
      this.fullNames = fullNames;
    }

    Object schema(Object json, String ns) {
      if (json instanceof String s) {
        if (Schema.Type.primitive(s) != null) {
          return r.nextInt(10) == 0 ? Map.of("type", s) : s;
        }
        return reference(s, ns);
      }
      if (json instanceof List<?> union) {
        List<Object> out = new ArrayList<>();
        for (Object b : union) {
          out.add(schema(b, ns));
        }
        return out;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> obj = new LinkedHashMap<>((Map<String, Object>) json);
      String type = (String) obj.get("type");
      switch (type) {
        case "record", "error", "enum", "fixed" -> {
          String name = (String) obj.get("name");
          Object nsAttr = obj.get("namespace");
          String own = nsAttr instanceof String s ? s : ns;
          int k = r.nextInt(10);
          if (!own.isEmpty() && k < 3) {
            obj.put("name", own + "." + name); // a full name: the namespace attribute is not needed ...
            if (k == 0) {
              obj.put("namespace", "ignored.by.spec"); // ... and ignored if present
            } else {
              obj.remove("namespace");
            }
          } else if (nsAttr == null && k < 5) {
            obj.put("namespace", ns); // explicit, equal to the inherited one
          }
          if (obj.get("fields") instanceof List<?> fields) {
            List<Object> out = new ArrayList<>();
            for (Object f : fields) {
              @SuppressWarnings("unchecked")
              Map<String, Object> field = new LinkedHashMap<>((Map<String, Object>) f);
              field.put("type", schema(field.get("type"), own));
              out.add(shuffle(field));
            }
            obj.put("fields", out);
          }
        }
        case "array" -> obj.put("items", schema(obj.get("items"), ns));
        case "map" -> obj.put("values", schema(obj.get("values"), ns));
        default -> { } // a primitive with properties
      }
      return shuffle(obj);
    }

    private Object reference(String written, String ns) {
      String full = Name.resolve(written, ns).fullName();
      if (!fullNames.contains(full)) {
        full = written; // a type of the null namespace, referred to from inside a namespace
      }
      String spelled = full.indexOf('.') >= 0 && r.nextInt(3) == 0 ? full : written;
      return r.nextInt(10) == 0 ? Map.of("type", spelled) : spelled;
    }

    /** JSON object members are unordered: any order must parse the same. */
    private Map<String, Object> shuffle(Map<String, Object> obj) {
      if (r.nextInt(4) != 0) {
        return obj;
      }
      List<String> keys = new ArrayList<>(obj.keySet());
      Collections.shuffle(keys, r);
      Map<String, Object> out = new LinkedHashMap<>();
      for (String k : keys) {
        out.put(k, obj.get(k));
      }
      return out;
    }
  }
}
