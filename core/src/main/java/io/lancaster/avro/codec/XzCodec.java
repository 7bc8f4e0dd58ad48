package io.lancaster.avro.codec;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.io.GrowableBytes;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.MemoryLimitException;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The "xz" codec: an .xz stream with one LZMA2 filter of the given preset level and a CRC64 check, as Apache Avro
 * writes it. Decoding checks the integrity check and refuses streams whose decoder would need more memory than
 * {@link #memoryLimitKiB()}. Keeps an array cache so that the large LZMA buffers are reused across blocks; not
 * thread-safe.
 */
public final class XzCodec implements Codec {
  /** Decoder memory limit used unless another is given: 256 MiB, enough for every preset (level 9 needs 65 MiB). */
  public static final int DEFAULT_MEMORY_LIMIT_KIB = 256 * 1024;

  private final int level;
  private final int memoryLimitKiB;
  private final LZMA2Options options;
  private final BasicArrayCache cache = new BasicArrayCache();

  XzCodec(int level, int memoryLimitKiB) {
    this.level = CodecFactory.checkLevel("xz", level, 0, 9);
    if (memoryLimitKiB <= 0) {
      throw new IllegalArgumentException("xz memory limit must be positive, got " + memoryLimitKiB + " KiB");
    }
    this.memoryLimitKiB = memoryLimitKiB;
    try {
      this.options = new LZMA2Options(level);
    } catch (UnsupportedOptionsException e) {
      throw new IllegalArgumentException("xz level " + level + " is not supported", e);
    }
  }

  /** The LZMA2 preset level, 0 to 9. */
  public int level() {
    return level;
  }

  /** The most memory, in KiB, that decoding one block may need. */
  public int memoryLimitKiB() {
    return memoryLimitKiB;
  }

  @Override
  public String name() {
    return CodecFactory.XZ;
  }

  @Override
  public void compress(byte[] src, int off, int len, GrowableBytes out) throws IOException {
    CodecSupport.checkArgs(src, off, len, out);
    out.reset();
    try (XZOutputStream xz = new XZOutputStream(out, options, XZ.CHECK_CRC64, cache)) {
      xz.write(src, off, len);
    }
  }

  @Override
  public void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize) throws IOException {
    CodecSupport.checkArgs(src, off, len, out, maxSize);
    out.reset();
    try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(src, off, len), memoryLimitKiB, true, cache)) {
      CodecSupport.drain(in, out, maxSize, CodecSupport.sizeHint(len));
    } catch (AvroDataException e) {
      throw e;
    } catch (MemoryLimitException e) {
      throw new AvroDataException("xz block needs " + e.getMemoryNeeded() + " KiB of memory to decompress, more "
          + "than the limit of " + e.getMemoryLimit() + " KiB", e);
    } catch (EOFException e) {
      throw CodecSupport.truncated("xz", e);
    } catch (IOException | RuntimeException e) {
      throw CodecSupport.corrupt("xz", e);
    }
  }

  @Override
  public Codec newInstance() {
    return new XzCodec(level, memoryLimitKiB);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XzCodec other && other.level == level && other.memoryLimitKiB == memoryLimitKiB;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * XzCodec.class.hashCode() + level) + memoryLimitKiB;
  }

  @Override
  public String toString() {
    return "xz(level=" + level + ")";
  }
}
