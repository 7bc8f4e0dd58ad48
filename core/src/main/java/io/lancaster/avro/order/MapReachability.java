package io.lancaster.avro.order;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds, when a comparator is built, a map that every comparison of the schema would reach: the schema itself, or
 * a record's first compared field, where nothing compared before it can ever differ. Comparing such a schema can
 * only fail, so the comparators refuse it up front; a map that only some comparisons reach (after a field that may
 * differ, inside an array or a union branch) fails only when it is reached, as in Apache Avro.
 */
final class MapReachability extends SchemaVisitor<MapReachability.Reach> {

  /** What comparing values of a schema certainly does: reach a map (at a path), or always find them equal. */
  record Reach(String mapPath, boolean alwaysEqual) {
    static final Reach NOTHING_CERTAIN = new Reach(null, false);
    static final Reach ALWAYS_EQUAL = new Reach(null, true);
  }

  private MapReachability() {
  }

  /** Throws {@link UncomparableException} when every comparison of {@code schema} would reach a map. */
  static void check(Schema schema) {
    Reach reach = SchemaVisitor.visit(schema, new MapReachability());
    if (reach.mapPath() != null) {
      UncomparableException e = new UncomparableException("cannot order data of schema " + abbreviate(schema)
          + ": every comparison would reach a map, and maps cannot be compared (Avro specification, \"Sort"
          + " Order\") unless they are inside a record field with \"order\": \"ignore\"");
      if (!reach.mapPath().isEmpty()) {
        e.prependPath(reach.mapPath());
      }
      throw e;
    }
  }

  @Override
  public Reach record(RecordSchema record, List<Reach> fields) {
    for (int i = 0; i < fields.size(); i++) {
      Field f = record.fields().get(i);
      if (f.order() == Field.Order.IGNORE) {
        continue;
      }
      Reach r = fields.get(i);
      if (r.mapPath() != null) {
        return new Reach(r.mapPath().isEmpty() ? f.name() : f.name() + "." + r.mapPath(), false);
      }
      if (!r.alwaysEqual()) {
        return Reach.NOTHING_CERTAIN;
      }
    }
    return Reach.ALWAYS_EQUAL;
  }

  @Override
  public Reach enumSchema(EnumSchema schema) {
    return schema.symbols().size() == 1 ? Reach.ALWAYS_EQUAL : Reach.NOTHING_CERTAIN;
  }

  @Override
  public Reach fixed(FixedSchema schema) {
    return schema.size() == 0 ? Reach.ALWAYS_EQUAL : Reach.NOTHING_CERTAIN;
  }

  @Override
  public Reach array(ArraySchema array, Reach items) {
    return Reach.NOTHING_CERTAIN; // two empty arrays never reach their items
  }

  @Override
  public Reach map(MapSchema map, Reach values) {
    return new Reach("", false);
  }

  @Override
  public Reach union(UnionSchema union, List<Reach> branches) {
    // Two values in different branches differ before their values are looked at; with one branch they cannot.
    return branches.size() == 1 ? branches.get(0) : Reach.NOTHING_CERTAIN;
  }

  @Override
  public Reach primitive(PrimitiveSchema schema) {
    return schema.type() == Schema.Type.NULL ? Reach.ALWAYS_EQUAL : Reach.NOTHING_CERTAIN;
  }

  @Override
  public Reach recursive(RecordSchema record, Supplier<Reach> resolved) {
    return Reach.NOTHING_CERTAIN;
  }

  private static String abbreviate(Schema schema) {
    String s = schema.toString();
    return s.length() > 100 ? s.substring(0, 97) + "..." : s;
  }
}
