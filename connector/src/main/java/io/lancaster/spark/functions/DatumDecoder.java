package io.lancaster.spark.functions;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.resolve.ReadAction;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.Resolver;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.decode.ColumnDecoder;
import io.lancaster.spark.read.decode.DateTimeRebase;
import io.lancaster.spark.read.decode.DecoderCompiler;
import io.lancaster.spark.read.decode.FieldMatcher;
import io.lancaster.spark.types.AvroToSpark;
import java.io.IOException;
import java.util.TimeZone;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Decodes Avro datums of one writer schema into Spark values of one reader schema's Spark type. The read path's
 * vectorized decoder tree is compiled once, for the (writer, reader) pair; each datum is decoded into the single
 * row of a column vector, and a generated projection copies that row out as an independent Spark value. No
 * schema is looked at per datum.
 *
 * <p>Not thread-safe: the vector, the projection and the byte decoder are reused. One per expression instance,
 * as Spark evaluates an expression instance in one thread.
 */
final class DatumDecoder {
  private final DataType type;
  /** The value is the root struct itself (a record), or the root's only child (any other schema). */
  private final boolean record;
  private final ColumnDecoder decoder;
  private final WritableColumnVector root;
  private final UnsafeProjection copy;
  private final ByteArrayDecoder in = new ByteArrayDecoder(new byte[0], ReadLimits.DEFAULT);

  /**
   * @param type the reader schema's Spark type, as {@link AvroToSpark} maps it with {@code options} (made
   *     nullable in PERMISSIVE mode, which changes nothing in how values decode)
   * @throws io.lancaster.avro.resolve.SchemaResolutionException when the writer schema cannot be read as the
   *     reader schema
   */
  DatumDecoder(Schema writer, Schema reader, DataType type, DecodeOptions options) {
    ReadAction plan = Resolver.plan(writer, reader, ResolutionOptions.apacheCompatible());
    this.type = type;
    this.record = isRecord(plan);
    StructType rootType = record ? (StructType) type
        : new StructType().add(AvroToSpark.VALUE_COLUMN, type, true);
    // Names cannot differ: the Spark type was derived from the reader schema. Case-sensitive, so Avro fields that
    // differ only in case stay apart.
    DecoderCompiler compiler = new DecoderCompiler(options.typeMapping(), new FieldMatcher(false, true),
        rebase(options.rebaseMode()), ReadLimits.DEFAULT);
    this.decoder = compiler.compileRoot(plan, rootType);
    this.root = new OnHeapColumnVector(1, rootType);
    this.copy = UnsafeProjection.create(rootType);
  }

  private static boolean isRecord(ReadAction plan) {
    ReadAction a = plan instanceof ReadAction.Recursive r ? r.target() : plan;
    return a instanceof ReadAction.Record;
  }

  private static DateTimeRebase rebase(String mode) {
    DateTimeRebase.Mode m = DateTimeRebase.Mode.valueOf(mode);
    // As spark-avro for a datum without file metadata: the JVM's time zone for LEGACY.
    return m == DateTimeRebase.Mode.CORRECTED ? DateTimeRebase.CORRECTED
        : new DateTimeRebase(m, TimeZone.getDefault().getID());
  }

  DataType type() {
    return type;
  }

  /**
   * The value of the datum that starts at {@code bytes[off]} and ends before {@code bytes[end]}. When
   * {@code exact}, bytes left after it are an error; otherwise they are ignored, as spark-avro ignores them.
   *
   * @return the value (a struct as an {@code InternalRow}, a string as a {@code UTF8String}, ...), null for an
   *     Avro null
   */
  Object decode(byte[] bytes, int off, int end, boolean exact) throws IOException {
    root.reset();
    in.reset(bytes, off, end - off);
    decoder.decode(in, root, 0);
    if (exact && !in.isEnd()) {
      throw new CorruptDataException(in.remaining() + " byte(s) left after the datum, which ends at byte "
          + in.pos() + " of " + end + ": the writer schema or the framing is not what it seems");
    }
    UnsafeRow row = copy.apply(root.getStruct(0));
    if (record) {
      return row.copy();
    }
    return row.isNullAt(0) ? null : InternalRow.copyValue(row.get(0, type));
  }
}
