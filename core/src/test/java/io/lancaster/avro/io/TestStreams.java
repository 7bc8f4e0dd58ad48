package io.lancaster.avro.io;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;

/** Input helpers for the binary encoding tests. */
final class TestStreams {
  private TestStreams() {
  }

  /** A stream that hands out at most {@code chunk} bytes per read, to exercise every refill path. */
  static InputStream trickle(byte[] data, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }

  /** The zig-zag varint encoding of {@code v}. */
  static byte[] varint(long v) {
    byte[] b = new byte[Varints.MAX_LONG_BYTES];
    int n = Varints.writeLong(b, 0, v);
    return java.util.Arrays.copyOf(b, n);
  }
}
