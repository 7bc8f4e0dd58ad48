package io.lancaster.avro.file;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.io.Varints;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The container reader's view of its input: a buffered, position-tracking reader over either a
 * {@link SeekableInput} (length known, seekable) or a plain {@link InputStream} (length unknown, forward only).
 * It reads the few things the file format needs outside of data blocks (varints, raw byte runs, a search for the
 * sync marker) and reports a premature end as a {@link CorruptDataException}; callers add the location.
 */
final class BufferedInput implements Closeable {
  private static final int BUFFER_SIZE = 64 * 1024;
  /** First allocation for a byte run from a stream of unknown length; it doubles as bytes actually arrive. */
  private static final int FIRST_CHUNK = 64 * 1024;

  private final SeekableInput seekable;
  private final InputStream stream;
  private final long length;
  private final byte[] buf = new byte[BUFFER_SIZE];
  private int pos;
  private int limit;
  /** Input position of {@code buf[0]}. */
  private long bufStart;
  private boolean eof;

  private BufferedInput(SeekableInput seekable, InputStream stream, long length, long start) {
    this.seekable = seekable;
    this.stream = stream;
    this.length = length;
    this.bufStart = start;
  }

  static BufferedInput of(SeekableInput in) throws IOException {
    Objects.requireNonNull(in, "in");
    long length = in.length();
    in.seek(0);
    return new BufferedInput(in, null, length, 0);
  }

  static BufferedInput of(InputStream in) {
    return new BufferedInput(null, Objects.requireNonNull(in, "in"), -1, 0);
  }

  boolean isSeekable() {
    return seekable != null;
  }

  /** The input's length, or -1 for a stream. */
  long length() {
    return length;
  }

  /** Input position of the next byte to read. */
  long position() {
    return bufStart + pos;
  }

  /** Bytes left in the input, or {@link Long#MAX_VALUE} for a stream. */
  long remaining() {
    return length < 0 ? Long.MAX_VALUE : length - position();
  }

  /** Moves to {@code p}, clamped to the length; seekable inputs only. */
  void seek(long p) throws IOException {
    if (seekable == null) {
      throw new UnsupportedOperationException("a stream cannot seek; open the file from a SeekableInput");
    }
    if (p < 0) {
      throw new IllegalArgumentException("negative position " + p);
    }
    p = Math.min(p, length);
    if (p >= bufStart && p <= bufStart + limit) {
      pos = (int) (p - bufStart);
      return;
    }
    seekable.seek(p);
    bufStart = p;
    pos = 0;
    limit = 0;
    eof = false;
  }

  boolean atEnd() throws IOException {
    return !fill(1);
  }

  /**
   * Makes at least {@code n} (at most the buffer size) bytes available in {@code buf[pos, limit)}; false when
   * the input ends first.
   */
  private boolean fill(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      bufStart += pos;
      limit -= pos;
      pos = 0;
    }
    while (limit < n && !eof) {
      int r = readSource(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
    return limit - pos >= n;
  }

  private int readSource(byte[] b, int off, int len) throws IOException {
    int r;
    int zeroReads = 0;
    do {
      r = seekable != null ? seekable.read(b, off, len) : stream.read(b, off, len);
      if (r == 0 && ++zeroReads > 1000) {
        throw new IOException("the input returns no bytes and no end");
      }
    } while (r == 0);
    return r;
  }

  /** Reads a zig-zag varint long; {@code what} names the value in errors. */
  long readLong(String what) throws IOException {
    long start = position();
    long n = 0;
    for (int i = 0, shift = 0; i < Varints.MAX_LONG_BYTES; i++, shift += 7) {
      if (pos >= limit && !fill(1)) {
        throw truncated("the file ends inside the " + what + " (a varint starting at file offset " + start + ")");
      }
      int b = buf[pos++];
      if (i == Varints.MAX_LONG_BYTES - 1 && (b & 0xFE) != 0) {
        throw new CorruptDataException("invalid varint for the " + what + " at file offset " + start
            + ": longer than 10 bytes or overflowing 64 bits");
      }
      n |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        break;
      }
    }
    return (n >>> 1) ^ -(n & 1);
  }

  /** Reads exactly {@code len} bytes into {@code dst[off, off + len)}. */
  void readFully(byte[] dst, int off, int len, String what) throws IOException {
    int done = readAtMost(dst, off, len);
    if (done < len) {
      throw truncated("the file ends inside the " + what + ": " + len + " bytes needed, " + done + " present");
    }
  }

  /** Reads up to {@code len} bytes, fewer only at the end of the input; returns the number read. */
  int readAtMost(byte[] dst, int off, int len) throws IOException {
    int done = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, dst, off, done);
    pos += done;
    while (done < len) {
      if (len - done >= buf.length) {
        // Large runs bypass the buffer; the buffer is empty here, so only its start moves.
        int r = eof ? -1 : readSource(dst, off + done, len - done);
        if (r < 0) {
          eof = true;
          break;
        }
        bufStart += pos + r;
        pos = 0;
        limit = 0;
        done += r;
      } else {
        if (!fill(1)) {
          break;
        }
        int k = Math.min(len - done, limit - pos);
        System.arraycopy(buf, pos, dst, off + done, k);
        pos += k;
        done += k;
      }
    }
    return done;
  }

  /**
   * Reads exactly {@code len} bytes into {@code out} (reset first). When the length of the input is known the
   * caller has checked {@code len} against it; for a stream the array grows only as bytes actually arrive, so a
   * hostile length cannot make it allocate much more than the stream holds.
   */
  void readInto(GrowableBytes out, int len, String what) throws IOException {
    out.reset();
    if (length >= 0 || len <= FIRST_CHUNK) {
      byte[] a = out.ensureSpace(len);
      readFully(a, 0, len, what);
      out.setSize(len);
      return;
    }
    int filled = 0;
    while (filled < len) {
      int chunk = Math.min(len - filled, Math.max(FIRST_CHUNK, filled));
      byte[] a = out.ensureSpace(chunk);
      int r = readAtMost(a, filled, chunk);
      filled += r;
      out.setSize(filled);
      if (r < chunk) {
        throw truncated("the file ends inside the " + what + ": " + len + " bytes needed, " + filled + " present");
      }
    }
  }

  /**
   * Finds the next occurrence of {@code pattern} at or after the current position and moves to it, returning
   * its position; or moves to the end of the input and returns -1.
   */
  long indexOf(byte[] pattern) throws IOException {
    int n = pattern.length;
    byte first = pattern[0];
    while (true) {
      if (!fill(n)) {
        pos = limit;
        return -1;
      }
      int last = limit - n;
      for (int i = pos; i <= last; i++) {
        if (buf[i] == first && Arrays.equals(buf, i, i + n, pattern, 0, n)) {
          pos = i;
          return bufStart + i;
        }
      }
      pos = last + 1; // the final n - 1 bytes may begin a match that continues in the next read
    }
  }

  private static CorruptDataException truncated(String detail) {
    return new CorruptDataException("truncated file: " + detail, new EOFException(detail));
  }

  @Override
  public void close() throws IOException {
    if (seekable != null) {
      seekable.close();
    } else {
      stream.close();
    }
  }
}
