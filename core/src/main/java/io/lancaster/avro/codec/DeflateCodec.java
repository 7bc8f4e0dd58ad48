package io.lancaster.avro.codec;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The "deflate" codec: raw RFC 1951 deflate data without zlib header or checksum, as Apache Avro writes it.
 * Keeps one {@link Deflater} and one {@link Inflater} for reuse across blocks; not thread-safe.
 *
 * <p>Like Apache Avro, an empty compressed block decompresses to an empty block and bytes after the end of the
 * deflate stream are ignored; a stream that ends before its final block is reported as truncated.
 */
public final class DeflateCodec implements Codec {
  private final int level;
  private Deflater deflater;
  private Inflater inflater;
  private final byte[] probe = new byte[1];

  DeflateCodec(int level) {
    this.level = CodecFactory.checkLevel("deflate", level, -1, 9);
  }

  /** The compression level, -1 (zlib's default, 6) to 9. */
  public int level() {
    return level;
  }

  @Override
  public String name() {
    return CodecFactory.DEFLATE;
  }

  @Override
  public void compress(byte[] src, int off, int len, GrowableBytes out) {
    CodecSupport.checkArgs(src, off, len, out);
    out.reset();
    if (deflater == null) {
      deflater = new Deflater(level, true);
    }
    Deflater d = deflater;
    d.reset();
    try {
      d.setInput(src, off, len);
      d.finish();
      // zlib's deflateBound for raw streams, plus some slack; the loop grows the buffer if ever needed
      long bound = (long) len + (len >> 12) + (len >> 14) + (len >> 25) + 64;
      out.ensureSpace((int) Math.min(bound, Integer.MAX_VALUE - 16));
      while (!d.finished()) {
        int free = out.array().length - out.size();
        if (free == 0) {
          out.ensureSpace(Math.max(1024, out.size() >> 1));
          free = out.array().length - out.size();
        }
        int n = d.deflate(out.array(), out.size(), free);
        out.setSize(out.size() + n);
      }
    } finally {
      d.reset(); // drops the reference to src
    }
  }

  @Override
  public void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize) throws IOException {
    CodecSupport.checkArgs(src, off, len, out, maxSize);
    out.reset();
    if (len == 0) {
      return; // Apache Avro's DeflateCodec decodes an empty block as empty
    }
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    Inflater inf = inflater;
    inf.reset();
    try {
      inf.setInput(src, off, len);
      int hint = CodecSupport.sizeHint(len);
      int stalls = 0;
      while (true) {
        int room = CodecSupport.reserve(out, maxSize, hint);
        byte[] dst = room == 0 ? probe : out.array();
        int n = inf.inflate(dst, room == 0 ? 0 : out.size(), room == 0 ? 1 : room);
        if (room == 0 && n > 0) {
          throw CodecSupport.tooLarge(maxSize, (long) maxSize + 1);
        }
        if (room > 0) {
          out.setSize(out.size() + n);
        }
        if (inf.finished()) {
          return;
        }
        if (n == 0) {
          if (inf.needsInput()) {
            throw CodecSupport.truncated("deflate", null);
          }
          if (inf.needsDictionary()) {
            throw new CorruptDataException("deflate block is corrupt: it asks for a preset dictionary");
          }
          if (++stalls > 1000) {
            throw new CorruptDataException("deflate block is corrupt: the inflater makes no progress");
          }
        }
      }
    } catch (DataFormatException e) {
      throw CodecSupport.corrupt("deflate", e);
    } finally {
      inf.reset(); // drops the reference to src
    }
  }

  @Override
  public Codec newInstance() {
    return new DeflateCodec(level);
  }

  @Override
  public void close() {
    if (deflater != null) {
      deflater.end();
      deflater = null;
    }
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeflateCodec other && other.level == level;
  }

  @Override
  public int hashCode() {
    return 31 * DeflateCodec.class.hashCode() + level;
  }

  @Override
  public String toString() {
    return "deflate(level=" + level + ")";
  }
}
