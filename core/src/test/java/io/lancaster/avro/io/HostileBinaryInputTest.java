package io.lancaster.avro.io;

import static io.lancaster.avro.io.TestStreams.bytes;
import static io.lancaster.avro.io.TestStreams.concat;
import static io.lancaster.avro.io.TestStreams.trickle;
import static io.lancaster.avro.io.TestStreams.varint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Corrupt and hostile input: every case must end quickly in the right exception type, naming the limit or the
 * offset of the bad value, and without allocating memory the input does not back.
 */
class HostileBinaryInputTest {

  /** Valid leading bytes (the long 300 and the string "ok"), so that reported offsets are not trivially 0. */
  private static final byte[] PREFIX = concat(varint(300), varint(2), bytes('o', 'k'));
  private static final long AT = PREFIX.length;

  enum Kind {
    ARRAY((data, limits) -> new ByteArrayDecoder(data, limits)),
    STREAM((data, limits) -> new InputStreamDecoder(new ByteArrayInputStream(data), limits)),
    TRICKLE((data, limits) -> new InputStreamDecoder(trickle(data, 1), limits, 64));

    final BiFunction<byte[], ReadLimits, Decoder> open;

    Kind(BiFunction<byte[], ReadLimits, Decoder> open) {
      this.open = open;
    }

    /** A decoder over PREFIX + {@code rest}, already past the prefix. */
    Decoder after(byte[] rest, ReadLimits limits) throws IOException {
      Decoder d = open.apply(concat(PREFIX, rest), limits);
      assertThat(d.readLong()).isEqualTo(300);
      assertThat(d.readString()).isEqualTo("ok");
      return d;
    }

    Decoder after(byte[] rest) throws IOException {
      return after(rest, ReadLimits.DEFAULT);
    }
  }

  private static void assertLimit(ThrowingCallable call, String limit, long requested, long offset) {
    assertThatThrownBy(call).isInstanceOfSatisfying(LimitExceededException.class, e -> {
      assertThat(e.limit()).isEqualTo(limit);
      assertThat(e.requested()).isEqualTo(requested);
      assertThat(e.offset()).isEqualTo(offset);
      assertThat(e.getMessage()).contains(limit).contains("offset " + offset);
    });
  }

