package io.lancaster.avro.file;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
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
 * The fewest bytes any datum of a schema encodes to. A block's record count is checked against it: a block of
 * {@code n} records of a schema whose datums take at least one byte cannot be shorter than {@code n} bytes, so a
 * hostile count cannot make a reader loop billions of times over a small block.
 */
public final class MinimumSize extends SchemaVisitor<Long> {
  private static final long CAP = Integer.MAX_VALUE;

  private MinimumSize() {
  }

  /** A lower bound of the encoded size of every datum of {@code schema}, at most {@link Integer#MAX_VALUE}. */
  public static int of(Schema schema) {
    return (int) Math.min(CAP, SchemaVisitor.visit(schema, new MinimumSize()));
  }

  @Override
  public Long record(RecordSchema record, List<Long> fields) {
    long sum = 0;
    for (long f : fields) {
      sum = Math.min(CAP, sum + f);
    }
    return sum;
  }

  @Override
  public Long enumSchema(EnumSchema schema) {
    return 1L; // the ordinal's varint
  }

  @Override
  public Long fixed(FixedSchema schema) {
    return (long) schema.size();
  }

  @Override
  public Long array(ArraySchema array, Long items) {
    return 1L; // the terminating zero count
  }

  @Override
  public Long map(MapSchema map, Long values) {
    return 1L;
  }

  @Override
  public Long union(UnionSchema union, List<Long> branches) {
    long min = CAP;
    for (long b : branches) {
      min = Math.min(min, b);
    }
    return Math.min(CAP, 1 + (branches.isEmpty() ? 0 : min)); // the branch index, then the cheapest branch
  }

  @Override
  public Long primitive(PrimitiveSchema schema) {
    return switch (schema.type()) {
      case NULL -> 0L;
      case FLOAT -> 4L;
      case DOUBLE -> 8L;
      default -> 1L; // boolean, int and long varints, string and bytes lengths
    };
  }

  @Override
  public Long recursive(RecordSchema record, Supplier<Long> resolved) {
    return 0L; // a lower bound is enough; the record's own fields count where it is first reached
  }
}
