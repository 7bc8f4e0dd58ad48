package io.lancaster.avro.codec;

import static io.lancaster.avro.codec.CodecTestData.MIB;
import static io.lancaster.avro.codec.CodecTestData.NO_LIMIT;
import static io.lancaster.avro.codec.CodecTestData.compress;
import static io.lancaster.avro.codec.CodecTestData.compressible;
import static io.lancaster.avro.codec.CodecTestData.decompress;
import static io.lancaster.avro.codec.CodecTestData.mixed;
import static io.lancaster.avro.codec.CodecTestData.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecTestData.Config;
import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every codec decompresses what it compressed, for edge-case and realistic inputs, block after block. */
class CodecRoundTripTest {
  static List<Config> codecs() {
    return CodecTestData.allCodecs();
  }

  /** Compresses and decompresses with one codec, into output buffers that hold stale bytes beforehand. */
  private static byte[] roundTrip(Codec codec, byte[] src, int off, int len) throws IOException {
    GrowableBytes compressed = new GrowableBytes(16);
    compressed.write(new byte[] {9, 9, 9});
    codec.compress(src, off, len, compressed);
    GrowableBytes restored = new GrowableBytes(16);
    restored.write(new byte[] {7, 7, 7, 7, 7});
    codec.decompress(compressed.array(), 0, compressed.size(), restored, NO_LIMIT);
    return restored.toByteArray();
  }

  private static byte[] roundTrip(Codec codec, byte[] data) throws IOException {
    return roundTrip(codec, data, 0, data.length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void emptyInput(Config config) throws IOException {
    assertThat(roundTrip(config.create(), new byte[0])).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void oneByte(Config config) throws IOException {
    assertThat(roundTrip(config.create(), new byte[] {42})).containsExactly(42);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void randomIncompressibleMebibyte(Config config) throws IOException {
    byte[] data = random(1, MIB);
    assertThat(roundTrip(config.create(), data)).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void highlyCompressibleData(Config config) throws IOException {
    Codec codec = config.create();
    byte[] data = compressible(MIB);
    assertThat(roundTrip(codec, data)).isEqualTo(data);
    byte[] zeros = new byte[MIB];
    assertThat(roundTrip(codec, zeros)).isEqualTo(zeros);
    if (!codec.name().equals("null") && !config.label().equals("deflate(0)")) {
      assertThat(compress(codec, data).length).isLessThan(data.length / 10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void rangeInsideLargerArray(Config config) throws IOException {
    byte[] data = mixed(2, 200_000);
    byte[] restored = roundTrip(config.create(), data, 1234, 150_000);
    assertThat(restored).isEqualTo(Arrays.copyOfRange(data, 1234, 1234 + 150_000));

    // and decompressing from the middle of a larger array
    Codec codec = config.create();
    byte[] compressed = compress(codec, Arrays.copyOfRange(data, 0, 50_000));
    byte[] padded = new byte[compressed.length + 20];
    Arrays.fill(padded, (byte) 0x5a);
    System.arraycopy(compressed, 0, padded, 7, compressed.length);
    GrowableBytes out = new GrowableBytes();
    codec.decompress(padded, 7, compressed.length, out, NO_LIMIT);
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 0, 50_000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void oneInstanceServesManyBlocks(Config config) throws IOException {
    Codec codec = config.create();
    Random r = new Random(3);
    List<byte[]> blocks = new ArrayList<>();
    List<byte[]> compressed = new ArrayList<>();
    GrowableBytes buf = new GrowableBytes();
    for (int i = 0; i < 40; i++) {
      int size = i % 10 == 0 ? 0 : r.nextInt(i % 3 == 0 ? 200_000 : 5_000);
      byte[] block = switch (i % 3) {
        case 0 -> compressible(size);
        case 1 -> random(i, size);
        default -> mixed(i, size);
      };
      blocks.add(block);
      codec.compress(block, 0, block.length, buf); // the same output buffer for every block
      compressed.add(buf.toByteArray());
      if (i > 0) { // interleave: decompress the previous block with the same instance
        assertThat(decompress(codec, compressed.get(i - 1), NO_LIMIT)).isEqualTo(blocks.get(i - 1));
      }
    }
    GrowableBytes out = new GrowableBytes();
    for (int i = blocks.size() - 1; i >= 0; i--) {
      byte[] c = compressed.get(i);
      codec.decompress(c, 0, c.length, out, NO_LIMIT);
      assertThat(out.toByteArray()).as("block %d", i).isEqualTo(blocks.get(i));
    }
    // reuse leaves no state behind: a fresh instance writes the very same bytes
    for (int i = 0; i < blocks.size(); i += 7) {
      assertThat(compress(codec.newInstance(), blocks.get(i))).as("block %d", i).isEqualTo(compressed.get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void newInstanceAndClose(Config config) throws IOException {
    Codec codec = config.create();
    Codec copy = codec.newInstance();
    assertThat(copy).isNotSameAs(codec).isEqualTo(codec).hasSameHashCodeAs(codec);
    assertThat(copy.name()).isEqualTo(codec.name());
    byte[] data = mixed(4, 70_000);
    assertThat(roundTrip(codec, data)).isEqualTo(data);
    codec.close();
    assertThat(roundTrip(codec, data)).isEqualTo(data); // usable again after close
    codec.close();
    codec.close();
  }
}
