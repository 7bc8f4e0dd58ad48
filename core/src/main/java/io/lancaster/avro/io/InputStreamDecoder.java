package io.lancaster.avro.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes from a stream whose length is unknown (a socket, a pipe, concatenated datums). It cannot check a length
 * prefix against the input, so a value larger than its window is read in chunks into an array that grows only as
 * bytes actually arrive: a hostile 2 GB prefix on a 10-byte stream fails with "truncated" after allocating a few
 * kilobytes. The end of the stream inside a value is a {@link io.lancaster.avro.CorruptDataException} whose cause
 * is an {@link java.io.EOFException}.
 *
 * <p>It reads ahead into its own buffer, so bytes after the last value decoded may already have been taken from
 * the stream. It never closes the stream.
 */
public final class InputStreamDecoder extends Decoder {
  /** Initial size of the array for a value that does not fit the window; it doubles as data arrives. */
  private static final int FIRST_CHUNK = 64 * 1024;

  private final InputStream in;
  private boolean eof;

  public InputStreamDecoder(InputStream in) {
    this(in, ReadLimits.DEFAULT);
  }

  public InputStreamDecoder(InputStream in, ReadLimits limits) {
    this(in, limits, 8192);
  }

  public InputStreamDecoder(InputStream in, ReadLimits limits, int bufferSize) {
    super(limits);
    this.in = Objects.requireNonNull(in, "in");
    this.buf = new byte[Math.max(64, bufferSize)];
  }

  @Override
  public boolean isEnd() throws IOException {
    return pos >= limit && !fill(1);
  }

  @Override
  boolean fill(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (eof || n > buf.length) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    while (limit < n) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
        return false;
      }
      limit += r;
    }
    return true;
  }

  @Override
  long knownRemaining() {
    return Long.MAX_VALUE;
  }

  @Override
  byte[] readBeyondWindow(int len, long start, String what) throws IOException {
    int have = limit - pos;
    byte[] out = new byte[Math.min(len, Math.max(have, FIRST_CHUNK))];
    System.arraycopy(buf, pos, out, 0, have);
    pos = limit; // the window is empty now; further bytes go straight into out
    int filled = have;
    while (filled < len) {
      if (filled == out.length) {
        out = Arrays.copyOf(out, (int) Math.min(len, 2L * out.length));
      }
      int r = eof ? -1 : in.read(out, filled, out.length - filled);
      if (r < 0) {
        eof = true;
        throw truncated("truncated data: the input ended after " + filled + " of the " + len + " bytes of a " + what,
            start);
      }
      filled += r;
      base += r;
    }
    return out;
  }
}
