package io.lancaster.avro.codec;

import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Test inputs, codec configurations and Apache Avro access shared by the codec tests. */
final class CodecTestData {
  static final int MIB = 1 << 20;
  static final int NO_LIMIT = Integer.MAX_VALUE - 8;

  private CodecTestData() {}

  /** A codec configuration under test, with a readable label for parameterized test names. */
  record Config(String label, Supplier<Codec> factory) {
    Codec create() {
      return factory.get();
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static List<Config> allCodecs() {
    return List.of(
        new Config("null", CodecFactory::nullCodec),
        new Config("deflate(-1)", () -> CodecFactory.deflate(-1)),
        new Config("deflate(0)", () -> CodecFactory.deflate(0)),
        new Config("deflate(1)", () -> CodecFactory.deflate(1)),
        new Config("deflate(9)", () -> CodecFactory.deflate(9)),
        new Config("snappy", CodecFactory::snappy),
        new Config("zstandard(3)", () -> CodecFactory.zstandard(3, false)),
        new Config("zstandard(-5)", () -> CodecFactory.zstandard(-5, false)),
        new Config("zstandard(19,checksum)", () -> CodecFactory.zstandard(19, true)),
        new Config("bzip2", CodecFactory::bzip2),
        new Config("xz(0)", () -> CodecFactory.xz(0)),
        new Config("xz(6)", () -> CodecFactory.xz(6)));
  }

  /** One configuration of each codec that really compresses. */
  static List<Config> compressingCodecs() {
    return List.of(
        new Config("deflate", () -> CodecFactory.deflate(-1)),
        new Config("snappy", CodecFactory::snappy),
        new Config("zstandard", () -> CodecFactory.zstandard(3, false)),
        new Config("bzip2", CodecFactory::bzip2),
        new Config("xz", () -> CodecFactory.xz(6)));
  }

  static byte[] random(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Text-like data that compresses very well, like a block of similar records. */
  static byte[] compressible(int n) {
    byte[] out = new byte[n];
    int pos = 0;
    for (int i = 0; pos < n; i++) {
      byte[] line = ("{\"id\": " + (i % 1000) + ", \"name\": \"lancaster\", \"tags\": [\"a\", \"b\"]}\n")
          .getBytes(StandardCharsets.US_ASCII);
      int k = Math.min(line.length, n - pos);
      System.arraycopy(line, 0, out, pos, k);
      pos += k;
    }
    return out;
  }

  /** Alternating runs of random and repetitive bytes. */
  static byte[] mixed(long seed, int n) {
    Random r = new Random(seed);
    byte[] out = new byte[n];
    int pos = 0;
    while (pos < n) {
      int run = Math.min(n - pos, 1 + r.nextInt(4096));
      if (r.nextBoolean()) {
        byte[] chunk = new byte[run];
        r.nextBytes(chunk);
        System.arraycopy(chunk, 0, out, pos, run);
      } else {
        java.util.Arrays.fill(out, pos, pos + run, (byte) r.nextInt(4));
      }
      pos += run;
    }
    return out;
  }

  static byte[] compress(Codec codec, byte[] data) throws IOException {
    GrowableBytes out = new GrowableBytes();
    codec.compress(data, 0, data.length, out);
    return out.toByteArray();
  }

  static byte[] decompress(Codec codec, byte[] data, int maxSize) throws IOException {
    GrowableBytes out = new GrowableBytes();
    codec.decompress(data, 0, data.length, out, maxSize);
    return out.toByteArray();
  }

  /** Apache Avro's codec for the factory (CodecFactory.createInstance is protected, hence reflection). */
  static org.apache.avro.file.Codec apache(org.apache.avro.file.CodecFactory factory) {
    try {
      Method m = org.apache.avro.file.CodecFactory.class.getDeclaredMethod("createInstance");
      m.setAccessible(true);
      return (org.apache.avro.file.Codec) m.invoke(factory);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
