package io.lancaster.spark.read.decode;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.io.ByteArrayDecoder;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/**
 * A record into a struct vector: the writer's fields in the writer's order, each decoded into its child vector or
 * skipped; then the requested fields the writer lacks, from the reader's defaults or null.
 */
final class Structs {
  private Structs() {}

  /** One writer field: decoded into child {@code ordinal}, or skipped when {@code ordinal} is -1. */
  record Step(String name, int ordinal, ColumnDecoder decoder) {}

  /** A requested field the writer lacks: filled with a constant (a default, or null). */
  record Fill(int ordinal, ConstantWriter value) {}

  static final class Record extends ColumnDecoder {
    private final String[] names;
    private final int[] ordinals;
    private final ColumnDecoder[] decoders;
    private final int[] fillOrdinals;
    private final ConstantWriter[] fills;

    Record(Step[] steps, Fill[] fills) {
      int n = steps.length;
      this.names = new String[n];
      this.ordinals = new int[n];
      this.decoders = new ColumnDecoder[n];
      for (int i = 0; i < n; i++) {
        names[i] = steps[i].name();
        ordinals[i] = steps[i].ordinal();
        decoders[i] = steps[i].decoder();
      }
      this.fillOrdinals = new int[fills.length];
      this.fills = new ConstantWriter[fills.length];
      for (int i = 0; i < fills.length; i++) {
        fillOrdinals[i] = fills[i].ordinal();
        this.fills[i] = fills[i].value();
      }
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      int i = 0;
      try {
        for (; i < decoders.length; i++) {
          int ordinal = ordinals[i];
          decoders[i].decode(in, ordinal < 0 ? null : out.getChild(ordinal), row);
        }
      } catch (AvroDataException e) {
        throw e.prependPath(names[i]);
      }
      for (int f = 0; f < fills.length; f++) {
        fills[f].write(out.getChild(fillOrdinals[f]), row);
      }
    }

    @Override
    public void decodeRows(ByteArrayDecoder in, WritableColumnVector out, int row, int count) throws IOException {
      if (decoders.length != 1 || fills.length != 0) {
        super.decodeRows(in, out, row, count);
        return;
      }
      // Records of one field (after pruning): that field's values follow one another, decoded as one column.
      int ordinal = ordinals[0];
      try {
        decoders[0].decodeRows(in, ordinal < 0 ? null : out.getChild(ordinal), row, count);
      } catch (AvroDataException e) {
        throw e.prependPath(names[0]);
      }
    }
  }
}
