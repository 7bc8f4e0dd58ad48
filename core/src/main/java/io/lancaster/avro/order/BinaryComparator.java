package io.lancaster.avro.order;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.order.BinaryCompositeNodes.Mode;
import io.lancaster.avro.order.BinaryCompositeNodes.Recursive;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Orders binary-encoded datums of one schema by the spec's sort order without decoding them: what a MapReduce
 * shuffle needs from its raw comparator. The schema is compiled once into a tree of small comparators; a comparison
 * reads varints, lengths and block counts in place and allocates nothing.
 *
 * <p>The order: null equal; false before true; int, long, float and double by value, floats and doubles as
 * {@link Float#compare}/{@link Double#compare} (-0.0 before 0.0, NaN after +Infinity, all NaNs equal), as Apache
 * Avro does; bytes, string and fixed by unsigned bytes, then the shorter first (code point order for strings);
 * enums by the symbol's position; arrays element by element, then the shorter first, whatever their blocking;
 * unions by branch index, then by value; records field by field, {@code "descending"} fields reversed and
 * {@code "ignore"} fields skipped. Logical types order as their underlying type (a decimal as its bytes). Maps
 * cannot be compared: see {@link UncomparableException}.
 *
 * <p>An instance has no mutable state and may be shared by any number of threads.
 *
 * <p>Errors: a datum that is not valid Avro (truncated, a bad varint, an out-of-range union index or enum ordinal)
 * ends in an {@link UncheckedIOException} wrapping a {@link io.lancaster.avro.CorruptDataException} that names the
 * offset in the array and the field path; a map outside ignored fields ends in {@link UncomparableException}.
 * Trailing bytes after the datums are not looked at.
 */
public final class BinaryComparator implements Comparator<byte[]> {
  private final Schema schema;
  private final BinaryNode root;

  /**
   * Compiles {@code schema}.
   *
   * @throws UncomparableException when every comparison would reach a map outside ignored fields
   */
  public BinaryComparator(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    MapReachability.check(schema);
    Builder builder = new Builder();
    this.root = SchemaVisitor.visit(schema, builder);
    builder.linkRecursive();
  }

  public Schema schema() {
    return schema;
  }

  /**
   * Compares the datum encoded in {@code a[aOff, aOff + aLen)} with the one in {@code b[bOff, bOff + bLen)}; the
   * result is -1, 0 or 1.
   */
  public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
    Objects.checkFromIndexSize(aOff, aLen, a.length);
    Objects.checkFromIndexSize(bOff, bLen, b.length);
    long r;
    try {
      r = root.compare(a, aOff, aOff + aLen, b, bOff, bOff + bLen);
    } catch (UncheckedIOException e) {
      throw e.getCause() instanceof AvroDataException d ? new UncheckedIOException(d.getMessage(), d) : e;
    }
    return r == BinaryNode.LESS ? -1 : r == BinaryNode.GREATER ? 1 : 0;
  }

  /** Compares two arrays that each hold exactly one encoded datum. */
  @Override
  public int compare(byte[] a, byte[] b) {
    return compare(a, 0, a.length, b, 0, b.length);
  }

  /** Builds the node tree; the one place where the schema and its field orders are interpreted. */
  private static final class Builder extends SchemaVisitor<BinaryNode> {
    private final List<Recursive> recursive = new ArrayList<>();
    private final List<Supplier<BinaryNode>> targets = new ArrayList<>();

    @Override
    public BinaryNode record(RecordSchema record, List<BinaryNode> fields) {
      List<BinaryNode> nodes = new ArrayList<>();
      List<Mode> modes = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        BinaryNode node = fields.get(i);
        if (node.minBytes() == 0) {
          continue; // always empty, always equal: nothing to compare or skip
        }
        Field f = record.fields().get(i);
        nodes.add(node);
        modes.add(switch (f.order()) {
          case ASCENDING -> Mode.ASCENDING;
          case DESCENDING -> Mode.DESCENDING;
          case IGNORE -> Mode.SKIP;
        });
        names.add(f.name());
      }
      return BinaryCompositeNodes.record(nodes.toArray(new BinaryNode[0]), modes.toArray(new Mode[0]),
          names.toArray(new String[0]));
    }

    @Override
    public BinaryNode enumSchema(EnumSchema schema) {
      return BinaryNodes.enums(schema.symbols().size());
    }

    @Override
    public BinaryNode fixed(FixedSchema schema) {
      return BinaryNodes.fixed(schema.size());
    }

    @Override
    public BinaryNode array(ArraySchema array, BinaryNode items) {
      return BinaryCompositeNodes.array(items);
    }

    @Override
    public BinaryNode map(MapSchema map, BinaryNode values) {
      return BinaryCompositeNodes.map(values);
    }

    @Override
    public BinaryNode union(UnionSchema union, List<BinaryNode> branches) {
      return BinaryCompositeNodes.union(branches.toArray(new BinaryNode[0]));
    }

    @Override
    public BinaryNode primitive(PrimitiveSchema schema) {
      return switch (schema.type()) {
        case NULL -> BinaryNodes.nulls();
        case BOOLEAN -> BinaryNodes.booleans();
        case INT -> BinaryNodes.ints();
        case LONG -> BinaryNodes.longs();
        case FLOAT -> BinaryNodes.floats();
        case DOUBLE -> BinaryNodes.doubles();
        case STRING -> BinaryNodes.strings();
        case BYTES -> BinaryNodes.bytes();
        default -> throw new AssertionError(schema.type());
      };
    }

    @Override
    public BinaryNode recursive(RecordSchema record, Supplier<BinaryNode> resolved) {
      Recursive node = BinaryCompositeNodes.recursive();
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
