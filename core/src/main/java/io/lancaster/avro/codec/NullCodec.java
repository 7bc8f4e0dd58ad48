package io.lancaster.avro.codec;

import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.io.GrowableBytes;

/** The "null" codec: blocks are stored uncompressed. Stateless, so one instance could be shared, but need not be. */
public final class NullCodec implements Codec {
  NullCodec() {}

  @Override
  public String name() {
    return CodecFactory.NULL;
  }

  @Override
  public void compress(byte[] src, int off, int len, GrowableBytes out) {
    CodecSupport.checkArgs(src, off, len, out);
    out.reset();
    out.write(src, off, len);
  }

  @Override
  public void decompress(byte[] src, int off, int len, GrowableBytes out, int maxSize)
      throws LimitExceededException {
    CodecSupport.checkArgs(src, off, len, out, maxSize);
    out.reset();
    if (len > maxSize) {
      throw CodecSupport.tooLarge(maxSize, len);
    }
    out.write(src, off, len);
  }

  @Override
  public Codec newInstance() {
    return new NullCodec();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NullCodec;
  }

  @Override
  public int hashCode() {
    return NullCodec.class.hashCode();
  }

  @Override
  public String toString() {
    return "null";
  }
}
