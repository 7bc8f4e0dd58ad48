package io.lancaster.hadoop.output;

import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.io.AvroWrapper;
import java.nio.ByteBuffer;
import org.apache.hadoop.io.BooleanWritable;
import org.apache.hadoop.io.ByteWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.FloatWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;

/**
 * Turns the objects a job emits as output keys or values into Avro data: an {@link AvroWrapper} gives its datum,
 * and Hadoop's basic Writables become the Avro values avro-mapred makes of them (Text a string, IntWritable an int,
 * ByteWritable a one-byte fixed {@code org.apache.avro.mapreduce.Byte}, NullWritable null, ...), so key/value files
 * written from such jobs are the same as avro-mapred's.
 */
public final class OutputDatums {
  /** avro-mapred's schema for a ByteWritable. */
  public static final FixedSchema BYTE = new FixedSchema(new Name("org.apache.avro.mapreduce", "Byte"),
      "A single byte", null, 1, null);

  private OutputDatums() {}

  /** The schema of the Avro values made from instances of {@code type}, or null when it is not a basic Writable. */
  public static Schema writableSchema(Class<?> type) {
    if (BooleanWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.BOOLEAN);
    } else if (BytesWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.BYTES);
    } else if (ByteWritable.class.isAssignableFrom(type)) {
      return BYTE;
    } else if (DoubleWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.DOUBLE);
    } else if (FloatWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.FLOAT);
    } else if (IntWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.INT);
    } else if (LongWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.LONG);
    } else if (NullWritable.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.NULL);
    } else if (Text.class.isAssignableFrom(type)) {
      return PrimitiveSchema.of(Schema.Type.STRING);
    }
    return null;
  }

  /**
   * The schema of output keys or values of class {@code type}: the configured schema when there is one, else the
   * basic Writable's.
   *
   * @param what "key" or "value", and the key to set, for the message when there is no schema
   * @throws IllegalStateException when neither gives a schema
   */
  public static Schema schemaFor(Class<?> type, Schema configured, String what) {
    if (configured != null) {
      return configured;
    }
    Schema s = writableSchema(type);
    if (s == null) {
      throw new IllegalStateException("no Avro schema for the output " + what + " (class " + type.getName()
          + "): set one, or use a basic Writable (Text, IntWritable, LongWritable, ...)");
    }
    return s;
  }

  /** The Avro datum for {@code value}; values that are neither wrappers nor basic Writables are taken as they are. */
  public static Object toDatum(Object value) {
    if (value instanceof AvroWrapper<?> w) {
      return w.datum();
    } else if (value instanceof Text t) {
      return t.toString();
    } else if (value instanceof IntWritable i) {
      return i.get();
    } else if (value instanceof LongWritable l) {
      return l.get();
    } else if (value instanceof NullWritable) {
      return null;
    } else if (value instanceof BooleanWritable b) {
      return b.get();
    } else if (value instanceof DoubleWritable d) {
      return d.get();
    } else if (value instanceof FloatWritable f) {
      return f.get();
    } else if (value instanceof BytesWritable b) {
      return ByteBuffer.wrap(b.getBytes(), 0, b.getLength());
    } else if (value instanceof ByteWritable b) {
      return new GenericFixed(BYTE, new byte[] {b.get()});
    }
    return value;
  }
}
