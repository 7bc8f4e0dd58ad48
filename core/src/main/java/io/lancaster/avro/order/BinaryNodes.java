package io.lancaster.avro.order;

import static io.lancaster.avro.order.BinaryNode.LESS;
import static io.lancaster.avro.order.BinaryNode.GREATER;
import static io.lancaster.avro.order.BinaryNode.equal;
import static io.lancaster.avro.order.BinaryNode.order;
import static io.lancaster.avro.order.RawInput.MAX_INT_BYTES;
import static io.lancaster.avro.order.RawInput.MAX_LONG_BYTES;
import static io.lancaster.avro.order.RawInput.varintEnd;

import java.util.Arrays;

/**
 * The binary comparators of the spec's scalar types. Numbers are decoded in place; bytes, strings and fixed are
 * compared as unsigned bytes (UTF-8 byte order is code point order). Floats and doubles order as
 * {@link Float#compare} and {@link Double#compare} do, which is what Apache Avro's {@code BinaryData.compare} and
 * {@code GenericData.compare} use: {@code -0.0} before {@code 0.0}, every NaN (whatever its sign or payload) equal
 * to every other NaN and after positive infinity.
 */
final class BinaryNodes {
  private BinaryNodes() {
  }

  static BinaryNode nulls() {
    return NullNode.INSTANCE;
  }

  static BinaryNode booleans() {
    return BooleanNode.INSTANCE;
  }

  static BinaryNode ints() {
    return IntNode.INSTANCE;
  }

  static BinaryNode longs() {
    return LongNode.INSTANCE;
  }

  static BinaryNode floats() {
    return FloatNode.INSTANCE;
  }

  static BinaryNode doubles() {
    return DoubleNode.INSTANCE;
  }

  static BinaryNode strings() {
    return BytesNode.STRING;
  }

  static BinaryNode bytes() {
    return BytesNode.BYTES;
  }

  static BinaryNode fixed(int size) {
    return size == 0 ? NullNode.INSTANCE : new FixedNode(size);
  }

  static BinaryNode enums(int symbolCount) {
    return new EnumNode(symbolCount);
  }

  private static final class NullNode implements BinaryNode {
    static final NullNode INSTANCE = new NullNode();

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      return equal(ap, bp);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return pos;
    }

