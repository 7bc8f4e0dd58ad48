package io.lancaster.avro.resolve;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.List;

/**
 * A compiled resolution plan: what to do with each writer value to produce a reader value. Built once per
 * (writer, reader) pair by {@link Resolver}; readers for any object model (generic records, Spark's columns) are
 * built from it by an exhaustive switch, so a new kind of action is a compile error wherever it is not handled.
 * Every decision (field matching, promotions, defaults, enum mapping, union branches) is taken here, once.
 */
public sealed interface ReadAction {

  /** The reader schema of the value this action produces. */
  Schema reader();

  /** A primitive read as written (same type on both sides). */
  record Primitive(Schema reader) implements ReadAction {}

  /** A primitive read as another: int to long/float/double, long to float/double, float to double, string/bytes. */
  record Promote(Schema.Type from, Schema reader) implements ReadAction {}

  /** A fixed of the same size and name. */
  record Fixed(FixedSchema writer, FixedSchema reader) implements ReadAction {}

  /**
   * An enum: {@code readerOrdinal[writerOrdinal]} is the reader's ordinal for each writer symbol, or -1 when the
   * reader has neither the symbol nor a default (an error only if that symbol occurs).
   */
  record Enum(EnumSchema writer, EnumSchema reader, int[] readerOrdinal, String path) implements ReadAction {}

  record Array(ArraySchema reader, ReadAction items) implements ReadAction {}

  record Map(MapSchema reader, ReadAction values) implements ReadAction {}

  /**
   * A record. {@code steps} follow the writer's field order: each reads a writer field into a reader position, or
   * skips it. {@code defaults} are the reader fields the writer lacks, filled from their defaults.
   */
  record Record(RecordSchema writer, RecordSchema reader, List<FieldStep> steps, List<DefaultField> defaults)
      implements ReadAction {}

  /** The writer wrote a union: one action per writer branch (an {@link Unresolvable} where none matches). */
  record WriterUnion(UnionSchema writer, Schema reader, List<ReadAction> branches) implements ReadAction {}

  /** The writer wrote a non-union value; the reader's union holds it in {@code branch}. */
  record ReaderUnion(UnionSchema reader, int branch, ReadAction action) implements ReadAction {}

  /**
   * A writer value that the reader cannot hold: an error only if it occurs. {@code kind} says what kind of
   * incompatibility it is (null for a stand-in left by a compatibility check after a problem already reported).
   */
  record Unresolvable(Schema writer, Schema reader, String path, String reason, Incompatibility.Kind kind)
      implements ReadAction {}

  /**
   * A reference back to a record pair whose plan is being (or was) built: recursion. {@link #target()} is set
   * once the enclosing plan is complete.
   */
  final class Recursive implements ReadAction {
    private final RecordSchema reader;
    private ReadAction target;

    Recursive(RecordSchema reader) {
      this.reader = reader;
    }

    @Override
    public Schema reader() {
      return reader;
    }

    public ReadAction target() {
      if (target == null) {
        throw new IllegalStateException("recursive plan for " + reader.fullName() + " is not complete");
      }
      return target;
    }

    void resolve(ReadAction action) {
      this.target = action;
    }
  }

  /** One writer field, in writer order. */
  sealed interface FieldStep {
    /** The writer field's name. */
    String writerField();
  }

  /** Read the writer field into reader position {@code readerPosition}. */
  record ReadField(String writerField, int readerPosition, String readerField, ReadAction action)
      implements FieldStep {}

  /** Skip the writer field: the reader has no field of that name (or alias). */
  record SkipField(String writerField, Schema writer) implements FieldStep {}

  /**
   * A reader field the writer lacks, filled with its default: {@code value} is the default as a generic value
   * (readers copy mutable values for each record).
   */
  record DefaultField(Field field, Object value) {}
}
