package io.lancaster.avro.codec;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;
import java.util.zip.CRC32;
import org.xerial.snappy.Snappy;

/**
 * The "snappy" codec: a raw Snappy block followed by the 4-byte big-endian CRC32 of the uncompressed data. The
 * uncompressed length Snappy declares is checked, before anything is allocated, against what the compressed size
 * can possibly expand to and against the limit (a block declaring more than the limit is validated without output,
 * so that a damaged header is reported as corrupt rather than as too large). Keeps a {@link CRC32} for reuse; not thread-safe.
 */
public final class SnappyCodec implements Codec {
  /**
   * Snappy's largest expansion: a 3-byte copy element yields at most 64 bytes, so {@code n} compressed bytes
   * never decompress to more than {@code 22 n}.
   */
  private static final int MAX_EXPANSION = 22;

  private final CRC32 crc = new CRC32();

  SnappyCodec() {}

  @Override
  public String name() {
    return CodecFactory.SNAPPY;
  }

  @Override
  public void compress(byte[] src, int off, int len, GrowableBytes out) throws IOException {
    CodecSupport.checkArgs(src, off, len, out);
    out.reset();
    byte[] dst = out.ensureSpace(Snappy.maxCompressedLength(len) + 4);
    int n = Snappy.compress(src, off, len, dst, 0);
    crc.reset();
    crc.update(src, off, len);
    putIntBigEndian(dst, n, (int) crc.getValue());
    out.setSize(n + 4);
  }

  @Override
  public void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize) throws IOException {
    CodecSupport.checkArgs(src, off, len, out, maxSize);
    out.reset();
    if (len < 4) {
      throw new CorruptDataException("snappy block is corrupt: " + len
          + " bytes are too few for the 4-byte checksum that ends it");
    }
    int compressed = len - 4;
    int declared;
    try {
      declared = Snappy.uncompressedLength(src, off, compressed);
    } catch (IOException | RuntimeException e) {
      throw CodecSupport.corrupt("snappy", e);
    }
    if (declared < 0 || declared > (long) compressed * MAX_EXPANSION) {
      throw new CorruptDataException("snappy block is corrupt: it declares "
          + Integer.toUnsignedString(declared) + " uncompressed bytes, impossible for " + compressed
          + " compressed bytes");
    }
    if (declared > maxSize) {
      // a damaged header may declare any size: validate (without output) to tell too large from corrupt
      if (!isValid(src, off, compressed)) {
        throw new CorruptDataException("snappy block is corrupt: its data does not decode to the " + declared
            + " bytes it declares");
      }
      throw CodecSupport.tooLarge(maxSize, declared);
    }
    byte[] dst = out.ensureSpace(declared);
    int n;
    try {
      n = Snappy.uncompress(src, off, compressed, dst, 0);
    } catch (IOException | RuntimeException e) {
      throw CodecSupport.corrupt("snappy", e);
    }
    if (n != declared) {
      throw new CorruptDataException("snappy block is corrupt: it declares " + declared
          + " uncompressed bytes but holds " + n);
    }
    out.setSize(n);
    crc.reset();
    crc.update(dst, 0, n);
    int expected = getIntBigEndian(src, off + compressed);
    if ((int) crc.getValue() != expected) {
      throw new CorruptDataException("snappy block checksum mismatch: the block says CRC32 "
          + String.format("%08x", expected) + ", its data has " + String.format("%08x", (int) crc.getValue()));
    }
  }

  private static boolean isValid(byte[] src, int off, int len) {
    try {
      return Snappy.isValidCompressedBuffer(src, off, len);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void putIntBigEndian(byte[] b, int pos, int v) {
    b[pos] = (byte) (v >>> 24);
    b[pos + 1] = (byte) (v >>> 16);
    b[pos + 2] = (byte) (v >>> 8);
    b[pos + 3] = (byte) v;
  }

  private static int getIntBigEndian(byte[] b, int pos) {
    return (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
  }

  @Override
  public Codec newInstance() {
    return new SnappyCodec();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnappyCodec;
  }

  @Override
  public int hashCode() {
    return SnappyCodec.class.hashCode();
  }

  @Override
  public String toString() {
    return "snappy";
  }
}
