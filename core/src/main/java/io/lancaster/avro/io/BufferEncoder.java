package io.lancaster.avro.io;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes into a {@link GrowableBytes}: the file writer encodes a block's records here, then compresses the array
 * as a whole. It keeps no position of its own (the buffer's size is the position), so the owner may reset or
 * drain the buffer between blocks without telling the encoder. Nothing here throws IOException.
 */
public final class BufferEncoder extends Encoder {
  private final GrowableBytes out;

  public BufferEncoder() {
    this(new GrowableBytes());
  }

  public BufferEncoder(GrowableBytes out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  public GrowableBytes buffer() {
    return out;
  }

  /** Bytes written since the buffer was last reset. */
  public int size() {
    return out.size();
  }

  public void reset() {
    out.reset();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  @Override
  public void writeBoolean(boolean b) {
    byte[] a = out.ensureSpace(1);
    int p = out.size();
    a[p] = (byte) (b ? 1 : 0);
    out.setSize(p + 1);
  }

  @Override
  public void writeInt(int v) {
    byte[] a = out.ensureSpace(Varints.MAX_INT_BYTES);
    out.setSize(Varints.writeInt(a, out.size(), v));
  }

  @Override
  public void writeLong(long v) {
    byte[] a = out.ensureSpace(Varints.MAX_LONG_BYTES);
    out.setSize(Varints.writeLong(a, out.size(), v));
  }

  @Override
  public void writeFloat(float f) {
    byte[] a = out.ensureSpace(4);
    int p = out.size();
    LittleEndian.putInt(a, p, Float.floatToRawIntBits(f));
    out.setSize(p + 4);
  }

  @Override
  public void writeDouble(double d) {
    byte[] a = out.ensureSpace(8);
    int p = out.size();
    LittleEndian.putLong(a, p, Double.doubleToRawLongBits(d));
    out.setSize(p + 8);
  }

  @Override
  public void writeString(String s) {
    long measure = Utf8Encoding.measure(s);
    int len = Utf8Encoding.length(measure);
    byte[] a = out.ensureSpace(Varints.MAX_LONG_BYTES + len);
    int p = Varints.writeLong(a, out.size(), len);
    out.setSize(Utf8Encoding.encode(s, measure, a, p));
  }

  @Override
  public void writeString(byte[] utf8, int off, int len) {
    writeBytes(utf8, off, len);
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    writeLong(len);
    out.write(b, off, len);
  }

  @Override
  public void writeBytes(byte[] b) {
    writeBytes(b, 0, b.length);
  }

  @Override
  public void writeBytes(ByteBuffer b) {
    int len = b.remaining();
    writeLong(len);
    byte[] a = out.ensureSpace(len);
    int p = out.size();
    b.get(b.position(), a, p, len);
    out.setSize(p + len);
  }

  @Override
  public void writeFixed(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    out.write(b, off, len);
  }

  @Override
  public void writeFixed(byte[] b) {
    writeFixed(b, 0, b.length);
  }

  @Override
  public void writeIndex(int index) {
    writeInt(requireNonNegative(index, "union index"));
  }

  @Override
  public void writeEnum(int ordinal) {
    writeInt(requireNonNegative(ordinal, "enum ordinal"));
  }

  @Override
  public void writeArrayStart(long count) {
    writeBlockHeader(count);
  }

  @Override
  public void writeArrayEnd() {
    writeLong(0);
  }

  @Override
  public void writeMapStart(long count) {
    writeBlockHeader(count);
  }

  @Override
  public void writeMapEnd() {
    writeLong(0);
  }

  /**
   * Writes the header of a block of {@code count} items whose encoding takes {@code byteSize} bytes, the form
   * (negative count, then size) that lets readers skip the block without decoding it.
   */
  public void writeSizedBlockHeader(long count, long byteSize) {
    if (count <= 0 || byteSize < 0) {
      throw new IllegalArgumentException("sized block needs count > 0 and size >= 0, got " + count + ", " + byteSize);
    }
    writeLong(-count);
    writeLong(byteSize);
  }

  @Override
  public void flush() {
  }

  private void writeBlockHeader(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative block count " + count);
    }
    if (count > 0) {
      writeLong(count);
    }
  }
}