  private static void assertCorrupt(ThrowingCallable call, String messagePart, long offset) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CorruptDataException.class, e -> {
      assertThat(e).isNotInstanceOf(LimitExceededException.class);
      assertThat(e.detail()).containsIgnoringCase(messagePart);
      assertThat(e.offset()).isEqualTo(offset);
      assertThat(e.getMessage()).contains("offset " + offset);
    });
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  // ---------------------------------------------------------------- length prefixes

  @ParameterizedTest
  @EnumSource(Kind.class)
  void hugeLengthPrefixesHitTheLimitsWithoutAllocating(Kind kind) throws IOException {
    for (long len : new long[] {1L << 31, 1L << 62, Long.MAX_VALUE}) {
      byte[] rest = concat(varint(len), bytes(1, 2, 3));
      assertLimit(() -> kind.after(rest).readString(), "maxStringLength", len, AT);
      assertLimit(() -> kind.after(rest).readBytes(), "maxBytesLength", len, AT);
      assertLimit(() -> kind.after(rest).readBytes(ByteBuffer.allocate(0)), "maxBytesLength", len, AT);
      // the cost of the failing calls alone (the exception and its stack trace), measured after a warm-up
      Decoder s = kind.after(rest);
      Decoder b = kind.after(rest);
      long before = allocatedBytes();
      Throwable t1 = catchThrowable(s::readString);
      Throwable t2 = catchThrowable(b::readBytes);
      assertThat(allocatedBytes() - before).isLessThan(100_000);
      assertThat(t1).isInstanceOf(LimitExceededException.class);
      assertThat(t2).isInstanceOf(LimitExceededException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void configuredLimitsAreEnforced(Kind kind) throws IOException {
    ReadLimits limits = ReadLimits.DEFAULT.withMaxStringLength(100).withMaxBytesLength(10);
    byte[] rest = concat(varint(101), new byte[101]);
    assertLimit(() -> kind.after(rest, limits).readString(), "maxStringLength", 101, AT);
    assertLimit(() -> kind.after(rest, limits).readBytes(), "maxBytesLength", 101, AT);
    // at the limit is fine, and skipping is not limited (it allocates nothing)
    assertThat(kind.after(concat(varint(100), new byte[100]), limits).readString()).hasSize(100);
    Decoder d = kind.after(rest, limits);
    d.skipBytes();
    assertThat(d.isEnd()).isTrue();
    assertThatThrownBy(() -> kind.after(rest, limits).readString()).hasMessageContaining(
        "ReadLimits.withMaxStringLength");
  }

  @Test
  void lengthBeyondTheRemainingBytesOfAnArrayIsTruncation() throws IOException {
    byte[] rest = concat(varint(1000), bytes(1, 2, 3, 4, 5, 6, 7, 8));
    assertCorrupt(() -> Kind.ARRAY.after(rest).readString(), "truncated", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest).readBytes(), "truncated", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest).readBytes(ByteBuffer.allocate(2000)), "truncated", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest).skipString(), "truncated", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest).skipBytes(), "truncated", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest).skipFixed(11), "truncated", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest).readFixed(new byte[11], 0, 11), "truncated", AT);
    Decoder d = Kind.ARRAY.after(concat(varint(ReadLimits.MAX_ARRAY_LENGTH), bytes(1, 2, 3)));
    long before = allocatedBytes();
    Throwable t = catchThrowable(d::readBytes);
    assertThat(allocatedBytes() - before).isLessThan(100_000);
    assertThat(t).isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Kind.ARRAY.after(rest).readString())
        .hasMessageContaining("needs 1000 byte(s) but only 8 remain");
  }

  @Test
  void twoGigabytePrefixOnATenByteStreamCostsNoMemory() throws IOException {
    // passes maxStringLength (the largest Java array), so only the stream's end can stop it
    long len = ReadLimits.MAX_ARRAY_LENGTH;
    byte[] data = concat(varint(len), bytes(1, 2, 3, 4, 5));
    assertThat(data).hasSize(10);
    for (int reuse = 0; reuse < 2; reuse++) {
      InputStreamDecoder d = new InputStreamDecoder(new ByteArrayInputStream(data));
      long before = allocatedBytes();
      long started = System.nanoTime();
      ThrowingCallable read = reuse == 0 ? d::readBytes : d::readString;
      assertThatThrownBy(read).isInstanceOfSatisfying(CorruptDataException.class, e -> {
        assertThat(e.detail()).contains("truncated").contains("after 5 of the " + len + " bytes");
        assertThat(e.offset()).isZero();
        assertThat(e.getCause()).isInstanceOf(EOFException.class);
      });
      assertThat(allocatedBytes() - before).isLessThan(1 << 20);
      assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }
  }

  @Test
  void streamBuffersGrowOnlyWithTheBytesThatArrive() throws IOException {
    // a 1 GB prefix followed by 1 MB of data: memory follows the megabyte, not the gigabyte
    byte[] data = concat(varint(1L << 30), new byte[1 << 20]);
    InputStreamDecoder d = new InputStreamDecoder(trickle(data, 100_000));
    long before = allocatedBytes();
    assertCorrupt(d::readBytes, "truncated", 0);
    assertThat(allocatedBytes() - before).isLessThan(8L << 20);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void skippingAHugeLengthOnAShortInputEndsInTruncation(Kind kind) throws IOException {
    byte[] rest = concat(varint(1L << 62), bytes(1, 2, 3));
    assertCorrupt(() -> kind.after(rest).skipString(), "truncated", AT);
    assertCorrupt(() -> kind.after(rest).skipBytes(), "truncated", AT);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void negativeLengthsAreCorrupt(Kind kind) throws IOException {
    for (long len : new long[] {-1, -1000, Long.MIN_VALUE}) {
      byte[] rest = concat(varint(len), bytes(1, 2, 3));
      assertCorrupt(() -> kind.after(rest).readString(), "negative string length", AT);
      assertCorrupt(() -> kind.after(rest).readBytes(), "negative bytes length", AT);
      assertCorrupt(() -> kind.after(rest).readBytes(null), "negative bytes length", AT);
      assertCorrupt(() -> kind.after(rest).skipString(), "negative string length", AT);
      assertCorrupt(() -> kind.after(rest).skipBytes(), "negative bytes length", AT);
    }
  }

  // ---------------------------------------------------------------- varints and fixed-size values

  @ParameterizedTest
  @EnumSource(Kind.class)
  void overlongVarintsAreCorrupt(Kind kind) throws IOException {
    byte[] elevenBytes = bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    byte[] sixBytes = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
    for (byte[] padding : new byte[][] {new byte[0], new byte[20]}) { // exact: bounds-checked path; padded: fast
      assertCorrupt(() -> kind.after(concat(elevenBytes, padding)).readLong(), "longer than 10 bytes", AT);
      assertCorrupt(() -> kind.after(concat(sixBytes, padding)).readInt(), "longer than 5 bytes", AT);
      assertCorrupt(() -> kind.after(concat(elevenBytes, padding)).readString(), "longer than 10 bytes", AT);
      // a fifth int byte above 0x0f, a tenth long byte above 0x01 carry bits beyond the type
      assertCorrupt(() -> kind.after(concat(bytes(0x80, 0x80, 0x80, 0x80, 0x10), padding)).readInt(),
          "overflows 32 bits", AT);
      assertCorrupt(() -> kind.after(concat(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02),
          padding)).readLong(), "overflows 64 bits", AT);
      // the largest legal encodings still decode
      assertThat(kind.after(concat(bytes(0xff, 0xff, 0xff, 0xff, 0x0f), padding)).readInt())
          .isEqualTo(Integer.MIN_VALUE);
      assertThat(kind.after(concat(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), padding))
          .readLong()).isEqualTo(Long.MIN_VALUE);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void truncatedValuesAreCorrupt(Kind kind) throws IOException {
    assertCorrupt(() -> kind.after(bytes(0x80, 0x80)).readLong(), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes(0x80)).readInt(), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes()).readLong(), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes()).readBoolean(), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes(1, 2, 3)).readFloat(), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes(1, 2, 3, 4, 5, 6, 7)).readDouble(), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes(1, 2, 3)).readFixed(new byte[4], 0, 4), "truncated", AT);
    assertCorrupt(() -> kind.after(bytes(1, 2, 3)).skipFixed(4), "truncated", AT);
    assertCorrupt(() -> kind.after(concat(varint(10), bytes('a', 'b'))).readString(), "truncated", AT);
    assertCorrupt(() -> kind.after(concat(varint(10), bytes('a', 'b'))).readBytes(ByteBuffer.allocate(10)),
        "truncated", AT);
    assertCorrupt(() -> kind.after(concat(varint(10), bytes('a', 'b'))).skipString(), "truncated", AT);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void truncationInsideAStreamHasAnEofCause(Kind kind) throws IOException {
    Decoder d = kind.after(bytes(1, 2));
    assertThatThrownBy(d::readDouble).isInstanceOf(CorruptDataException.class).hasCauseInstanceOf(EOFException.class);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void booleansMustBeZeroOrOne(Kind kind) throws IOException {
    assertCorrupt(() -> kind.after(bytes(2)).readBoolean(), "invalid boolean byte 2", AT);
    assertCorrupt(() -> kind.after(bytes(0xff)).readBoolean(), "invalid boolean byte 255", AT);
    Decoder d = kind.after(bytes(0, 1));
    assertThat(d.readBoolean()).isFalse();
    assertThat(d.readBoolean()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void unionIndexesAndEnumOrdinals(Kind kind) throws IOException {
    assertCorrupt(() -> kind.after(varint(-1)).readIndex(), "negative union index", AT);
    assertCorrupt(() -> kind.after(varint(-5)).readEnum(), "negative enum ordinal", AT);
    assertCorrupt(() -> kind.after(varint(3)).readIndex(3), "union index 3 out of range", AT);
    assertCorrupt(() -> kind.after(varint(4)).readEnum(4), "enum ordinal 4 out of range", AT);
    assertThat(kind.after(varint(2)).readIndex(3)).isEqualTo(2);
    assertThat(kind.after(varint(3)).readEnum(4)).isEqualTo(3);
  }

  // ---------------------------------------------------------------- collections

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aBlockCountBeyondTheLimitIsRefused(Kind kind) throws IOException {
    ReadLimits limits = ReadLimits.DEFAULT.withMaxCollectionItems(10);
    byte[] rest = concat(varint(11), new byte[11], varint(0));
    assertLimit(() -> kind.after(rest, limits).readArrayStart(), "maxCollectionItems", 11, AT);
    assertLimit(() -> kind.after(rest, limits).skipArray(), "maxCollectionItems", 11, AT);
    assertLimit(() -> kind.after(rest, limits).readMapStart(), "maxCollectionItems", 11, AT);
    assertLimit(() -> kind.after(rest, limits).skipMap(), "maxCollectionItems", 11, AT);
    // also when the count is negative (a sized block)
    byte[] sized = concat(varint(-11), varint(11), new byte[11], varint(0));
    assertLimit(() -> kind.after(sized, limits).readArrayStart(), "maxCollectionItems", 11, AT);
    // a default limit stops a count of 2^40 null items before anyone loops over it
    assertLimit(() -> kind.after(concat(varint(1L << 40), varint(0))).readArrayStart(), "maxCollectionItems",
        1L << 40, AT);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theRunningTotalOverAllBlocksIsChecked(Kind kind) throws IOException {
    ReadLimits limits = ReadLimits.DEFAULT.withMaxCollectionItems(10);
    // blocks of 4, 4, 3 int items: the third block brings the total to 11
    byte[] rest = concat(varint(4), new byte[4], varint(4), new byte[4], varint(3), new byte[3], varint(0));
    Decoder d = kind.after(rest, limits);
    long thirdBlockAt = AT + 1 + 4 + 1 + 4;
    assertLimit(() -> {
      for (long n = d.readArrayStart(); n != 0; n = d.arrayNext()) {
        for (long i = 0; i < n; i++) {
          assertThat(d.readInt()).isZero();
        }
      }
    }, "maxCollectionItems", 11, thirdBlockAt);

    Decoder m = kind.after(concat(varint(6), new byte[12], varint(5), new byte[10], varint(0)), limits);
    assertLimit(() -> {
      for (long n = m.readMapStart(); n != 0; n = m.mapNext()) {
        for (long i = 0; i < n; i++) {
          m.readString();
          m.readString();
        }
      }
    }, "maxCollectionItems", 11, AT + 1 + 12);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void badBlockHeadersAreCorrupt(Kind kind) throws IOException {
    assertCorrupt(() -> kind.after(concat(varint(Long.MIN_VALUE), varint(0))).readArrayStart(),
        "invalid array block count", AT);
    assertCorrupt(() -> kind.after(concat(varint(Long.MIN_VALUE), varint(0))).skipMap(), "invalid map block count",
        AT);
    byte[] negativeSize = concat(varint(-2), varint(-5), new byte[4]);
    assertCorrupt(() -> kind.after(negativeSize).readArrayStart(), "negative array block size", AT + 1);
    assertCorrupt(() -> kind.after(negativeSize).skipArray(), "negative array block size", AT + 1);
    assertCorrupt(() -> kind.after(negativeSize).readMapStart(), "negative map block size", AT + 1);
    // a block size beyond the data
    byte[] longSize = concat(varint(-2), varint(1L << 50), new byte[4]);
    assertCorrupt(() -> kind.after(longSize).skipArray(), "truncated", AT + 1);
  }

  @Test
  void arrayDecodersRejectCountsTheBytesCannotBack() throws IOException {
    ReadLimits unlimited = ReadLimits.DEFAULT.withMaxCollectionItems(Long.MAX_VALUE);
    // a map entry needs at least one byte (its key's length), so 1000 entries cannot fit in 5 bytes
    byte[] rest = concat(varint(1000), new byte[5]);
    assertCorrupt(() -> Kind.ARRAY.after(rest, unlimited).readMapStart(), "1000 items", AT);
    assertCorrupt(() -> Kind.ARRAY.after(rest, unlimited).skipMap(), "1000 items", AT);
    // arrays only when the caller knows a minimum item size (an array of nulls takes no bytes at all)
    assertCorrupt(() -> Kind.ARRAY.after(rest, unlimited).readArrayStart(1), "1000 items", AT);
    assertThat(Kind.ARRAY.after(rest, unlimited).readArrayStart()).isEqualTo(1000);
    assertThat(Kind.ARRAY.after(concat(varint(2), new byte[16]), unlimited).readArrayStart(8)).isEqualTo(2);
    assertCorrupt(() -> Kind.ARRAY.after(concat(varint(3), new byte[16]), unlimited).readArrayStart(8), "3 items",
        AT);
    // a sized block whose size exceeds the remaining bytes
    assertCorrupt(() -> Kind.ARRAY.after(concat(varint(-1), varint(100), new byte[5])).readArrayStart(),
        "truncated", AT + 1);
  }

  // ---------------------------------------------------------------- depth

  @ParameterizedTest
  @EnumSource(Kind.class)
  void dataDepthIsLimited(Kind kind) throws IOException {
    Decoder d = kind.after(bytes(), ReadLimits.DEFAULT.withMaxDataDepth(3));
    d.enterNested();
    d.enterNested();
    d.enterNested();
    assertThat(d.nestingDepth()).isEqualTo(3);
    assertLimit(d::enterNested, "maxDataDepth", 4, AT);
    assertThat(d.nestingDepth()).isEqualTo(3);
    d.exitNested();
    d.enterNested(); // back under the limit after leaving a level
    d.resetNesting();
    assertThat(d.nestingDepth()).isZero();
  }

  @Test
  void deeplyRecursiveDataStopsAtTheDefaultDepth() throws IOException {
    // a linked list {"next": ["null", "Node"]} 100 000 levels deep: union index 1 repeated
    byte[] data = new byte[100_000];
    java.util.Arrays.fill(data, (byte) 2);
    Decoder d = new ByteArrayDecoder(data);
    assertThatThrownBy(() -> readNode(d)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
      assertThat(e.limit()).isEqualTo("maxDataDepth");
      assertThat(e.limitValue()).isEqualTo(ReadLimits.DEFAULT.maxDataDepth());
    });
  }

  private static void readNode(Decoder d) throws IOException {
    d.enterNested();
    try {
      if (d.readIndex(2) == 1) {
        readNode(d);
      }
    } finally {
      d.exitNested();
    }
  }

  // ---------------------------------------------------------------- the stream's end

  @Test
  void streamEndBetweenValuesIsNotAnError() throws IOException {
    InputStream in = trickle(concat(varint(5), varint(6)), 1);
    InputStreamDecoder d = new InputStreamDecoder(in);
    assertThat(d.isEnd()).isFalse();
    assertThat(d.readLong()).isEqualTo(5);
    assertThat(d.readLong()).isEqualTo(6);
    assertThat(d.isEnd()).isTrue();
    assertCorrupt(d::readLong, "truncated", 2);
  }
}
