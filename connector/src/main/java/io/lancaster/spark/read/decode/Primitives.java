package io.lancaster.spark.read.decode;

import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.resolve.IncompatibleDataException;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/**
 * Decoders of primitive values into Spark vectors of the matching physical type. One small class per (Avro encoding,
 * Spark representation) pair, so that the decode loop of each column is a handful of instructions.
 */
final class Primitives {
  private Primitives() {}

  static final class Nulls extends ColumnDecoder {
    static final Nulls INSTANCE = new Nulls();

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) {
      out.putNull(row);
    }
  }

  static final class Booleans extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putBoolean(row, in.readBoolean());
    }
  }

  static final class Ints extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putInt(row, in.readInt());
    }

    @Override
    public void decodeRows(ByteArrayDecoder in, WritableColumnVector out, int row, int count) throws IOException {
      for (int i = row, end = row + count; i < end; i++) {
        out.putInt(i, in.readInt());
      }
    }
  }

  static final class IntsAsLongs extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putLong(row, in.readInt());
    }
  }

  static final class IntsAsFloats extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putFloat(row, in.readInt());
    }
  }

  static final class IntsAsDoubles extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putDouble(row, in.readInt());
    }
  }

  static final class Longs extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putLong(row, in.readLong());
    }

    @Override
    public void decodeRows(ByteArrayDecoder in, WritableColumnVector out, int row, int count) throws IOException {
      for (int i = row, end = row + count; i < end; i++) {
        out.putLong(i, in.readLong());
      }
    }
  }

  static final class LongsAsFloats extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putFloat(row, in.readLong());
    }
  }

  static final class LongsAsDoubles extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putDouble(row, in.readLong());
    }
  }

  static final class Floats extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putFloat(row, in.readFloat());
    }
  }

  static final class FloatsAsDoubles extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putDouble(row, in.readFloat());
    }
  }

  static final class Doubles extends ColumnDecoder {
    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putDouble(row, in.readDouble());
    }

    @Override
    public void decodeRows(ByteArrayDecoder in, WritableColumnVector out, int row, int count) throws IOException {
      for (int i = row, end = row + count; i < end; i++) {
        out.putDouble(i, in.readDouble());
      }
    }
  }

  /** Strings and bytes (either way round): the bytes are copied from the block into the vector's data. */
  static final class Binary extends ColumnDecoder {
    private final boolean string;

    Binary(boolean string) {
      this.string = string;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      int len = string ? in.readStringLength() : in.readBytesLength();
      out.putByteArray(row, in.buffer(), in.pos(), len);
      in.skipChecked(len);
    }
  }

  static final class FixedBinary extends ColumnDecoder {
    private final int size;

    FixedBinary(int size) {
      this.size = size;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      in.requireFixed(size);
      out.putByteArray(row, in.buffer(), in.pos(), size);
      in.skipChecked(size);
    }
  }

  /** An enum read as the UTF-8 bytes of its reader symbol, looked up by the writer's ordinal. */
  static final class EnumSymbols extends ColumnDecoder {
    private final byte[][] symbolByWriterOrdinal;
    private final String[] writerSymbols;
    private final String readerName;

    EnumSymbols(byte[][] symbolByWriterOrdinal, String[] writerSymbols, String readerName) {
      this.symbolByWriterOrdinal = symbolByWriterOrdinal;
      this.writerSymbols = writerSymbols;
      this.readerName = readerName;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      int ordinal = in.readEnum(symbolByWriterOrdinal.length);
      byte[] symbol = symbolByWriterOrdinal[ordinal];
      if (symbol == null) {
        throw new IncompatibleDataException("enum symbol " + writerSymbols[ordinal] + " is not in the reader's enum "
            + readerName + ", which has no default");
      }
      out.putByteArray(row, symbol, 0, symbol.length);
    }
  }

  /** A writer value the reader cannot hold (a union branch or enum symbol without a match): fails if it occurs. */
  static final class Fail extends ColumnDecoder {
    private final String reason;

    Fail(String reason) {
      this.reason = reason;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      throw new IncompatibleDataException(reason);
    }
  }
}
