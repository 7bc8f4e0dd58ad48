package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.types.Decimal;

/**
 * Spark decimals into Avro's decimal logical type: the unscaled value in big-endian two's complement, minimal for
 * bytes, sign-extended to the size of a fixed (Apache Avro's {@code DecimalConversion}). The Avro decimal has the
 * Spark type's precision and scale (the compiler checks it), so values never need rescaling. Decimals of up to 18
 * digits are Spark longs and are written from the long, without a {@code BigInteger}.
 */
final class Decimals {
  private Decimals() {}

  /** Whether Spark keeps decimals of this precision as an unscaled long. */
  static boolean isCompact(int precision) {
    return precision <= Decimal.MAX_LONG_DIGITS();
  }

  /** Bytes of the minimal two's complement form of {@code v}, as {@code BigInteger.toByteArray} has. */
  static int minimalLength(long v) {
    return (64 - Long.numberOfLeadingZeros(v < 0 ? ~v : v)) / 8 + 1;
  }

  /** Writes {@code v} big-endian into {@code dest[0, len)}, sign-extended. */
  static void putLong(long v, byte[] dest, int len) {
    for (int i = len - 1, shift = 0; i >= 0; i--, shift += 8) {
      dest[i] = (byte) (shift < 64 ? v >> shift : v >> 63);
    }
  }

  static final class CompactAsBytes extends ValueEncoder {
    private final int precision;
    private final int scale;
    private final byte[] scratch = new byte[8];

    CompactAsBytes(int precision, int scale) {
      this.precision = precision;
      this.scale = scale;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      long unscaled = data.getDecimal(ordinal, precision, scale).toUnscaledLong();
      int len = minimalLength(unscaled);
      putLong(unscaled, scratch, len);
      out.writeBytes(scratch, 0, len);
    }
  }

  static final class WideAsBytes extends ValueEncoder {
    private final int precision;
    private final int scale;

    WideAsBytes(int precision, int scale) {
      this.precision = precision;
      this.scale = scale;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeBytes(data.getDecimal(ordinal, precision, scale).toJavaBigDecimal().unscaledValue().toByteArray());
    }
  }

  static final class CompactAsFixed extends ValueEncoder {
    private final int precision;
    private final int scale;
    private final byte[] scratch;

    CompactAsFixed(int precision, int scale, int size) {
      this.precision = precision;
      this.scale = scale;
      this.scratch = new byte[size];
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      putLong(data.getDecimal(ordinal, precision, scale).toUnscaledLong(), scratch, scratch.length);
      out.writeFixed(scratch);
    }
  }

  static final class WideAsFixed extends ValueEncoder {
    private final int precision;
    private final int scale;
    private final byte[] scratch;

    WideAsFixed(int precision, int scale, int size) {
      this.precision = precision;
      this.scale = scale;
      this.scratch = new byte[size];
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      byte[] unscaled = data.getDecimal(ordinal, precision, scale).toJavaBigDecimal().unscaledValue().toByteArray();
      int pad = scratch.length - unscaled.length; // never negative: the precision fits the fixed
      java.util.Arrays.fill(scratch, 0, pad, (byte) (unscaled[0] < 0 ? -1 : 0));
      System.arraycopy(unscaled, 0, scratch, pad, unscaled.length);
      out.writeFixed(scratch);
    }
  }
}
