package io.lancaster.avro.codec;

import static io.lancaster.avro.codec.CodecTestData.MIB;
import static io.lancaster.avro.codec.CodecTestData.compress;
import static io.lancaster.avro.codec.CodecTestData.decompress;
import static io.lancaster.avro.codec.CodecTestData.mixed;
import static io.lancaster.avro.codec.CodecTestData.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdOutputStream;
import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.codec.CodecTestData.Config;
import io.lancaster.avro.io.GrowableBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;
import org.xerial.snappy.Snappy;

/**
 * Hostile and damaged blocks: decompression bombs stop at the limit without allocating the bomb's size, and
 * garbage, damaged checksums and truncated blocks raise {@link CorruptDataException} instead of hanging or
 * returning a short block.
 */
class HostileCodecInputTest {
  // 64 MiB: far past the limit, yet small enough to build in the 256 MiB heap these tests run in.
  private static final int BOMB_SIZE = 64 * MIB;
  private static final int LIMIT = MIB;
  private static final Duration QUICKLY = Duration.ofSeconds(10);

  /** Codec label → a block that expands to {@link #BOMB_SIZE} zero bytes. */
  private static final List<Arguments> BOMBS = new ArrayList<>();

  @BeforeAll
  static void makeBombs() throws IOException {
    BOMBS.add(Arguments.of("deflate", CodecFactory.deflate(-1),
        streamZeros(out -> new DeflaterOutputStream(out, new Deflater(9, true), 1 << 16))));
    BOMBS.add(Arguments.of("zstandard (streamed, no declared size)", CodecFactory.zstandard(3, false),
        streamZeros(out -> new ZstdOutputStream(out, 3))));
    BOMBS.add(Arguments.of("bzip2", CodecFactory.bzip2(), streamZeros(BZip2CompressorOutputStream::new)));
    BOMBS.add(Arguments.of("xz", CodecFactory.xz(6), streamZeros(out -> new XZOutputStream(out, new LZMA2Options(1)))));
    byte[] zeros = new byte[BOMB_SIZE];
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      BOMBS.add(Arguments.of("zstandard (one frame, declared size)", CodecFactory.zstandard(3, false),
          ctx.setLevel(3).setContentSize(true).compress(zeros)));
    }
    BOMBS.add(Arguments.of("snappy", CodecFactory.snappy(), compress(CodecFactory.snappy(), zeros)));
  }

  interface StreamFactory {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] streamZeros(StreamFactory factory) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] chunk = new byte[MIB];
    try (OutputStream out = factory.wrap(bytes)) {
      for (int i = 0; i < BOMB_SIZE / MIB; i++) {
        out.write(chunk);
      }
    }
    return bytes.toByteArray();
  }

  static List<Arguments> bombs() {
    return BOMBS;
  }

  static List<Config> compressingCodecs() {
    return CodecTestData.compressingCodecs();
  }

  static List<Config> allCodecs() {
    return CodecTestData.allCodecs();
  }

  private static <T> T quickly(ThrowingSupplier<T> action) {
    return assertTimeoutPreemptively(QUICKLY, action);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void bombStopsAtTheLimitWithoutAllocatingItsSize(String label, Codec codec, byte[] bomb) {
    assertThat(bomb.length).isLessThan(BOMB_SIZE / 20);
    GrowableBytes out = new GrowableBytes();
    Throwable thrown = quickly(() -> {
      try {
        codec.decompress(bomb, 0, bomb.length, out, LIMIT);
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    assertThat(thrown).isInstanceOf(LimitExceededException.class).hasMessageContaining("maxDecompressedBlockSize");
    LimitExceededException e = (LimitExceededException) thrown;
    assertThat(e.limit()).isEqualTo("maxDecompressedBlockSize");
    assertThat(e.limitValue()).isEqualTo(LIMIT);
    assertThat(e.requested()).isGreaterThan(LIMIT).isLessThanOrEqualTo(BOMB_SIZE);
    assertThat(out.array().length).as("output capacity").isLessThanOrEqualTo(2 * LIMIT + 16);
    assertThat(out.size()).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void snappyBombIsRefusedByItsDeclaredSize() throws IOException {
    byte[] bomb = (byte[]) bombs().stream().filter(a -> a.get()[0].equals("snappy")).findFirst().orElseThrow()
        .get()[2];
    assertThatThrownBy(() -> decompress(CodecFactory.snappy(), bomb, LIMIT))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.requested()).isEqualTo(BOMB_SIZE));
    // a damaged header that claims more than the limit, in a block that could be that large, is corrupt
    byte[] damaged = compress(CodecFactory.snappy(), random(14, 100_000));
    byte[] varint = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x01}; // 2 MiB
    byte[] lying = new byte[damaged.length + 1];
    System.arraycopy(varint, 0, lying, 0, 4);
    System.arraycopy(damaged, 3, lying, 4, damaged.length - 3); // 100000 takes 3 varint bytes
    assertThatThrownBy(() -> decompress(CodecFactory.snappy(), lying, LIMIT))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("does not decode to the 2097152 bytes");
    // a header that claims 200 MiB in a handful of bytes is impossible, hence corrupt
    byte[] lie = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x64, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> decompress(CodecFactory.snappy(), lie, Integer.MAX_VALUE - 8))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("snappy");
  }

  @Test
  void nullCodecHonoursTheLimit() {
    byte[] block = new byte[LIMIT + 1];
    assertThatThrownBy(() -> decompress(CodecFactory.nullCodec(), block, LIMIT))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.requested()).isEqualTo(LIMIT + 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCodecs")
  void blockOfExactlyTheLimitPassesAndOneByteMoreFails(Config config) throws IOException {
    Codec codec = config.create();
    for (byte[] data : List.of(new byte[LIMIT], mixed(5, LIMIT))) {
      byte[] compressed = compress(codec, data);
      assertThat(decompress(codec, compressed, LIMIT)).isEqualTo(data);
      assertThatThrownBy(() -> decompress(codec, compressed, LIMIT - 1))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.requested()).isGreaterThanOrEqualTo(LIMIT));
      // the codec is still fine after a refused block
      assertThat(decompress(codec, compressed, LIMIT)).isEqualTo(data);
    }
    byte[] empty = compress(codec, new byte[0]);
    assertThat(decompress(codec, empty, 0)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compressingCodecs")
  void garbageIsCorrupt(Config config) {
    Codec codec = config.create();
    for (int seed = 0; seed < 50; seed++) {
      byte[] garbage = random(seed, 1 + seed * 37);
      Throwable thrown = quickly(() -> {
        try {
          decompress(codec, garbage, 16 * MIB);
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      assertThat(thrown).as("seed %d", seed).isInstanceOf(CorruptDataException.class)
          .hasMessageContaining(codec.name());
    }
  }

  /** Garbage behind a genuine header (magic bytes, stream flags, declared sizes) gets past the first checks. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("compressingCodecs")
  void garbageAfterAValidHeaderIsCorrupt(Config config) throws IOException {
    Codec codec = config.create();
    byte[] valid = compress(codec, mixed(13, 100_000));
    for (int header = 1; header <= 16; header++) {
      for (int seed = 0; seed < 10; seed++) {
        byte[] block = random(1000L * header + seed, header + 100 + seed * 300);
        System.arraycopy(valid, 0, block, 0, header);
        Throwable thrown = quickly(() -> {
          try {
            decompress(codec, block, 16 * MIB);
            return null;
          } catch (Throwable t) {
            return t;
          }
        });
        assertThat(thrown).as("%d header bytes, seed %d", header, seed).isInstanceOf(CorruptDataException.class)
            .hasMessageContaining(codec.name());
      }
    }
  }

  @Test
  void snappyChecksumMismatchIsCorrupt() throws IOException {
    Codec codec = CodecFactory.snappy();
    byte[] data = mixed(6, 10_000);
    byte[] compressed = compress(codec, data);
    for (int i = 1; i <= 4; i++) {
      byte[] damaged = compressed.clone();
      damaged[damaged.length - i] ^= 0x10;
      assertThatThrownBy(() -> decompress(codec, damaged, MIB)).isInstanceOf(CorruptDataException.class)
          .hasMessageContaining("snappy block checksum mismatch");
    }
    assertThat(decompress(codec, compressed, MIB)).isEqualTo(data);
  }

  /** Codecs whose format carries a checksum of the data detect a flipped bit anywhere in the block. */
  @Test
  void damagedBlocksOfCheckedFormatsAreCorrupt() throws IOException {
    byte[] data = mixed(7, 100_000);
    for (Codec codec : List.of(CodecFactory.snappy(), CodecFactory.bzip2(), CodecFactory.xz(6),
        CodecFactory.zstandard(3, true))) {
      byte[] compressed = compress(codec, data);
      for (int pos = compressed.length / 7; pos < compressed.length; pos += compressed.length / 7) {
        byte[] damaged = compressed.clone();
        damaged[pos] ^= 0x04;
        int at = pos;
        assertThatThrownBy(() -> decompress(codec, damaged, MIB)).as("%s, byte %d", codec, at)
            .isInstanceOf(CorruptDataException.class);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compressingCodecs")
  void truncatedBlockIsCorrupt(Config config) throws IOException {
    Codec codec = config.create();
    for (byte[] data : List.of(mixed(8, 300_000), new byte[100_000], random(9, 1000), new byte[] {1, 2, 3})) {
      byte[] compressed = compress(codec, data);
      List<Integer> cuts = new ArrayList<>(List.of(1, 2, compressed.length / 2, compressed.length - 2,
          compressed.length - 1));
      for (int cut : cuts) {
        if (cut <= 0 || cut >= compressed.length) {
          continue;
        }
        byte[] truncated = Arrays.copyOf(compressed, cut);
        Throwable thrown = quickly(() -> {
          try {
            decompress(codec, truncated, 16 * MIB);
            return null;
          } catch (Throwable t) {
            return t;
          }
        });
        assertThat(thrown).as("%s: %d of %d bytes", codec, cut, compressed.length)
            .isInstanceOf(CorruptDataException.class).hasMessageContaining(codec.name());
      }
    }
  }

  @Test
  void truncatedDeflateSaysTruncated() throws IOException {
    Codec codec = CodecFactory.deflate(6);
    byte[] compressed = compress(codec, mixed(10, 50_000));
    assertThatThrownBy(() -> decompress(codec, Arrays.copyOf(compressed, compressed.length - 1), MIB))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("deflate block is truncated");
  }

  @Test
  void xzRefusesBlocksNeedingTooMuchMemory() throws IOException {
    byte[] compressed = compress(CodecFactory.xz(6), mixed(11, 10_000)); // level 6: 8 MiB dictionary
    assertThatThrownBy(() -> decompress(CodecFactory.xz(6, 4 * 1024), compressed, MIB))
        .isInstanceOf(AvroDataException.class).hasMessageContaining("xz block needs");
  }
}
