package io.lancaster.avro.codec;

import static io.lancaster.avro.codec.CodecTestData.MIB;
import static io.lancaster.avro.codec.CodecTestData.NO_LIMIT;
import static io.lancaster.avro.codec.CodecTestData.apache;
import static io.lancaster.avro.codec.CodecTestData.bytes;
import static io.lancaster.avro.codec.CodecTestData.compress;
import static io.lancaster.avro.codec.CodecTestData.compressible;
import static io.lancaster.avro.codec.CodecTestData.decompress;
import static io.lancaster.avro.codec.CodecTestData.mixed;
import static io.lancaster.avro.codec.CodecTestData.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.file.CodecFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Blocks compressed by Apache Avro 1.12.1's codecs decompress in Lancaster's, and the other way round. */
class CodecInteropTest {
  /** A Lancaster codec and the Apache Avro codec configured the same way. */
  record Pair(String label, Supplier<Codec> ours, Supplier<org.apache.avro.file.Codec> theirs) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Pair> pairs() {
    return List.of(
        new Pair("null", io.lancaster.avro.codec.CodecFactory::nullCodec, () -> apache(CodecFactory.nullCodec())),
        new Pair("deflate(-1)", () -> io.lancaster.avro.codec.CodecFactory.deflate(-1),
            () -> apache(CodecFactory.deflateCodec(-1))),
        new Pair("deflate(1)", () -> io.lancaster.avro.codec.CodecFactory.deflate(1),
            () -> apache(CodecFactory.deflateCodec(1))),
        new Pair("deflate(9)", () -> io.lancaster.avro.codec.CodecFactory.deflate(9),
            () -> apache(CodecFactory.deflateCodec(9))),
        new Pair("snappy", io.lancaster.avro.codec.CodecFactory::snappy, () -> apache(CodecFactory.snappyCodec())),
        new Pair("zstandard(3)", () -> io.lancaster.avro.codec.CodecFactory.zstandard(3, false),
            () -> apache(CodecFactory.zstandardCodec(3, false, false))),
        new Pair("zstandard(-3,checksum)", () -> io.lancaster.avro.codec.CodecFactory.zstandard(-3, true),
            () -> apache(CodecFactory.zstandardCodec(-3, true, false))),
        new Pair("zstandard(19,checksum,bufferpool)", () -> io.lancaster.avro.codec.CodecFactory.zstandard(19, true),
            () -> apache(CodecFactory.zstandardCodec(19, true, true))),
        new Pair("bzip2", io.lancaster.avro.codec.CodecFactory::bzip2, () -> apache(CodecFactory.bzip2Codec())),
        new Pair("xz(0)", () -> io.lancaster.avro.codec.CodecFactory.xz(0), () -> apache(CodecFactory.xzCodec(0))),
        new Pair("xz(6)", () -> io.lancaster.avro.codec.CodecFactory.xz(6), () -> apache(CodecFactory.xzCodec(6))));
  }

  static List<Arguments> inputs() {
    List<Arguments> args = new ArrayList<>();
    for (Pair p : pairs()) {
      args.add(Arguments.of(p, "empty", new byte[0]));
      args.add(Arguments.of(p, "1 byte", new byte[] {-7}));
      args.add(Arguments.of(p, "random 1 MiB", random(11, MIB)));
      args.add(Arguments.of(p, "compressible 1 MiB", compressible(MIB)));
      args.add(Arguments.of(p, "mixed 300 KB", mixed(12, 300_000)));
    }
    return args;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("inputs")
  void apacheCompressesLancasterDecompresses(Pair pair, String label, byte[] data) throws IOException {
    byte[] compressed = bytes(pair.theirs().get().compress(ByteBuffer.wrap(data)));
    assertThat(decompress(pair.ours().get(), compressed, NO_LIMIT)).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("inputs")
  void lancasterCompressesApacheDecompresses(Pair pair, String label, byte[] data) throws IOException {
    byte[] compressed = compress(pair.ours().get(), data);
    assertThat(bytes(pair.theirs().get().decompress(ByteBuffer.wrap(compressed)))).isEqualTo(data);
  }

  @Test
  void namesMatchApacheAvro() {
    for (Pair p : pairs()) {
      assertThat(p.ours().get().name()).as(p.label()).isEqualTo(p.theirs().get().getName());
      assertThat(io.lancaster.avro.codec.CodecFactory.forName(p.theirs().get().getName()).name())
          .isEqualTo(p.ours().get().name());
    }
  }

  @Test
  void apacheBlocksDecompressWithOneReusedInstance() throws IOException {
    for (Pair p : pairs()) {
      Codec ours = p.ours().get();
      org.apache.avro.file.Codec theirs = p.theirs().get();
      for (int i = 0; i < 12; i++) {
        byte[] data = i % 2 == 0 ? mixed(100 + i, 1000 * i * i) : compressible(7000 * i);
        byte[] compressed = bytes(theirs.compress(ByteBuffer.wrap(data)));
        assertThat(decompress(ours, compressed, NO_LIMIT)).as("%s block %d", p.label(), i).isEqualTo(data);
      }
    }
  }
}
