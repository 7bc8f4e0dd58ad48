package io.lancaster.spark.write.encode;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/** Spark binary into Avro bytes, or into a fixed of the value's exact length. */
final class Binaries {
  private Binaries() {}

  static final class Bytes extends ValueEncoder {
    static final Bytes INSTANCE = new Bytes();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeBytes(data.getBinary(ordinal));
    }
  }

  /** A value of another length than the fixed's size is a data error naming the field. */
  static final class Fixed extends ValueEncoder {
    private final int size;
    private final String errorPrefix;

    Fixed(int size, String errorPrefix) {
      this.size = size;
      this.errorPrefix = errorPrefix;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      byte[] b = data.getBinary(ordinal);
      if (b.length != size) {
        throw new AvroTypeException(errorPrefix + bytes(b.length) + " of binary data cannot be written into FIXED "
            + "type with size of " + bytes(size));
      }
      out.writeFixed(b);
    }

    private static String bytes(int n) {
      return n + (n > 1 ? " bytes" : " byte");
    }
  }
}
