package io.lancaster.avro.codec;

import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;

/**
 * A compression codec of Avro object container files: it compresses and decompresses whole data blocks.
 *
 * <p>A codec instance keeps reusable state between blocks (a {@code Deflater}, a zstd context, a checksum, cached
 * buffers), so it is <b>not thread-safe</b>: one reader or writer uses it at a time. Get an independent instance
 * with {@link #newInstance()} or from {@link CodecFactory}. {@link #close()} releases native resources early; a
 * closed codec may still be used and acquires them again.
 *
 * <p>Decompression never produces more than the {@code maxSize} the caller allows and never allocates much beyond
 * it: a block that would exceed it raises {@link io.lancaster.avro.LimitExceededException} for the limit
 * {@code maxDecompressedBlockSize}. Malformed or truncated input raises {@link io.lancaster.avro.CorruptDataException}
 * naming the codec.
 */
public interface Codec extends AutoCloseable {
  /** The value of the {@code avro.codec} file metadata: "null", "deflate", "snappy", "zstandard", "bzip2" or "xz". */
  String name();

  /**
   * Compresses {@code src[off, off + len)} into {@code out}, which is reset first and afterwards holds exactly the
   * compressed block in {@code [0, out.size())}.
   */
  void compress(byte[] src, int off, int len, GrowableBytes out) throws IOException;

  /**
   * Decompresses the block {@code src[off, off + len)} into {@code out}, which is reset first and afterwards holds
   * exactly the decompressed bytes.
   *
   * @param maxSize the most decompressed bytes allowed, normally {@code ReadLimits.maxDecompressedBlockSize()}
   * @throws io.lancaster.avro.LimitExceededException if the block decompresses to more than {@code maxSize}
   * @throws io.lancaster.avro.CorruptDataException if the block is malformed, truncated or fails its checksum
   */
  void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize) throws IOException;

  /** A new, independent codec with the same name and settings. */
  Codec newInstance();

  /** Releases native resources held for reuse. The codec stays usable. */
  @Override
  default void close() {}
}
