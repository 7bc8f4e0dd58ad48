package io.lancaster.spark.read.decode;

import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.resolve.IncompatibleDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.Decimal;

/**
 * Decimals from their two's-complement big-endian unscaled bytes (bytes or fixed). Spark keeps a decimal of
 * precision up to 9 as an int, up to 18 as a long, and above as the bytes of its unscaled BigInteger, which is
 * exactly Avro's encoding: those are copied from the block as they are. A read type with another precision or scale
 * than the file's goes through Spark's Decimal and becomes null when it does not fit, as Spark's casts do.
 */
final class Decimals {
  private Decimals() {}

  /** Reads the unscaled bytes: {@code fixedSize} bytes, or a length-prefixed bytes value when it is negative. */
  static int length(ByteArrayDecoder in, int fixedSize) throws IOException {
    if (fixedSize >= 0) {
      in.requireFixed(fixedSize);
      return fixedSize;
    }
    return in.readBytesLength();
  }

  static final class SameScale extends ColumnDecoder {
    private final int fixedSize;
    private final int precision;
    /** 10^precision: an unscaled value must lie strictly between its negation and it. */
    private final long bound;

    SameScale(int fixedSize, int precision) {
      this.fixedSize = fixedSize;
      this.precision = precision;
      this.bound = precision <= Decimal.MAX_LONG_DIGITS() ? BigInteger.TEN.pow(precision).longValueExact() : 0;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      int len = length(in, fixedSize);
      byte[] buf = in.buffer();
      int pos = in.pos();
      if (precision > Decimal.MAX_LONG_DIGITS()) {
        if (len == 0) {
          out.putByteArray(row, new byte[] {0}, 0, 1);
        } else {
          out.putByteArray(row, buf, pos, len);
        }
      } else {
        long unscaled;
        if (len <= 8) {
          unscaled = unscaledLong(buf, pos, len);
        } else {
          BigInteger big = new BigInteger(buf, pos, len);
          unscaled = big.bitLength() < 64 ? big.longValue() : Long.MAX_VALUE;
        }
        if (unscaled >= bound || unscaled <= -bound) {
          // As spark-avro (NUMERIC_VALUE_OUT_OF_RANGE): a value wider than its declared precision is an error.
          throw new IncompatibleDataException("decimal value with unscaled value "
              + (len <= 8 ? Long.toString(unscaled) : new BigInteger(buf, pos, len).toString())
              + " does not fit its precision " + precision);
        }
        if (precision <= Decimal.MAX_INT_DIGITS()) {
          out.putInt(row, (int) unscaled);
        } else {
          out.putLong(row, unscaled);
        }
      }
      in.skipChecked(len);
    }
  }

  /** Another precision or scale than the file's. */
  static final class Rescaled extends ColumnDecoder {
    private final int fixedSize;
    private final int scale;
    private final int targetPrecision;
    private final int targetScale;

    Rescaled(int fixedSize, int scale, int targetPrecision, int targetScale) {
      this.fixedSize = fixedSize;
      this.scale = scale;
      this.targetPrecision = targetPrecision;
      this.targetScale = targetScale;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      int len = length(in, fixedSize);
      BigInteger unscaled = len == 0 ? BigInteger.ZERO : new BigInteger(in.buffer(), in.pos(), len);
      in.skipChecked(len);
      Decimal d = Decimal.apply(new BigDecimal(unscaled, scale));
      if (d.changePrecision(targetPrecision, targetScale)) {
        out.putDecimal(row, d, targetPrecision);
      } else {
        out.putNull(row);
      }
    }
  }

  /** Spark's own "custom-decimal" logical type: the unscaled value in an Avro long. */
  static final class FromLong extends ColumnDecoder {
    private final int precision;

    FromLong(int precision) {
      this.precision = precision;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      long unscaled = in.readLong();
      if (precision <= Decimal.MAX_INT_DIGITS()) {
        out.putInt(row, (int) unscaled);
      } else {
        out.putLong(row, unscaled);
      }
    }
  }

  static long unscaledLong(byte[] buf, int pos, int len) {
    if (len == 0) {
      return 0;
    }
    long v = buf[pos]; // sign-extends
    for (int i = 1; i < len; i++) {
      v = (v << 8) | (buf[pos + i] & 0xFF);
    }
    return v;
  }
}
