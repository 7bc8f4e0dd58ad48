package io.lancaster.avro.order;

import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.order.BinaryCompositeNodes.Mode;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Orders generic values ({@link io.lancaster.avro.generic.GenericRecord}, {@link java.util.List}, String,
 * ByteBuffer, ...) of one schema by the spec's sort order, the in-memory twin of {@link BinaryComparator}: for any
 * values x and y that {@link io.lancaster.avro.generic.GenericDatumWriter} can write,
 * {@code signum(compare(x, y)) == binaryComparator.compare(encode(x), encode(y))}. Compiled once per schema; an
 * instance has no mutable state and may be shared by any number of threads.
 *
 * <p>A value of the wrong Java type is an {@link io.lancaster.avro.AvroTypeException}, a map outside ignored fields
 * an {@link UncomparableException}, both naming the field path.
 */
public final class GenericComparator implements Comparator<Object> {
  private final Schema schema;
  private final Comparator<Object> root;

  /**
   * Compiles {@code schema}.
   *
   * @throws UncomparableException when every comparison would reach a map outside ignored fields
   */
  public GenericComparator(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    MapReachability.check(schema);
    Builder builder = new Builder();
    this.root = SchemaVisitor.visit(schema, builder);
    builder.linkRecursive();
  }

  public Schema schema() {
    return schema;
  }

  /** Compares two values of the schema; the result is -1, 0 or 1. */
  @Override
  public int compare(Object x, Object y) {
    return Integer.signum(root.compare(x, y));
  }

  private static final class Builder extends SchemaVisitor<Comparator<Object>> {
    private final List<GenericNodes.Recursive> recursive = new ArrayList<>();
    private final List<Supplier<Comparator<Object>>> targets = new ArrayList<>();

    @Override
    public Comparator<Object> record(RecordSchema record, List<Comparator<Object>> fields) {
      List<Comparator<Object>> compared = new ArrayList<>();
      List<Mode> modes = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (Field f : record.fields()) {
        if (f.order() == Field.Order.IGNORE) {
          continue;
        }
        compared.add(fields.get(f.position()));
        modes.add(f.order() == Field.Order.DESCENDING ? Mode.DESCENDING : Mode.ASCENDING);
        positions.add(f.position());
      }
      return GenericNodes.record(record, positions.stream().mapToInt(Integer::intValue).toArray(),
          modes.toArray(new Mode[0]), compared);
    }

    @Override
    public Comparator<Object> enumSchema(EnumSchema schema) {
      return GenericNodes.enums(schema);
    }

    @Override
    public Comparator<Object> fixed(FixedSchema schema) {
      return GenericNodes.fixed(schema);
    }

    @Override
    public Comparator<Object> array(ArraySchema array, Comparator<Object> items) {
      return GenericNodes.array(items);
    }

    @Override
    public Comparator<Object> map(MapSchema map, Comparator<Object> values) {
      return GenericNodes.map();
    }

    @Override
    public Comparator<Object> union(UnionSchema union, List<Comparator<Object>> branches) {
      return GenericNodes.union(new UnionBranchResolver(union), branches);
    }

    @Override
    public Comparator<Object> primitive(PrimitiveSchema schema) {
      return switch (schema.type()) {
        case NULL -> GenericNodes.nulls();
        case BOOLEAN -> GenericNodes.booleans();
        case INT -> GenericNodes.ints();
        case LONG -> GenericNodes.longs();
        case FLOAT -> GenericNodes.floats();
        case DOUBLE -> GenericNodes.doubles();
        case STRING -> GenericNodes.strings();
        case BYTES -> GenericNodes.bytes();
        default -> throw new AssertionError(schema.type());
      };
    }

    @Override
    public Comparator<Object> recursive(RecordSchema record, Supplier<Comparator<Object>> resolved) {
      GenericNodes.Recursive node = new GenericNodes.Recursive();
      recursive.add(node);
      targets.add(resolved);
      return node;
    }

    void linkRecursive() {
      for (int i = 0; i < recursive.size(); i++) {
        recursive.get(i).link(targets.get(i).get());
      }
    }
  }
}
