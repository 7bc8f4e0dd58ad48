package io.lancaster.spark.read.decode;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.io.ByteArrayDecoder;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.StructType;

/**
 * Arrays and maps: the items of all rows of a batch are appended to the child vectors (their count so far is the
 * children's {@code elementsAppended}); each row records its offset and length. The block count of each Avro block
 * is checked against the bytes left (at least {@code minItemBytes} per item) before anything is reserved.
 */
final class Collections {
  private Collections() {}

  /** Most items the child vectors of one batch may hold: beyond this a batch would not fit in an int index. */
  static final int MAX_BATCH_ITEMS = Integer.MAX_VALUE - 15;

  static final class Array extends ColumnDecoder {
    private final ColumnDecoder items;
    private final int minItemBytes;

    Array(ColumnDecoder items, int minItemBytes) {
      this.items = items;
      this.minItemBytes = minItemBytes;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      WritableColumnVector child = out.getChild(0);
      int offset = child.getElementsAppended();
      int n = 0;
      try {
        for (long count = in.readArrayStart(minItemBytes); count != 0; count = in.arrayNext(minItemBytes)) {
          int end = checkedEnd(offset + (long) n, count);
          reserve(child, end);
          for (int i = offset + n; i < end; i++) {
            items.decode(in, child, i);
          }
          n = end - offset;
        }
      } catch (AvroDataException e) {
        throw e.prependPath("[" + n + "]");
      }
      child.addElementsAppended(n);
      out.putArray(row, offset, n);
    }
  }

  static final class Map extends ColumnDecoder {
    private final ColumnDecoder values;

    Map(ColumnDecoder values) {
      this.values = values;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      WritableColumnVector keys = out.getChild(0);
      WritableColumnVector vals = out.getChild(1);
      int offset = keys.getElementsAppended();
      int n = 0;
      for (long count = in.readMapStart(); count != 0; count = in.mapNext()) {
        int end = checkedEnd(offset + (long) n, count);
        reserve(keys, end);
        reserve(vals, end);
        for (int i = offset + n; i < end; i++) {
          int len = in.readStringLength();
          keys.putByteArray(i, in.buffer(), in.pos(), len);
          in.skipChecked(len);
          try {
            values.decode(in, vals, i);
          } catch (AvroDataException e) {
            throw e.prependPath("[" + keys.getUTF8String(i) + "]");
          }
        }
        n = end - offset;
      }
      keys.addElementsAppended(n);
      vals.addElementsAppended(n);
      out.putArray(row, offset, n);
    }
  }

  static int checkedEnd(long start, long count) throws LimitExceededException {
    long end = start + count;
    if (end > MAX_BATCH_ITEMS) {
      // A batch's items are indexed by int: lower the batch size (option batchSize) for such data.
      throw new LimitExceededException("batch collection items", MAX_BATCH_ITEMS, end, "collection items in one batch");
    }
    return (int) end;
  }

  /** Makes room for {@code rows} values in a vector and, for structs, in all its field vectors. */
  static void reserve(WritableColumnVector v, int rows) {
    v.reserve(rows);
    if (v.dataType() instanceof StructType st) {
      for (int i = 0; i < st.fields().length; i++) {
        reserve(v.getChild(i), rows);
      }
    }
  }
}