    @Override
    public int minBytes() {
      return 0;
    }
  }

  private static final class BooleanNode implements BinaryNode {
    static final BooleanNode INSTANCE = new BooleanNode();

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int x = value(a, ap, aEnd);
      int y = value(b, bp, bEnd);
      return order(x - y, ap + 1, bp + 1);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      value(buf, pos, end);
      return pos + 1;
    }

    @Override
    public int minBytes() {
      return 1;
    }

    private static int value(byte[] buf, int pos, int end) {
      if (pos >= end) {
        throw RawInput.truncated("the input ends before a boolean", pos);
      }
      int v = buf[pos];
      if ((v & 0xFE) != 0) {
        throw RawInput.corrupt("invalid boolean byte " + (v & 0xFF) + " (must be 0 or 1)", pos);
      }
      return v;
    }
  }

  private static final class IntNode implements BinaryNode {
    static final IntNode INSTANCE = new IntNode();

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = varintEnd(a, ap, aEnd, MAX_INT_BYTES);
      int be = varintEnd(b, bp, bEnd, MAX_INT_BYTES);
      return order(Integer.compare(RawInput.zigZagInt(a, ap, ae), RawInput.zigZagInt(b, bp, be)), ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return varintEnd(buf, pos, end, MAX_INT_BYTES);
    }

    @Override
    public int minBytes() {
      return 1;
    }
  }

  private static final class LongNode implements BinaryNode {
    static final LongNode INSTANCE = new LongNode();

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = varintEnd(a, ap, aEnd, MAX_LONG_BYTES);
      int be = varintEnd(b, bp, bEnd, MAX_LONG_BYTES);
      return order(Long.compare(RawInput.zigZagLong(a, ap, ae), RawInput.zigZagLong(b, bp, be)), ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return varintEnd(buf, pos, end, MAX_LONG_BYTES);
    }

    @Override
    public int minBytes() {
      return 1;
    }
  }

  private static final class FloatNode implements BinaryNode {
    static final FloatNode INSTANCE = new FloatNode();

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = RawInput.fixedEnd(ap, 4, aEnd, "float");
      int be = RawInput.fixedEnd(bp, 4, bEnd, "float");
      float x = Float.intBitsToFloat(littleEndianInt(a, ap));
      float y = Float.intBitsToFloat(littleEndianInt(b, bp));
      return order(Float.compare(x, y), ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return RawInput.fixedEnd(pos, 4, end, "float");
    }

    @Override
    public int minBytes() {
      return 4;
    }
  }

  private static final class DoubleNode implements BinaryNode {
    static final DoubleNode INSTANCE = new DoubleNode();

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = RawInput.fixedEnd(ap, 8, aEnd, "double");
      int be = RawInput.fixedEnd(bp, 8, bEnd, "double");
      double x = Double.longBitsToDouble(littleEndianLong(a, ap));
      double y = Double.longBitsToDouble(littleEndianLong(b, bp));
      return order(Double.compare(x, y), ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return RawInput.fixedEnd(pos, 8, end, "double");
    }

    @Override
    public int minBytes() {
      return 8;
    }
  }

  /** Strings and bytes: a length, then that many bytes, compared unsigned and then by length. */
  private static final class BytesNode implements BinaryNode {
    static final BytesNode STRING = new BytesNode("string");
    static final BytesNode BYTES = new BytesNode("bytes value");

    private final String what;

    private BytesNode(String what) {
      this.what = what;
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int as = varintEnd(a, ap, aEnd, MAX_LONG_BYTES);
      int bs = varintEnd(b, bp, bEnd, MAX_LONG_BYTES);
      int ae = as + RawInput.length(a, ap, as, aEnd, what);
      int be = bs + RawInput.length(b, bp, bs, bEnd, what);
      return order(Arrays.compareUnsigned(a, as, ae, b, bs, be), ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      int start = varintEnd(buf, pos, end, MAX_LONG_BYTES);
      return start + RawInput.length(buf, pos, start, end, what);
    }

    @Override
    public int minBytes() {
      return 1;
    }
  }

  private static final class FixedNode implements BinaryNode {
    private final int size;

    FixedNode(int size) {
      this.size = size;
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = RawInput.fixedEnd(ap, size, aEnd, "fixed value");
      int be = RawInput.fixedEnd(bp, size, bEnd, "fixed value");
      return order(Arrays.compareUnsigned(a, ap, ae, b, bp, be), ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return RawInput.fixedEnd(pos, size, end, "fixed value");
    }

    @Override
    public int minBytes() {
      return size;
    }
  }

  /** Enums order by the symbol's position in the schema, which is the encoded ordinal. */
  private static final class EnumNode implements BinaryNode {
    private final int symbolCount;

    EnumNode(int symbolCount) {
      this.symbolCount = symbolCount;
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = varintEnd(a, ap, aEnd, MAX_INT_BYTES);
      int be = varintEnd(b, bp, bEnd, MAX_INT_BYTES);
      int x = ordinal(a, ap, ae);
      int y = ordinal(b, bp, be);
      return x < y ? LESS : x > y ? GREATER : equal(ae, be);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      int e = varintEnd(buf, pos, end, MAX_INT_BYTES);
      ordinal(buf, pos, e);
      return e;
    }

    @Override
    public int minBytes() {
      return 1;
    }

    private int ordinal(byte[] buf, int pos, int stop) {
      int i = RawInput.zigZagInt(buf, pos, stop);
      if (i < 0 || i >= symbolCount) {
        throw RawInput.corrupt("enum ordinal " + i + " out of range for an enum of " + symbolCount + " symbols", pos);
      }
      return i;
    }
  }

  static int littleEndianInt(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
  }

  static long littleEndianLong(byte[] b, int p) {
    return (littleEndianInt(b, p) & 0xFFFF_FFFFL) | (long) littleEndianInt(b, p + 4) << 32;
  }
}
