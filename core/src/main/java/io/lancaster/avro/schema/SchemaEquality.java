package io.lancaster.avro.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Structural equality of schemas: types, names, fields (name, schema, default, order), symbols, sizes and
 * properties; documentation and aliases do not count. Recursive schemas terminate because a pair of named
 * types already under comparison is assumed equal.
 */
final class SchemaEquality {
  private SchemaEquality() {}

  static boolean equal(Schema a, Schema b) {
    return equal(a, b, new HashSet<>());
  }

  private record Pair(Schema a, Schema b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.a == a && p.b == b;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(a) * 31 + System.identityHashCode(b);
    }
  }

  private static boolean equal(Schema a, Schema b, Set<Pair> seen) {
    if (a == b) {
      return true;
    }
    if (a.type() != b.type() || !a.properties().equals(b.properties())) {
      return false;
    }
    switch (a.type()) {
      case RECORD: {
        RecordSchema ra = (RecordSchema) a;
        RecordSchema rb = (RecordSchema) b;
        if (!ra.fullName().equals(rb.fullName()) || ra.isError() != rb.isError()) {
          return false;
        }
        if (!seen.add(new Pair(a, b))) {
          return true;
        }
        List<Field> fa = ra.fields();
        List<Field> fb = rb.fields();
        if (fa.size() != fb.size()) {
          return false;
        }
        for (int i = 0; i < fa.size(); i++) {
          Field x = fa.get(i);
          Field y = fb.get(i);
          if (!x.name().equals(y.name()) || x.order() != y.order() || !Objects.equals(x.defaultValue(),
              y.defaultValue()) || !x.properties().equals(y.properties()) || !equal(x.schema(), y.schema(), seen)) {
            return false;
          }
        }
        return true;
      }
      case ENUM: {
        EnumSchema ea = (EnumSchema) a;
        EnumSchema eb = (EnumSchema) b;
        return ea.fullName().equals(eb.fullName()) && ea.symbols().equals(eb.symbols())
            && Objects.equals(ea.defaultSymbol(), eb.defaultSymbol());
      }
      case FIXED:
        return a.fullName().equals(b.fullName()) && ((FixedSchema) a).size() == ((FixedSchema) b).size();
      case ARRAY:
        return equal(((ArraySchema) a).items(), ((ArraySchema) b).items(), seen);
      case MAP:
        return equal(((MapSchema) a).values(), ((MapSchema) b).values(), seen);
      case UNION: {
        List<Schema> ua = ((UnionSchema) a).branches();
        List<Schema> ub = ((UnionSchema) b).branches();
        if (ua.size() != ub.size()) {
          return false;
        }
        for (int i = 0; i < ua.size(); i++) {
          if (!equal(ua.get(i), ub.get(i), seen)) {
            return false;
          }
        }
        return true;
      }
      default:
        return true; // primitives: type and properties already compared
    }
  }

  /** A hash consistent with {@link #equal}: named types hash by name only, which also stops recursion. */
  static int hash(Schema s) {
    int h = s.type().hashCode() * 31 + s.properties().hashCode();
    switch (s.type()) {
      case RECORD:
      case ENUM:
      case FIXED:
        return h * 31 + s.fullName().hashCode();
      case ARRAY:
        return h * 31 + hash(((ArraySchema) s).items());
      case MAP:
        return h * 31 + hash(((MapSchema) s).values());
      case UNION: {
        for (Schema b : ((UnionSchema) s).branches()) {
          h = h * 31 + hash(b);
        }
        return h;
      }
      default:
        return h;
    }
  }
}
