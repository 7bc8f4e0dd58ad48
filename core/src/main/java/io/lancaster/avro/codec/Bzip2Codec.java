package io.lancaster.avro.codec;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.io.GrowableBytes;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The "bzip2" codec, with commons-compress and its default (largest, 900 KB) block size, as Apache Avro writes it.
 * Like Apache Avro, it reads the first bzip2 stream of a block and ignores anything after it. Stateless apart from
 * the streams of one call; not meant for concurrent use all the same.
 */
public final class Bzip2Codec implements Codec {
  Bzip2Codec() {}

  @Override
  public String name() {
    return CodecFactory.BZIP2;
  }

  @Override
  public void compress(byte[] src, int off, int len, GrowableBytes out) throws IOException {
    CodecSupport.checkArgs(src, off, len, out);
    out.reset();
    try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
      bz.write(src, off, len);
    }
  }

  @Override
  public void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize) throws IOException {
    CodecSupport.checkArgs(src, off, len, out, maxSize);
    out.reset();
    try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(src, off, len))) {
      CodecSupport.drain(in, out, maxSize, CodecSupport.sizeHint(len));
    } catch (AvroDataException e) {
      throw e;
    } catch (EOFException e) {
      throw CodecSupport.truncated("bzip2", e);
    } catch (IOException | RuntimeException e) {
      String msg = String.valueOf(e.getMessage());
      throw msg.contains("nexpected end") ? CodecSupport.truncated("bzip2", e) : CodecSupport.corrupt("bzip2", e);
    }
  }

  @Override
  public Codec newInstance() {
    return new Bzip2Codec();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bzip2Codec;
  }

  @Override
  public int hashCode() {
    return Bzip2Codec.class.hashCode();
  }

  @Override
  public String toString() {
    return "bzip2";
  }
}
