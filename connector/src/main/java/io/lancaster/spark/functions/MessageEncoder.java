package io.lancaster.spark.functions;

import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.types.IncompatibleSchemaException;
import io.lancaster.spark.write.encode.EncoderCompiler;
import io.lancaster.spark.write.encode.EncoderOptions;
import io.lancaster.spark.write.encode.RowDatumWriter;
import io.lancaster.spark.write.encode.WriteRebase;
import java.io.IOException;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Encodes Spark values of one type as messages of one Avro schema: the framing's header, then the datum, written
 * by the write path's encoder tree (spark-avro's conversions), compiled once.
 *
 * <p>The write path encodes rows into records; a value of any type is encoded as the only field of a one-field
 * record, whose binary encoding is exactly that of the field. Not thread-safe: the buffer and row are reused.
 */
final class MessageEncoder {
  private static final String WRAPPER = "lancaster_to_avro_value";

  private final byte[] header;
  private final RowDatumWriter writer;
  private final GenericInternalRow holder = new GenericInternalRow(1);
  private final BufferEncoder out = new BufferEncoder();

  /**
   * @throws IncompatibleSchemaException when values of {@code type} cannot be written with the spec's schema
   */
  MessageEncoder(EncodeSpec spec, DataType type, boolean nullable) {
    Schema output = spec.outputSchema(type, nullable);
    this.header = spec.header(output);
    WriteRebase.Mode mode = WriteRebase.Mode.valueOf(spec.rebaseMode());
    // As spark-avro: the JVM's time zone for LEGACY.
    EncoderOptions options = new EncoderOptions(false, spec.caseSensitive(),
        new WriteRebase(mode, TimeZone.getDefault().getID()));
    RecordSchema wrapper = new RecordSchema(new Name(null, WRAPPER), List.of(new Field(WRAPPER, output)));
    StructType row = new StructType().add(WRAPPER, type, nullable);
    try {
      this.writer = EncoderCompiler.compile(row, wrapper, options);
    } catch (IncompatibleSchemaException e) {
      throw new IncompatibleSchemaException("Cannot convert SQL type " + type.sql() + " to Avro type " + output
          + ": " + e.getMessage().replace(WRAPPER + ".", "").replace("'" + WRAPPER + "'", "top-level value"));
    }
  }

  /** The message of {@code value}, a non-null Spark value of the type this encoder was made for. */
  byte[] encode(Object value) throws IOException {
    out.reset();
    out.buffer().write(header, 0, header.length);
    holder.update(0, value);
    writer.write(holder, out);
    return out.toByteArray();
  }
}
