package io.lancaster.spark.read.decode;

import io.lancaster.avro.io.ByteArrayDecoder;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/**
 * Writes the same value into a row of every record: null for a requested field no schema has, or a reader
 * field's default. A default is kept in its Avro binary encoding and decoded by the ordinary column decoder of its
 * type, so defaults convert to Spark values exactly as data does.
 */
abstract class ConstantWriter {
  static final ConstantWriter NULL = new ConstantWriter() {
    @Override
    void write(WritableColumnVector out, int row) {
      out.putNull(row);
    }
  };

  abstract void write(WritableColumnVector out, int row) throws IOException;

  static ConstantWriter encoded(byte[] encoded, ColumnDecoder decoder, ByteArrayDecoder scratch) {
    return new ConstantWriter() {
      @Override
      void write(WritableColumnVector out, int row) throws IOException {
        scratch.reset(encoded, 0, encoded.length);
        decoder.decode(scratch, out, row);
      }
    };
  }
}
