package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * Encodes one Spark value, the one at {@code ordinal} of a row or an array, in Avro's binary encoding. A file's
 * row writer is a tree of these, compiled once per (Spark schema, Avro schema) by {@link EncoderCompiler}; writing
 * then interprets no schema and allocates nothing beyond what Spark's getters return.
 *
 * <p>Unless it says otherwise an encoder is given a non-null value: the slot encoders of {@link Nullability} check
 * for null and write the union branch.
 */
public abstract class ValueEncoder {
  public abstract void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException;
}
