package io.lancaster.avro.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encodes to a stream through its own buffer, for streaming use (one datum after another to a socket or file)
 * where the data never needs to be held as a whole. Call {@link #flush()} to push buffered bytes out; the stream is
 * never closed by the encoder.
 */
public final class OutputStreamEncoder extends Encoder {
  private final OutputStream out;
  private final byte[] buf;
  private int pos;

  public OutputStreamEncoder(OutputStream out) {
    this(out, 8192);
  }

  public OutputStreamEncoder(OutputStream out, int bufferSize) {
    this.out = Objects.requireNonNull(out, "out");
    this.buf = new byte[Math.max(64, bufferSize)];
  }

  /** Bytes written to this encoder but not yet to the stream. */
  public int buffered() {
    return pos;
  }

  private void ensure(int n) throws IOException {
    if (buf.length - pos < n) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  @Override
  public void writeBoolean(boolean b) throws IOException {
    ensure(1);
    buf[pos++] = (byte) (b ? 1 : 0);
  }

  @Override
  public void writeInt(int v) throws IOException {
    ensure(Varints.MAX_INT_BYTES);
    pos = Varints.writeInt(buf, pos, v);
  }

  @Override
  public void writeLong(long v) throws IOException {
    ensure(Varints.MAX_LONG_BYTES);
    pos = Varints.writeLong(buf, pos, v);
  }

  @Override
  public void writeFloat(float f) throws IOException {
    ensure(4);
    LittleEndian.putInt(buf, pos, Float.floatToRawIntBits(f));
    pos += 4;
  }

  @Override
  public void writeDouble(double d) throws IOException {
    ensure(8);
    LittleEndian.putLong(buf, pos, Double.doubleToRawLongBits(d));
    pos += 8;
  }

  @Override
  public void writeString(String s) throws IOException {
    long measure = Utf8Encoding.measure(s);
    int len = Utf8Encoding.length(measure);
    writeLong(len);
    if (len <= buf.length) {
      ensure(len);
      pos = Utf8Encoding.encode(s, measure, buf, pos);
    } else {
      writeRaw(s.getBytes(StandardCharsets.UTF_8), 0, len);
    }
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    writeLong(len);
    writeRaw(b, off, len);
  }

  @Override
  public void writeBytes(ByteBuffer b) throws IOException {
    int len = b.remaining();
    writeLong(len);
    if (b.hasArray()) {
      writeRaw(b.array(), b.arrayOffset() + b.position(), len);
      return;
    }
    for (int done = 0; done < len; ) {
      if (pos == buf.length) {
        drain();
      }
      int k = Math.min(len - done, buf.length - pos);
      b.get(b.position() + done, buf, pos, k);
      pos += k;
      done += k;
    }
  }

  @Override
  public void writeFixed(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    writeRaw(b, off, len);
  }

  private void writeRaw(byte[] b, int off, int len) throws IOException {
    if (len <= buf.length - pos) {
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
      return;
    }
    drain();
    if (len < buf.length) {
      System.arraycopy(b, off, buf, 0, len);
      pos = len;
    } else {
      out.write(b, off, len);
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }
}
