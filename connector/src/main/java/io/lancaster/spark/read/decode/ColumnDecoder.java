package io.lancaster.spark.read.decode;

import io.lancaster.avro.io.ByteArrayDecoder;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/**
 * Decodes one Avro value from a block's bytes straight into one row of a Spark column vector. A file's decoder is a
 * tree of these, compiled once per (writer schema, reader schema, requested Spark type) by {@link DecoderCompiler};
 * decoding then interprets no schema and allocates nothing but what Spark's vectors grow by.
 */
public abstract class ColumnDecoder {
  public abstract void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException;

  /**
   * Decodes {@code count} consecutive values into rows {@code row, row + 1, ...}: the whole-block loop of a file
   * whose records hold one requested value, where a primitive decoder runs as one tight loop.
   */
  public void decodeRows(ByteArrayDecoder in, WritableColumnVector out, int row, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      decode(in, out, row + i);
    }
  }
}
