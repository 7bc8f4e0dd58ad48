package io.lancaster.avro.codec;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.util.Objects;

/** Shared helpers of the codecs: bounded output growth, bounded stream draining, and the standard errors. */
final class CodecSupport {
  /** The limit name reported when a block decompresses to more than allowed. */
  static final String LIMIT = "maxDecompressedBlockSize";

  /** Smallest step by which an output buffer grows while decompressing. */
  static final int MIN_CHUNK = 8192;

  /** Releases native codec resources (zstd contexts) of codecs that were never closed. */
  static final Cleaner CLEANER = Cleaner.create();

  private CodecSupport() {}

  static void checkArgs(byte[] src, int off, int len, GrowableBytes out) {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(out, "out");
    Objects.checkFromIndexSize(off, len, src.length);
  }

  static void checkArgs(byte[] src, int off, int len, GrowableBytes out, int maxSize) {
    checkArgs(src, off, len, out);
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must not be negative, got " + maxSize);
    }
  }

  static LimitExceededException tooLarge(int maxSize, long requested) {
    return new LimitExceededException(LIMIT, maxSize, requested, "decompressed block size");
  }

  static CorruptDataException corrupt(String codec, Throwable cause) {
    String msg = cause.getMessage();
    return new CorruptDataException(codec + " block is corrupt: "
        + (msg == null || msg.isBlank() ? cause.getClass().getSimpleName() : msg), cause);
  }

  static CorruptDataException truncated(String codec, Throwable cause) {
    return new CorruptDataException(codec + " block is truncated: the compressed data ends before the end of its "
        + "stream", cause);
  }

  /**
   * Makes room for more output without letting {@code out} hold more than {@code maxSize} valid bytes, and returns
   * how many bytes may be written after {@code out.size()}: 0 exactly when {@code maxSize} is reached. The buffer
   * grows geometrically (starting from {@code hint}), so its capacity stays below twice {@code maxSize}.
   */
  static int reserve(GrowableBytes out, int maxSize, int hint) {
    int size = out.size();
    int remaining = maxSize - size;
    if (remaining <= 0) {
      return 0;
    }
    int free = out.array().length - size;
    if (free < Math.min(remaining, MIN_CHUNK)) {
      long grow = Math.max(Math.max(size, hint), MIN_CHUNK);
      out.ensureSpace((int) Math.min(grow, remaining));
      free = out.array().length - size;
    }
    return Math.min(free, remaining);
  }

  /**
   * Reads {@code in} to its end into {@code out}, but no more than {@code maxSize} bytes: once that many are read,
   * one more byte is requested and, if it exists, {@link LimitExceededException} is thrown.
   */
  static void drain(InputStream in, GrowableBytes out, int maxSize, int hint) throws IOException {
    int zeroReads = 0;
    while (true) {
      int room = reserve(out, maxSize, hint);
      if (room == 0) {
        if (in.read() >= 0) {
          throw tooLarge(maxSize, (long) maxSize + 1);
        }
        return;
      }
      int n = in.read(out.array(), out.size(), room);
      if (n < 0) {
        return;
      }
      if (n == 0 && ++zeroReads > 1000) {
        throw new IOException("the decompressor makes no progress");
      }
      out.setSize(out.size() + n);
    }
  }

  /** A first guess of the decompressed size of {@code len} compressed bytes, used to size the first buffer. */
  static int sizeHint(int len) {
    return (int) Math.min((long) len * 3, 1 << 25);
  }
}
