package io.lancaster.avro.io;

import static io.lancaster.avro.io.TestStreams.bytes;
import static io.lancaster.avro.io.TestStreams.concat;
import static io.lancaster.avro.io.TestStreams.trickle;
import static io.lancaster.avro.io.TestStreams.varint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.LimitExceededException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BinaryEncodingTest {

  // ---------------------------------------------------------------- the spec's examples

  @Test
  void zigZagExamplesFromTheSpec() throws IOException {
    long[] values = {0, -1, 1, -2, 2, -64, 64};
    byte[][] expected = {bytes(0x00), bytes(0x01), bytes(0x02), bytes(0x03), bytes(0x04), bytes(0x7f),
        bytes(0x80, 0x01)};
    for (int i = 0; i < values.length; i++) {
      BufferEncoder ints = new BufferEncoder();
      ints.writeInt((int) values[i]);
      BufferEncoder longs = new BufferEncoder();
      longs.writeLong(values[i]);
      assertThat(ints.toByteArray()).as("int %d", values[i]).containsExactly(expected[i]);
      assertThat(longs.toByteArray()).as("long %d", values[i]).containsExactly(expected[i]);
      assertThat(new ByteArrayDecoder(expected[i]).readInt()).isEqualTo((int) values[i]);
      assertThat(new ByteArrayDecoder(expected[i]).readLong()).isEqualTo(values[i]);
    }
  }

  @Test
  void extremeVarints() throws IOException {
    assertThat(encode(e -> e.writeInt(Integer.MAX_VALUE))).containsExactly(0xfe, 0xff, 0xff, 0xff, 0x0f);
    assertThat(encode(e -> e.writeInt(Integer.MIN_VALUE))).containsExactly(0xff, 0xff, 0xff, 0xff, 0x0f);
    assertThat(encode(e -> e.writeLong(Long.MAX_VALUE)))
        .containsExactly(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    assertThat(encode(e -> e.writeLong(Long.MIN_VALUE)))
        .containsExactly(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      byte[] b = encode(e -> e.writeLong(v));
      assertThat(Varints.sizeOfLong(v)).isEqualTo(b.length);
      // exact-length input takes the bounds-checked path, padded input the unrolled one
      assertThat(new ByteArrayDecoder(b).readLong()).isEqualTo(v);
      assertThat(new ByteArrayDecoder(Arrays.copyOf(b, 20)).readLong()).isEqualTo(v);
    }
  }

  @Test
  void specStringAndRecordExamples() throws IOException {
    assertThat(encode(e -> e.writeString("foo"))).containsExactly(0x06, 0x66, 0x6f, 0x6f);
    assertThat(encode(e -> {
      e.writeLong(27);
      e.writeString("foo");
    })).containsExactly(0x36, 0x06, 0x66, 0x6f, 0x6f);
    assertThat(encode(e -> {
      e.writeArrayStart(2);
      e.writeLong(3);
      e.writeLong(27);
      e.writeArrayEnd();
    })).containsExactly(0x04, 0x06, 0x36, 0x00);
    assertThat(encode(e -> {
      e.writeIndex(1);
      e.writeString("a");
    })).containsExactly(0x02, 0x02, 0x61);
    assertThat(encode(e -> {
      e.writeArrayStart(0);
      e.writeArrayEnd();
    })).containsExactly(0x00);
  }

  // ---------------------------------------------------------------- random values, all paths

  /** One value of a random type, with how each implementation writes and reads it. */
  private record Value(String kind, Object v) {
    void write(Encoder e) throws IOException {
      switch (kind) {
        case "null" -> e.writeNull();
        case "boolean" -> e.writeBoolean((Boolean) v);
        case "int" -> e.writeInt((Integer) v);
        case "long" -> e.writeLong((Long) v);
        case "float" -> e.writeFloat((Float) v);
        case "double" -> e.writeDouble((Double) v);
        case "string" -> e.writeString((String) v);
        case "bytes" -> e.writeBytes((byte[]) v);
        case "fixed" -> e.writeFixed((byte[]) v);
        case "enum" -> e.writeEnum((Integer) v);
        default -> throw new AssertionError(kind);
      }
    }

    void writeAvro(BinaryEncoder e) throws IOException {
      switch (kind) {
        case "null" -> e.writeNull();
        case "boolean" -> e.writeBoolean((Boolean) v);
        case "int" -> e.writeInt((Integer) v);
        case "long" -> e.writeLong((Long) v);
        case "float" -> e.writeFloat((Float) v);
        case "double" -> e.writeDouble((Double) v);
        case "string" -> e.writeString((String) v);
        case "bytes" -> e.writeBytes((byte[]) v);
        case "fixed" -> e.writeFixed((byte[]) v);
        case "enum" -> e.writeEnum((Integer) v);
        default -> throw new AssertionError(kind);
      }
    }

    Object read(Decoder d) throws IOException {
      return switch (kind) {
        case "null" -> null;
        case "boolean" -> d.readBoolean();
        case "int" -> d.readInt();
        case "long" -> d.readLong();
        case "float" -> d.readFloat();
        case "double" -> d.readDouble();
        case "string" -> d.readString();
        case "bytes" -> d.readBytes();
        case "fixed" -> {
          byte[] b = new byte[((byte[]) v).length];
          d.readFixed(b, 0, b.length);
          yield b;
        }
        case "enum" -> d.readEnum();
        default -> throw new AssertionError(kind);
      };
    }

    Object readAvro(BinaryDecoder d) throws IOException {
      return switch (kind) {
        case "null" -> {
          d.readNull();
          yield null;
        }
        case "boolean" -> d.readBoolean();
        case "int" -> d.readInt();
        case "long" -> d.readLong();
        case "float" -> d.readFloat();
        case "double" -> d.readDouble();
        case "string" -> d.readString();
        case "bytes" -> {
          ByteBuffer bb = d.readBytes(null);
          byte[] b = new byte[bb.remaining()];
          bb.get(b);
          yield b;
        }
        case "fixed" -> {
          byte[] b = new byte[((byte[]) v).length];
          d.readFixed(b);
          yield b;
        }
        case "enum" -> d.readEnum();
        default -> throw new AssertionError(kind);
      };
    }

    /** The value as it comes back: unpaired surrogates were written as '?'. */
    Object expectedRead() {
      return kind.equals("string") ? new String(((String) v).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
          : v;
    }

    void assertReadBack(Object actual) {
      switch (kind) {
        case "float" -> assertThat(Float.floatToIntBits((Float) actual)).as(this::toString)
            .isEqualTo(Float.floatToIntBits((Float) v));
        case "double" -> assertThat(Double.doubleToRawLongBits((Double) actual)).as(this::toString)
            .isEqualTo(Double.doubleToRawLongBits((Double) v));
        case "bytes", "fixed" -> assertThat((byte[]) actual).as(kind).containsExactly((byte[]) v);
        default -> assertThat(actual).as(this::toString).isEqualTo(expectedRead());
      }
    }
  }

  private static final String[] KINDS =
      {"null", "boolean", "int", "long", "float", "double", "string", "bytes", "fixed", "enum"};

  static int randomInt(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> new int[] {0, -1, 1, 63, -64, 64, -65, Integer.MAX_VALUE, Integer.MIN_VALUE}[r.nextInt(9)];
      default -> r.nextInt() >> r.nextInt(32); // every varint length is equally likely
    };
  }

  static long randomLong(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> new long[] {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE,
          1L << 62, -(1L << 62)}[r.nextInt(9)];
      default -> r.nextLong() >> r.nextInt(64);
    };
  }

  static float randomFloat(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> new float[] {Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL}[r.nextInt(8)];
      case 1 -> Float.intBitsToFloat(r.nextInt()); // any bit pattern, NaN payloads included
      default -> (r.nextFloat() - 0.5f) * (float) Math.pow(10, r.nextInt(20) - 10);
    };
  }

  static double randomDouble(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> new double[] {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL}[r.nextInt(8)];
      case 1 -> Double.longBitsToDouble(r.nextLong());
      default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(200) - 100);
    };
  }

  /** Random text: ASCII, Latin-1, other BMP, astral pairs, and (when allowed) unpaired surrogates. */
  static String randomString(Random r, boolean unpairedSurrogates) {
    int len = r.nextInt(10) == 0 ? 0 : r.nextInt(r.nextInt(10) == 0 ? 2000 : 30);
    StringBuilder sb = new StringBuilder();
    int flavour = r.nextInt(4); // 0: pure ASCII, others mixed
    for (int i = 0; i < len; i++) {
      int pick = flavour == 0 ? 0 : r.nextInt(unpairedSurrogates ? 6 : 5);
      switch (pick) {
        case 0 -> sb.append((char) r.nextInt(0x80));
        case 1 -> sb.append((char) (0x80 + r.nextInt(0x780)));
        case 2 -> {
          char c = (char) (0x800 + r.nextInt(0x10000 - 0x800));
          sb.append(Character.isSurrogate(c) ? 'x' : c);
        }
        case 3 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
        case 4 -> sb.append('é');
        default -> sb.append((char) (0xD800 + r.nextInt(0x800))); // lone high or low surrogate
      }
    }
    return sb.toString();
  }

  static byte[] randomBytes(Random r) {
    byte[] b = new byte[r.nextInt(10) == 0 ? r.nextInt(20_000) : r.nextInt(40)];
    r.nextBytes(b);
    return b;
  }

  static List<Value> randomValues(long seed, int n, boolean unpairedSurrogates) {
    Random r = new Random(seed);
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String kind = KINDS[r.nextInt(KINDS.length)];
      Object v = switch (kind) {
        case "null" -> null;
        case "boolean" -> r.nextBoolean();
        case "int" -> randomInt(r);
        case "long" -> randomLong(r);
        case "float" -> randomFloat(r);
        case "double" -> randomDouble(r);
        case "string" -> randomString(r, unpairedSurrogates);
        case "bytes", "fixed" -> randomBytes(r);
        case "enum" -> r.nextInt(1000);
        default -> throw new AssertionError(kind);
      };
      values.add(new Value(kind, v));
    }
    return values;
  }

  private static byte[] encodeOurs(List<Value> values) throws IOException {
    BufferEncoder e = new BufferEncoder(new GrowableBytes(16));
    for (Value v : values) {
      v.write(e);
    }
    return e.toByteArray();
  }

  private static byte[] encodeAvro(List<Value> values) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(bos, null);
    for (Value v : values) {
      v.writeAvro(e);
    }
    e.flush();
    return bos.toByteArray();
  }

  enum Source {
    ARRAY(d -> new ByteArrayDecoder(d)),
    ARRAY_WITH_OFFSET(d -> {
      byte[] padded = concat(bytes(9, 9, 9), d, bytes(7, 7));
      return new ByteArrayDecoder(padded, 3, d.length, ReadLimits.DEFAULT);
    }),
    STREAM(d -> new InputStreamDecoder(new ByteArrayInputStream(d))),
    TRICKLING_STREAM_SMALL_BUFFER(d -> new InputStreamDecoder(trickle(d, 3), ReadLimits.DEFAULT, 64));

    final Function<byte[], Decoder> open;

    Source(Function<byte[], Decoder> open) {
      this.open = open;
    }
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void randomValuesRoundTrip(Source source) throws IOException {
    for (long seed = 0; seed < 20; seed++) {
      List<Value> values = randomValues(seed, 500, true);
      byte[] data = encodeOurs(values);
      Decoder d = source.open.apply(data);
      for (Value v : values) {
        v.assertReadBack(v.read(d));
      }
      assertThat(d.isEnd()).isTrue();
      assertThat(d.position()).isEqualTo(data.length);
    }
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void randomValuesSkip(Source source) throws IOException {
    List<Value> values = randomValues(42, 2000, false);
    byte[] data = encodeOurs(values);
    Decoder d = source.open.apply(data);
    int i = 0;
    for (Value v : values) {
      switch (v.kind()) {
        case "string" -> d.skipString();
        case "bytes" -> d.skipBytes();
        case "fixed" -> d.skipFixed(((byte[]) v.v()).length);
        default -> v.assertReadBack(v.read(d));
      }
      i++;
    }
    assertThat(i).isEqualTo(values.size());
    assertThat(d.isEnd()).isTrue();
  }

  @Test
  void sameBytesAsApacheAvro() throws IOException {
    int compared = 0;
    for (long seed = 100; seed < 140; seed++) {
      List<Value> values = randomValues(seed, 500, true);
      byte[] ours = encodeOurs(values);
      assertThat(ours).as("seed %d", seed).isEqualTo(encodeAvro(values));
      compared += values.size();
    }
    assertThat(compared).isEqualTo(20_000);
  }

  @Test
  void apacheAvroReadsWhatWeWrite() throws IOException {
    for (long seed = 200; seed < 220; seed++) {
      List<Value> values = randomValues(seed, 500, true);
      byte[] ours = encodeOurs(values);
      BinaryDecoder d = DecoderFactory.get().binaryDecoder(ours, null);
      for (Value v : values) {
        Object read = v.readAvro(d);
        if (v.kind().equals("string")) {
          read = read.toString();
        }
        v.assertReadBack(read);
      }
      assertThat(d.isEnd()).isTrue();
    }
  }

  @Test
  void weReadWhatApacheAvroWrites() throws IOException {
    for (long seed = 300; seed < 320; seed++) {
      List<Value> values = randomValues(seed, 500, true);
      byte[] avro = encodeAvro(values);
      ByteArrayDecoder d = new ByteArrayDecoder(avro);
      for (Value v : values) {
        v.assertReadBack(v.read(d));
      }
      assertThat(d.isEnd()).isTrue();
    }
  }

  @Test
  void outputStreamEncoderWritesTheSameBytes() throws IOException {
    for (long seed = 400; seed < 410; seed++) {
      List<Value> values = randomValues(seed, 1000, true);
      for (int bufferSize : new int[] {1, 100, 8192}) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        OutputStreamEncoder e = new OutputStreamEncoder(bos, bufferSize);
        for (Value v : values) {
          v.write(e);
        }
        e.flush();
        assertThat(e.buffered()).isZero();
        assertThat(bos.toByteArray()).as("seed %d buffer %d", seed, bufferSize).isEqualTo(encodeOurs(values));
      }
    }
  }

  @Test
  void stringsEncodeLikeGetBytesIncludingUnpairedSurrogates() throws IOException {
    String[] samples = {"", "a", "\uD800", "\uDC00", "x\uD800y", "\uDBFF\uDFFF", "\uD83D\uDE00", "\uDE00\uD83D",
        "\uD83D", "\uD83D\uD83D\uDE00", "€", "ß", "\u0000", "\u07FF\u0800\uFFFF"};
    Random r = new Random(7);
    List<String> all = new ArrayList<>(Arrays.asList(samples));
    for (int i = 0; i < 2000; i++) {
      all.add(randomString(r, true));
    }
    for (String s : all) {
      byte[] expected = s.getBytes(StandardCharsets.UTF_8);
      byte[] ours = encode(e -> e.writeString(s));
      assertThat(ours).as("%s", s.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(concat(varint(expected.length), expected));
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      OutputStreamEncoder os = new OutputStreamEncoder(bos, 64);
      os.writeString(s);
      os.flush();
      assertThat(bos.toByteArray()).isEqualTo(ours);
    }
  }

  @Test
  void preUtf8EncodedStringsAndByteBuffers() throws IOException {
    byte[] utf8 = "héllo".getBytes(StandardCharsets.UTF_8);
    assertThat(encode(e -> e.writeString(utf8, 0, utf8.length))).isEqualTo(encode(e -> e.writeString("héllo")));

    ByteBuffer heap = ByteBuffer.wrap(bytes(0, 1, 2, 3, 4, 5)).position(2).limit(5);
    ByteBuffer direct = ByteBuffer.allocateDirect(100);
    direct.put(bytes(0, 1, 2, 3, 4, 5)).flip().position(2).limit(5);
    for (ByteBuffer bb : List.of(heap, direct)) {
      byte[] expected = bytes(0x06, 2, 3, 4);
      assertThat(encode(e -> e.writeBytes(bb))).isEqualTo(expected);
      assertThat(bb.position()).isEqualTo(2);
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      OutputStreamEncoder os = new OutputStreamEncoder(bos, 1);
      os.writeBytes(bb);
      os.flush();
      assertThat(bos.toByteArray()).isEqualTo(expected);
      assertThat(bb.position()).isEqualTo(2);
    }
  }

  @Test
  void readBytesReusesABufferThatIsLargeEnough() throws IOException {
    byte[] data = encode(e -> {
      e.writeBytes(bytes(1, 2, 3));
      e.writeBytes(bytes(4, 5, 6, 7, 8));
    });
    for (Source source : Source.values()) {
      Decoder d = source.open.apply(data);
      ByteBuffer reuse = ByteBuffer.allocate(4);
      ByteBuffer first = d.readBytes(reuse);
      assertThat(first).isSameAs(reuse);
      assertThat(first.position()).isZero();
      assertThat(first.remaining()).isEqualTo(3);
      assertThat(first.get(2)).isEqualTo((byte) 3);
      ByteBuffer second = d.readBytes(reuse);
      assertThat(second).isNotSameAs(reuse);
      assertThat(second.remaining()).isEqualTo(5);
      assertThat(second.get(4)).isEqualTo((byte) 8);
      assertThat(d.isEnd()).isTrue();
    }
  }

  @Test
  void nanPayloadsAreKeptBitForBit() throws IOException {
    float f = Float.intBitsToFloat(0x7fc00123);
    double x = Double.longBitsToDouble(0x7ff8000000000abcL);
    byte[] data = encode(e -> {
      e.writeFloat(f);
      e.writeDouble(x);
      e.writeFloat(-0.0f);
    });
    assertThat(data).startsWith(0x23, 0x01, 0xc0, 0x7f);
    ByteArrayDecoder d = new ByteArrayDecoder(data);
    assertThat(Float.floatToRawIntBits(d.readFloat())).isEqualTo(0x7fc00123);
    assertThat(Double.doubleToRawLongBits(d.readDouble())).isEqualTo(0x7ff8000000000abcL);
    assertThat(Float.floatToRawIntBits(d.readFloat())).isEqualTo(Float.floatToRawIntBits(-0.0f));
  }

  // ---------------------------------------------------------------- arrays and maps

  /** [1, 2, 3, 4, 5, 6] as a sized block of 2, a plain block of 3, a sized block of 1, then the end. */
  private static byte[] blockedLongArray() {
    return concat(
        varint(-2), varint(2), varint(1), varint(2),
        varint(3), varint(3), varint(4), varint(5),
        varint(-1), varint(1), varint(6),
        varint(0),
        varint(99)); // a trailing value after the array
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void readsArraysWithSizedBlocks(Source source) throws IOException {
    Decoder d = source.open.apply(blockedLongArray());
    List<Long> items = new ArrayList<>();
    List<Long> blocks = new ArrayList<>();
    for (long n = d.readArrayStart(); n != 0; n = d.arrayNext()) {
      blocks.add(n);
      for (long i = 0; i < n; i++) {
        items.add(d.readLong());
      }
    }
    assertThat(blocks).containsExactly(2L, 3L, 1L);
    assertThat(items).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(d.readLong()).isEqualTo(99);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void skipArraySkipsSizedBlocksAndReturnsPlainOnes(Source source) throws IOException {
    Decoder d = source.open.apply(blockedLongArray());
    assertThat(d.skipArray()).isEqualTo(3); // the sized block of 2 was skipped whole
    for (int i = 0; i < 3; i++) {
      d.readLong();
    }
    assertThat(d.skipArray()).isZero(); // the sized block of 1 was skipped, then the end
    assertThat(d.readLong()).isEqualTo(99);

    // Apache Avro's skipArray follows the same contract on the same bytes
    BinaryDecoder avro = DecoderFactory.get().binaryDecoder(blockedLongArray(), null);
    assertThat(avro.skipArray()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      avro.readLong();
    }
    assertThat(avro.skipArray()).isZero();
    assertThat(avro.readLong()).isEqualTo(99);
  }

  /** {"a": 1, "bb": 2, "c": 3} as a sized block of 2, then a plain block of 1. */
  private static byte[] blockedMap() throws IOException {
    byte[] firstBlock = encode(e -> {
      e.writeString("a");
      e.writeInt(1);
      e.writeString("bb");
      e.writeInt(2);
    });
    return concat(varint(-2), varint(firstBlock.length), firstBlock,
        encode(e -> {
          e.writeMapStart(1);
          e.writeString("c");
          e.writeInt(3);
          e.writeMapEnd();
          e.writeBoolean(true);
        }));
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void readsAndSkipsMapsWithSizedBlocks(Source source) throws IOException {
    Decoder d = source.open.apply(blockedMap());
    List<String> entries = new ArrayList<>();
    for (long n = d.readMapStart(); n != 0; n = d.mapNext()) {
      for (long i = 0; i < n; i++) {
        entries.add(d.readString() + "=" + d.readInt());
      }
    }
    assertThat(entries).containsExactly("a=1", "bb=2", "c=3");
    assertThat(d.readBoolean()).isTrue();

    Decoder s = source.open.apply(blockedMap());
    assertThat(s.skipMap()).isEqualTo(1);
    assertThat(s.readString()).isEqualTo("c");
    assertThat(s.readInt()).isEqualTo(3);
    assertThat(s.skipMap()).isZero();
    assertThat(s.readBoolean()).isTrue();
    assertThat(s.isEnd()).isTrue();

    BinaryDecoder avro = DecoderFactory.get().binaryDecoder(blockedMap(), null);
    assertThat(avro.skipMap()).isEqualTo(1);
  }

  @Test
  void sizedBlockHeadersRoundTrip() throws IOException {
    BufferEncoder items = new BufferEncoder();
    items.writeString("x");
    items.writeString("yz");
    BufferEncoder e = new BufferEncoder();
    e.writeSizedBlockHeader(2, items.size());
    e.writeFixed(items.toByteArray());
    e.writeArrayEnd();
    ByteArrayDecoder d = new ByteArrayDecoder(e.toByteArray());
    assertThat(d.skipArray()).isZero();
    assertThat(d.isEnd()).isTrue();
    d.reset(e.toByteArray(), 0, e.size());
    assertThat(d.readArrayStart()).isEqualTo(2);
    assertThat(d.readString()).isEqualTo("x");
    assertThat(d.readString()).isEqualTo("yz");
    assertThat(d.arrayNext()).isZero();
  }

  @Test
  void nestedCollectionsKeepTheirOwnTotals() throws IOException {
    // An array of 2 blocks x 2 arrays, each inner array 2 blocks x 2 ints: 4 outer items, 4 items per inner array,
    // 20 items in all. A limit of 4 must accept it: the limit applies to each collection, not to their sum.
    byte[] inner = encode(e -> {
      e.writeArrayStart(2);
      e.writeInt(1);
      e.writeInt(2);
      e.writeArrayStart(2);
      e.writeInt(3);
      e.writeInt(4);
      e.writeArrayEnd();
    });
    byte[] data = concat(varint(2), inner, inner, varint(2), inner, inner, varint(0));
    Decoder d = new ByteArrayDecoder(data, ReadLimits.DEFAULT.withMaxCollectionItems(4));
    long outer = 0;
    long innerItems = 0;
    for (long n = d.readArrayStart(); n != 0; n = d.arrayNext()) {
      for (long i = 0; i < n; i++) {
        outer++;
        for (long m = d.readArrayStart(); m != 0; m = d.arrayNext()) {
          for (long j = 0; j < m; j++) {
            d.readInt();
            innerItems++;
          }
        }
      }
    }
    assertThat(outer).isEqualTo(4);
    assertThat(innerItems).isEqualTo(16);
    assertThat(d.isEnd()).isTrue();

    // One more outer block of 1 (with an empty inner array) breaks the outer total, at that block's offset.
    byte[] tooMany = concat(varint(2), inner, inner, varint(2), inner, inner, varint(1), varint(0), varint(0));
    Decoder d2 = new ByteArrayDecoder(tooMany, ReadLimits.DEFAULT.withMaxCollectionItems(4));
    long offsetOfThirdBlock = 1 + 4L * inner.length + 1;
    assertThatThrownBy(() -> {
      for (long n = d2.readArrayStart(); n != 0; n = d2.arrayNext()) {
        for (long i = 0; i < n; i++) {
          for (long m = d2.readArrayStart(); m != 0; m = d2.arrayNext()) {
            for (long j = 0; j < m; j++) {
              d2.readInt();
            }
          }
        }
      }
    }).isInstanceOfSatisfying(LimitExceededException.class, e -> {
      assertThat(e.limit()).isEqualTo("maxCollectionItems");
      assertThat(e.requested()).isEqualTo(5);
      assertThat(e.offset()).isEqualTo(offsetOfThirdBlock);
    });
  }

  // ---------------------------------------------------------------- positions, ends, reuse

  @Test
  void concatenatedDatumsFromAStream() throws IOException {
    byte[] data = encode(e -> {
      for (int i = 0; i < 1000; i++) {
        e.writeInt(i * 1000);
        e.writeString("datum " + i);
      }
    });
    InputStreamDecoder d = new InputStreamDecoder(trickle(data, 7), ReadLimits.DEFAULT, 64);
    int count = 0;
    while (!d.isEnd()) {
      assertThat(d.readInt()).isEqualTo(count * 1000);
      assertThat(d.readString()).isEqualTo("datum " + count);
      count++;
    }
    assertThat(count).isEqualTo(1000);
    assertThat(d.position()).isEqualTo(data.length);
  }

  @Test
  void byteArrayDecoderExposesItsWindow() throws IOException {
    byte[] data = concat(bytes(0xAA), encode(e -> {
      e.writeLong(300);
      e.writeString("hi");
    }), bytes(0xBB));
    ByteArrayDecoder d = new ByteArrayDecoder(data, 1, data.length - 2, ReadLimits.DEFAULT);
    assertThat(d.buffer()).isSameAs(data);
    assertThat(d.pos()).isEqualTo(1);
    assertThat(d.limit()).isEqualTo(data.length - 1);
    assertThat(d.remaining()).isEqualTo(data.length - 2);
    assertThat(d.readLong()).isEqualTo(300);
    assertThat(d.position()).isEqualTo(2);
    int stringStart = d.pos();
    assertThat(d.readString()).isEqualTo("hi");
    assertThat(d.isEnd()).isTrue();
    d.setPos(stringStart);
    assertThat(d.readString()).isEqualTo("hi");
    assertThatThrownBy(() -> d.setPos(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.setPos(data.length)).isInstanceOf(IllegalArgumentException.class);

    d.reset(data, 0, 1);
    assertThat(d.position()).isZero();
    assertThat(d.remaining()).isEqualTo(1);
  }

  @Test
  void bufferEncoderFollowsItsBufferWhenTheOwnerResetsIt() throws IOException {
    GrowableBytes block = new GrowableBytes(16);
    BufferEncoder e = new BufferEncoder(block);
    for (int i = 0; i < 100; i++) {
      e.writeString("some text that grows the buffer " + i);
    }
    assertThat(e.size()).isEqualTo(block.size()).isGreaterThan(16);
    block.reset();
    e.writeInt(-2);
    assertThat(block.toByteArray()).containsExactly(0x03);
  }

  @Test
  void encoderRejectsNegativeIndexesAndCounts() {
    BufferEncoder e = new BufferEncoder();
    assertThatThrownBy(() -> e.writeIndex(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.writeEnum(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.writeArrayStart(-3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.writeMapStart(-3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.size()).isZero();
  }

  @Test
  void varintSizesMatchTheEncoding() {
    Random r = new Random(5);
    byte[] buf = new byte[10];
    for (int i = 0; i < 10_000; i++) {
      long v = randomLong(r);
      assertThat(Varints.sizeOfLong(v)).isEqualTo(Varints.writeLong(buf, 0, v));
      int x = randomInt(r);
      assertThat(Varints.sizeOfInt(x)).isEqualTo(Varints.writeInt(buf, 0, x));
    }
  }

  // ---------------------------------------------------------------- helpers

  private interface Writes {
    void accept(BufferEncoder e) throws IOException;
  }

  private static byte[] encode(Writes w) throws IOException {
    BufferEncoder e = new BufferEncoder();
    w.accept(e);
    return e.toByteArray();
  }
}
