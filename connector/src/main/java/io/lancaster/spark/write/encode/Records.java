package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * A Spark struct into an Avro record: the record's fields in the record's order, each from the struct field
 * matched to it, or as null when no struct field matches it (allowed only for fields whose union has a null).
 */
final class Records {
  private Records() {}

  /** Writes {@code encoders[k]} from struct field {@code ordinals[k]} (-1: none) for Avro field k. */
  static final class Record extends ValueEncoder {
    private final int numFields;
    private final int[] ordinals;
    private final ValueEncoder[] encoders;

    Record(int numFields, int[] ordinals, ValueEncoder[] encoders) {
      this.numFields = numFields;
      this.ordinals = ordinals;
      this.encoders = encoders;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      writeRow(data.getStruct(ordinal, numFields), out);
    }

    void writeRow(InternalRow row, Encoder out) throws IOException {
      for (int k = 0; k < encoders.length; k++) {
        encoders[k].write(row, ordinals[k], out);
      }
    }
  }
}
