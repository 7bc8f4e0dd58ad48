package io.lancaster.avro.schema;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A post-order walk over a schema: every builder of readers, writers, comparators or converters is a subclass
 * that says what to make of each type given what was made of its children. Each named type is visited once per
 * walk (later references reuse its result), and a record reached again while its own fields are being visited
 * (a recursive type) becomes {@link #recursive}, whose supplier yields the record's result once the walk is
 * over; a builder that cannot hold recursion throws there.
 */
public abstract class SchemaVisitor<T> {

  public abstract T record(RecordSchema record, List<T> fields);

  public abstract T enumSchema(EnumSchema schema);

  public abstract T fixed(FixedSchema schema);

  public abstract T array(ArraySchema array, T items);

  public abstract T map(MapSchema map, T values);

  public abstract T union(UnionSchema union, List<T> branches);

  public abstract T primitive(PrimitiveSchema schema);

  /**
   * A reference to {@code record} from inside its own fields. {@code resolved} returns the record's result, but
   * only after the walk is complete (call it lazily, e.g. at the first read).
   */
  public T recursive(RecordSchema record, Supplier<T> resolved) {
    throw new UnsupportedOperationException("recursive type " + record.fullName() + " is not supported by "
        + getClass().getSimpleName());
  }

  /** Walks {@code schema} with {@code visitor}. */
  public static <T> T visit(Schema schema, SchemaVisitor<T> visitor) {
    return new Walk<>(visitor).visit(schema);
  }

  private static final class Walk<T> {
    private final SchemaVisitor<T> visitor;
    private final Map<Schema, T> done = new IdentityHashMap<>();
    private final Map<Schema, Boolean> inProgress = new IdentityHashMap<>();

    Walk(SchemaVisitor<T> visitor) {
      this.visitor = visitor;
    }

    T visit(Schema schema) {
      if (schema instanceof NamedSchema) {
        T cached = done.get(schema);
        if (cached != null) {
          return cached;
        }
      }
      T result;
      switch (schema.type()) {
        case RECORD: {
          RecordSchema record = (RecordSchema) schema;
          if (inProgress.containsKey(record)) {
            return visitor.recursive(record, () -> {
              T r = done.get(record);
              if (r == null) {
                throw new IllegalStateException("recursive type " + record.fullName() + " used before its walk ended");
              }
              return r;
            });
          }
          inProgress.put(record, Boolean.TRUE);
          List<T> fields = new ArrayList<>(record.fields().size());
          for (Field f : record.fields()) {
            fields.add(visit(f.schema()));
          }
          inProgress.remove(record);
          result = visitor.record(record, fields);
          break;
        }
        case ENUM:
          result = visitor.enumSchema((EnumSchema) schema);
          break;
        case FIXED:
          result = visitor.fixed((FixedSchema) schema);
          break;
        case ARRAY:
          result = visitor.array((ArraySchema) schema, visit(((ArraySchema) schema).items()));
          break;
        case MAP:
          result = visitor.map((MapSchema) schema, visit(((MapSchema) schema).values()));
          break;
        case UNION: {
          UnionSchema union = (UnionSchema) schema;
          List<T> branches = new ArrayList<>(union.size());
          for (Schema b : union.branches()) {
            branches.add(visit(b));
          }
          result = visitor.union(union, branches);
          break;
        }
        default:
          result = visitor.primitive((PrimitiveSchema) schema);
      }
      if (schema instanceof NamedSchema && result != null) {
        done.put(schema, result);
      }
      return result;
    }
  }

  /** True when some record in {@code schema} contains itself (directly or through other types). */
  public static boolean isRecursive(Schema schema) {
    boolean[] found = {false};
    visit(schema, new SchemaVisitor<Boolean>() {
      @Override public Boolean record(RecordSchema r, List<Boolean> f) { return Boolean.TRUE; }
      @Override public Boolean enumSchema(EnumSchema s) { return Boolean.TRUE; }
      @Override public Boolean fixed(FixedSchema s) { return Boolean.TRUE; }
      @Override public Boolean array(ArraySchema a, Boolean i) { return Boolean.TRUE; }
      @Override public Boolean map(MapSchema m, Boolean v) { return Boolean.TRUE; }
      @Override public Boolean union(UnionSchema u, List<Boolean> b) { return Boolean.TRUE; }
      @Override public Boolean primitive(PrimitiveSchema s) { return Boolean.TRUE; }
      @Override public Boolean recursive(RecordSchema r, Supplier<Boolean> s) {
        found[0] = true;
        return Boolean.TRUE;
      }
    });
    return found[0];
  }
}
