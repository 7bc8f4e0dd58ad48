package io.lancaster.spark.write.encode;

import io.lancaster.avro.generic.DatumWriter;
import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Writes Spark rows as records of a file's Avro schema, for the core's {@code DataFileWriter}: the root record's
 * encoder tree, preceded by the union branch when the file's schema is a union of null and the record. Compiled by
 * {@link EncoderCompiler}; holds scratch buffers, so one instance serves one thread.
 */
public final class RowDatumWriter implements DatumWriter<InternalRow> {
  private final int rootBranch;
  private final Records.Record root;

  RowDatumWriter(int rootBranch, Records.Record root) {
    this.rootBranch = rootBranch;
    this.root = root;
  }

  @Override
  public void write(InternalRow row, Encoder out) throws IOException {
    if (rootBranch >= 0) {
      out.writeIndex(rootBranch);
    }
    root.writeRow(row, out);
  }
}
