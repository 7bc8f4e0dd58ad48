package io.lancaster.avro.codec;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.io.GrowableBytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.Cleaner;

/**
 * The "zstandard" codec. Writes one zstd frame per block that declares its content size (and, optionally, carries
 * a content checksum). Reads any zstd data: a single frame that declares a size within the limit is decoded in one
 * call into a buffer of exactly that size; anything else (such as the frames Apache Avro writes with
 * {@code ZstdOutputStream}, which do not declare their size) is decoded by a streaming loop that stops after
 * {@code maxSize} bytes. Like Apache Avro, an empty compressed block
 * decompresses to an empty block.
 *
 * <p>Keeps native zstd contexts for reuse; not thread-safe. {@link #close()} frees them (a cleaner frees them
 * otherwise when the codec becomes unreachable).
 */
public final class ZstandardCodec implements Codec {
  private final int level;
  private final boolean checksum;
  private Contexts contexts;
  private Cleaner.Cleanable cleanable;

  ZstandardCodec(int level, boolean checksum) {
    this.level = CodecFactory.checkLevel("zstandard", level, CodecFactory.MIN_ZSTANDARD_LEVEL,
        CodecFactory.MAX_ZSTANDARD_LEVEL);
    this.checksum = checksum;
  }

  /** The compression level: 1 to 22, 0 for zstd's default (3), or negative for the fast levels. */
  public int level() {
    return level;
  }

  /** Whether written frames carry a content checksum. */
  public boolean checksum() {
    return checksum;
  }

  @Override
  public String name() {
    return CodecFactory.ZSTANDARD;
  }

  @Override
  public void compress(byte[] src, int off, int len, GrowableBytes out) throws IOException {
    CodecSupport.checkArgs(src, off, len, out);
    out.reset();
    Contexts c = contexts();
    if (c.cctx == null) {
      c.cctx = new ZstdCompressCtx().setLevel(level).setChecksum(checksum).setContentSize(true);
    }
    long bound = Zstd.compressBound(len);
    byte[] dst = out.ensureSpace((int) Math.min(bound, Integer.MAX_VALUE - 16));
    try {
      int n = c.cctx.compressByteArray(dst, 0, dst.length, src, off, len);
      out.setSize(n);
    } catch (RuntimeException e) {
      throw new IOException("zstandard compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize) throws IOException {
    CodecSupport.checkArgs(src, off, len, out, maxSize);
    out.reset();
    if (len == 0) {
      return; // Apache Avro's ZstandardCodec decodes an empty block as empty
    }
    long declared = frameContentSize(src, off, len);
    if (declared >= 0 && declared <= maxSize && isSingleFrame(src, off, len)) {
      decompressFrame(src, off, len, out, (int) declared);
    } else {
      // No size declared, several frames, or a declared size above the limit: a damaged header can declare any
      // size, so decode (at most maxSize bytes) to tell a block that is really too large from a corrupt one.
      try {
        decompressStream(src, off, len, out, maxSize);
      } catch (LimitExceededException e) {
        throw declared > maxSize ? CodecSupport.tooLarge(maxSize, declared) : e;
      }
    }
  }

  /** The content size the first frame declares, or a negative number when it declares none or is malformed. */
  private static long frameContentSize(byte[] src, int off, int len) {
    try {
      return Zstd.getFrameContentSize(src, off, len);
    } catch (RuntimeException e) {
      return -2;
    }
  }

  private static boolean isSingleFrame(byte[] src, int off, int len) {
    try {
      return Zstd.findFrameCompressedSize(src, off, len) == len;
    } catch (RuntimeException e) {
      return false; // let the streaming decoder report the problem
    }
  }

  private void decompressFrame(byte[] src, int off, int len, GrowableBytes out, int size) throws IOException {
    Contexts c = contexts();
    if (c.dctx == null) {
      c.dctx = new ZstdDecompressCtx();
    }
    byte[] dst = out.ensureSpace(size);
    int n;
    try {
      n = c.dctx.decompressByteArray(dst, 0, size, src, off, len);
    } catch (RuntimeException e) {
      c.dctx.reset();
      throw CodecSupport.corrupt("zstandard", e);
    }
    if (n != size) {
      throw new CorruptDataException("zstandard block is corrupt: its frame declares " + size
          + " bytes but holds " + n);
    }
    out.setSize(n);
  }

  private static void decompressStream(byte[] src, int off, int len, GrowableBytes out, int maxSize)
      throws IOException {
    try (ZstdInputStreamNoFinalizer in =
        new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(src, off, len), RecyclingBufferPool.INSTANCE)) {
      CodecSupport.drain(in, out, maxSize, CodecSupport.sizeHint(len));
    } catch (AvroDataException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      throw msg.contains("truncated") ? CodecSupport.truncated("zstandard", e) : CodecSupport.corrupt("zstandard", e);
    }
  }

  private Contexts contexts() {
    if (contexts == null) {
      contexts = new Contexts();
      cleanable = CodecSupport.CLEANER.register(this, contexts);
    }
    return contexts;
  }

  @Override
  public Codec newInstance() {
    return new ZstandardCodec(level, checksum);
  }

  @Override
  public void close() {
    if (cleanable != null) {
      cleanable.clean();
      cleanable = null;
      contexts = null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ZstandardCodec other && other.level == level && other.checksum == checksum;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * ZstandardCodec.class.hashCode() + level) + Boolean.hashCode(checksum);
  }

  @Override
  public String toString() {
    return "zstandard(level=" + level + ", checksum=" + checksum + ")";
  }

  /** The native contexts; must not refer to the codec, so that the cleaner can run. */
  private static final class Contexts implements Runnable {
    ZstdCompressCtx cctx;
    ZstdDecompressCtx dctx;

    @Override
    public void run() {
      if (cctx != null) {
        cctx.close();
        cctx = null;
      }
      if (dctx != null) {
        dctx.close();
        dctx = null;
      }
    }
  }
}
