package io.lancaster.avro.file;

import static io.lancaster.avro.file.FileTestData.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.io.Varints;
import io.lancaster.avro.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrupt, truncated and hostile files: each ends in a typed {@link AvroDataException} naming the file (and, for a
 * data block, the block's number and start offset), quickly and without large allocations; never in another
 * exception type, a silent short read or a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileFileTest {
  private static final String NAME = "hostile.avro";
  private static final byte[] SYNC = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final ReadLimits SMALL_LIMITS = ReadLimits.DEFAULT.withMaxBlockSize(1 << 20)
      .withMaxDecompressedBlockSize(1 << 20).withMaxStringLength(1 << 20).withMaxBytesLength(1 << 20);

  /** What reading a whole file gave: the records before the failure, and the failure (or null). */
  record Outcome(List<Object> records, Throwable failure) {
  }

  private static Outcome readAll(byte[] file, boolean stream, ReadLimits limits) {
    List<Object> records = new ArrayList<>();
    ReadOptions<Object> options = ReadOptions.defaults().withLimits(limits);
    try (DataFileReader<Object> r = stream
        ? DataFileReader.open(new ByteArrayInputStream(file), NAME, options)
        : DataFileReader.open(new SeekableByteArrayInput(file), NAME, options)) {
      while (r.hasNext()) {
        records.add(r.next());
      }
      return new Outcome(records, null);
    } catch (Throwable t) {
      return new Outcome(records, t);
    }
  }

  private static AvroDataException failure(byte[] file, boolean stream, ReadLimits limits) {
    Outcome o = readAll(file, stream, limits);
    assertThat(o.failure()).as("reading must fail").isInstanceOf(AvroDataException.class);
    AvroDataException e = (AvroDataException) o.failure();
    assertThat(e.file()).isEqualTo(NAME);
    assertThat(e.getMessage()).contains("file " + NAME);
    return e;
  }

  private static void assertInBlock(AvroDataException e, long block, long blockStart) {
    assertThat(e.block()).as(e.getMessage()).isEqualTo(block);
    assertThat(e.offset()).as(e.getMessage()).isEqualTo(blockStart);
    assertThat(e.getMessage()).contains("block " + block).contains("offset " + blockStart);
  }

  // ---- building files by hand

  private static byte[] write(Schema schema, List<Object> records, Codec codec, int syncInterval)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
        .setSyncMarker(SYNC).create(schema, out)) {
      for (Object r : records) {
        w.append(r);
      }
    }
    return out.toByteArray();
  }

  /** A header with the given metadata (in order) and {@link #SYNC}. */
  private static byte[] header(Map<String, byte[]> meta) {
    GrowableBytes bytes = new GrowableBytes();
    BufferEncoder e = new BufferEncoder(bytes);
    bytes.write(DataFileFormat.MAGIC, 0, 4);
    e.writeMapStart(meta.size());
    meta.forEach((k, v) -> {
      e.writeString(k);
      e.writeBytes(v);
    });
    e.writeMapEnd();
    e.writeFixed(SYNC);
    return bytes.toByteArray();
  }

  private static byte[] header(Schema schema) {
    Map<String, byte[]> meta = new LinkedHashMap<>();
    meta.put("avro.schema", schema.toString().getBytes(StandardCharsets.UTF_8));
    meta.put("avro.codec", "null".getBytes(StandardCharsets.UTF_8));
    return header(meta);
  }

  private static byte[] varints(long... values) {
    byte[] b = new byte[values.length * Varints.MAX_LONG_BYTES];
    int p = 0;
    for (long v : values) {
      p = Varints.writeLong(b, p, v);
    }
    return Arrays.copyOf(b, p);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A data block: count, size (as given, not checked), data, sync. */
  private static byte[] block(long count, long size, byte[] data) {
    return concat(varints(count, size), data, SYNC);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  /** Reading fails with the expected error and allocates less than 16 MiB. */
  private static AvroDataException failureWithLittleMemory(byte[] file, boolean stream) {
    long before = allocatedBytes();
    AvroDataException e = failure(file, stream, ReadLimits.DEFAULT);
    assertThat(allocatedBytes() - before).as("bytes allocated").isLessThan(16L << 20);
    return e;
  }

  // ---- truncation

  @ParameterizedTest(name = "codec {0}")
  @ValueSource(strings = {"null", "deflate"})
  void truncationAtEveryOffsetFailsOrReadsTheCompleteBlocks(String codecName) throws IOException {
    List<Object> records = FileTestData.records(SMALL, 30, 17);
    byte[] file = write(SMALL, records, CodecFactory.forName(codecName), 80);
    List<Long> starts = FileTestData.blockStarts(file);
    assertThat(starts).hasSizeGreaterThan(5);
    List<Long> recordsBefore = new ArrayList<>(); // records in the blocks before each block start
    long total = 0;
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), NAME)) {
      for (DataBlock b = r.nextBlock(); b != null; b = r.nextBlock()) {
        recordsBefore.add(total);
        total += b.recordCount();
      }
    }
    recordsBefore.add(total);
    long headerEnd = starts.get(0);
    for (int len = 0; len < file.length; len++) {
      byte[] cut = Arrays.copyOf(file, len);
      for (boolean stream : new boolean[] {false, true}) {
        Outcome o = readAll(cut, stream, SMALL_LIMITS);
        String what = "truncated at " + len + (stream ? " (stream)" : "");
        int blockIndex = starts.indexOf((long) len);
        if (blockIndex >= 0) {
          assertThat(o.failure()).as(what).isNull();
          assertThat(o.records()).as(what).isEqualTo(records.subList(0, (int) (long) recordsBefore.get(blockIndex)));
          continue;
        }
        assertThat(o.failure()).as(what).isInstanceOf(CorruptDataException.class);
        CorruptDataException e = (CorruptDataException) o.failure();
        assertThat(e.file()).as(what).isEqualTo(NAME);
        if (len < headerEnd) {
          assertThat(o.records()).as(what).isEmpty();
          assertThat(e.block()).as(what).isEqualTo(-1);
        } else {
          int b = 0;
          while (starts.get(b + 1) <= len) {
            b++;
          }
          assertInBlock(e, b, starts.get(b));
          assertThat(e.getMessage()).as(what).contains("truncated");
          assertThat(o.records()).as(what).isEqualTo(records.subList(0, (int) (long) recordsBefore.get(b)));
        }
      }
    }
  }

  // ---- the header

  @Test
  void badMagicIsNotAContainerFile() {
    byte[] file = "PK\u0003\u0004 a zip file, not Avro".getBytes(StandardCharsets.ISO_8859_1);
    for (boolean stream : new boolean[] {false, true}) {
      AvroDataException e = failure(file, stream, ReadLimits.DEFAULT);
      assertThat(e).isInstanceOf(CorruptDataException.class);
      assertThat(e.getMessage()).startsWith("not an Avro object container file (bad magic 50 4b 03 04, expected "
          + "4f 62 6a 01)");
      assertThat(e.offset()).isZero();
    }
    byte[] version2 = header(SMALL);
    version2[3] = 2;
    assertThat(failure(version2, false, ReadLimits.DEFAULT)).hasMessageContaining("bad magic 4f 62 6a 02");
    assertThat(failure(new byte[] {'O', 'b'}, false, ReadLimits.DEFAULT))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("only 2 byte(s)");
    assertThat(failure(new byte[0], true, ReadLimits.DEFAULT)).hasMessageContaining("only 0 byte(s)");
  }

  @Test
  void absurdMetadataCountsAreRefusedBeforeLooping() {
    byte[] magic = DataFileFormat.MAGIC;
    // More entries than the limit on collection items.
    byte[] huge = concat(magic, varints(1L << 40), new byte[64]);
    for (boolean stream : new boolean[] {false, true}) {
      AvroDataException e = failureWithLittleMemory(huge, stream);
      assertThat(e).isInstanceOf(LimitExceededException.class);
      assertThat(((LimitExceededException) e).limit()).isEqualTo("maxCollectionItems");
      assertThat(e.getMessage()).contains("metadata entry count").contains("offset 4");
    }
    // Within the limit, but more entries than the file's bytes could hold.
    byte[] many = concat(magic, varints(1_000_000), new byte[100]);
    AvroDataException e = failureWithLittleMemory(many, false);
    assertThat(e).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("metadata block of 1000000 entries cannot fit");
    // A stream cannot know its length: it reads entries until the data runs out.
    assertThat(failureWithLittleMemory(many, true)).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("truncated");
    // A negative block count with a byte size beyond the file.
    assertThat(failureWithLittleMemory(concat(magic, varints(-2, 1L << 40)), false))
        .isInstanceOf(CorruptDataException.class).hasMessageContaining("metadata block size");
  }

  @Test
  void absurdMetadataLengthsAreRefusedBeforeAllocating() {
    byte[] magic = DataFileFormat.MAGIC;
    byte[] key = concat(varints(11), "avro.schema".getBytes(StandardCharsets.US_ASCII));
    for (boolean stream : new boolean[] {false, true}) {
      // A key length beyond any array.
      AvroDataException e = failureWithLittleMemory(concat(magic, varints(1, 1L << 40), new byte[20]), stream);
      assertThat(e).isInstanceOf(LimitExceededException.class).hasMessageContaining("maxStringLength");
      // A value length within the limits but far beyond the file's end.
      e = failureWithLittleMemory(concat(magic, varints(1), key, varints(400_000_000), new byte[1000]), stream);
      assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated");
      assertThat(e.offset()).isEqualTo(4 + 1 + key.length);
      // A negative length.
      e = failureWithLittleMemory(concat(magic, varints(1), key, varints(-5), new byte[10]), stream);
      assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("negative length -5");
    }
  }

  @Test
  void deeplyNestedSchemaFailsQuicklyWithoutStackOverflow() {
    StringBuilder json = new StringBuilder();
    int depth = 100_000;
    for (int i = 0; i < depth; i++) {
      json.append("{\"type\":\"array\",\"items\":");
    }
    json.append("\"int\"");
    json.append("}".repeat(depth));
    Map<String, byte[]> meta = new LinkedHashMap<>();
    meta.put("avro.schema", json.toString().getBytes(StandardCharsets.UTF_8));
    byte[] file = header(meta);
    long start = System.nanoTime();
    AvroDataException e = failure(file, false, ReadLimits.DEFAULT);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("invalid writer schema")
        .hasCauseInstanceOf(SchemaParseException.class);
  }

  @Test
  void headerWithoutSchemaOrWithAnUnknownCodecIsRefused() {
    Map<String, byte[]> meta = new LinkedHashMap<>();
    meta.put("user", new byte[] {1});
    assertThat(failure(header(meta), false, ReadLimits.DEFAULT)).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("no avro.schema");
    meta.put("avro.schema", "{\"type\": \"nonsense\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(failure(header(meta), false, ReadLimits.DEFAULT)).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("invalid writer schema").hasCauseInstanceOf(SchemaParseException.class);
    meta.put("avro.schema", "\"int\"".getBytes(StandardCharsets.UTF_8));
    meta.put("avro.codec", "lzma-turbo".getBytes(StandardCharsets.UTF_8));
    AvroDataException e = failure(header(meta), false, ReadLimits.DEFAULT);
    assertThat(e).isNotInstanceOf(CorruptDataException.class).hasMessageContaining("lzma-turbo");
  }

  // ---- data blocks

  @Test
  void flippedBytesInBlockHeadersAndSyncMarkersFailInTheirBlock() throws IOException {
    byte[] file = write(SMALL, FileTestData.records(SMALL, 40, 23), CodecFactory.nullCodec(), 100);
    List<Long> starts = FileTestData.blockStarts(file);
    int checked = 0;
    for (int b = 0; b + 1 < starts.size(); b++) {
      int start = (int) (long) starts.get(b);
      int end = (int) (long) starts.get(b + 1);
      int dataStart = varintEnd(file, varintEnd(file, start));
      List<Integer> positions = new ArrayList<>();
      for (int p = start; p < dataStart; p++) {
        positions.add(p);
      }
      for (int p = end - DataFileFormat.SYNC_SIZE; p < end; p++) {
        positions.add(p);
      }
      for (int p : positions) {
        for (int mask : new int[] {0x01, 0x40, 0x80, 0xFF}) {
          byte[] bad = file.clone();
          bad[p] ^= (byte) mask;
          for (boolean stream : new boolean[] {false, true}) {
            AvroDataException e = failure(bad, stream, SMALL_LIMITS);
            try {
              assertInBlock(e, b, start);
            } catch (AssertionError a) {
              throw new AssertionError("byte " + p + " ^ " + mask + ": " + a.getMessage(), a);
            }
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  private static int varintEnd(byte[] b, int p) {
    while (b[p] < 0) {
      p++;
    }
    return p + 1;
  }

  @Test
  void syncMarkerMismatchNamesTheBlock() throws IOException {
    byte[] file = write(SMALL, FileTestData.records(SMALL, 40, 23), CodecFactory.nullCodec(), 100);
    List<Long> starts = FileTestData.blockStarts(file);
    byte[] bad = file.clone();
    bad[(int) (starts.get(3) - 1)] ^= 1;
    AvroDataException e = failure(bad, false, SMALL_LIMITS);
    assertThat(e).isInstanceOf(CorruptDataException.class);
    assertThat(e.detail()).isEqualTo("sync marker mismatch after block 2");
    assertInBlock(e, 2, starts.get(2));
  }

  @Test
  void hugeBlockCountsAreRefused() throws IOException {
    byte[] head = header(SMALL);
    byte[] data = new byte[10];
    // Beyond maxBlockRecords.
    AvroDataException e = failureWithLittleMemory(concat(head, block(1L << 40, 10, data)), false);
    assertThat(e).isInstanceOf(LimitExceededException.class);
    assertThat(((LimitExceededException) e).limit()).isEqualTo("maxBlockRecords");
    assertInBlock(e, 0, head.length);
    // Within the limit, but a Small record takes at least 3 bytes: 5000 cannot fit in 10.
    e = failureWithLittleMemory(concat(head, block(5000, 10, data)), true);
    assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("5000 records cannot fit in 10 bytes");
    assertInBlock(e, 0, head.length);
    // A negative count.
    e = failure(concat(head, block(-3, 10, data)), false, ReadLimits.DEFAULT);
    assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("negative record count -3");
  }

  @Test
  void zeroByteRecordsAreBoundedByMaxBlockRecordsOnly() throws IOException {
    Schema nulls = Schema.parse("{\"type\": \"record\", \"name\": \"Nothing\", \"fields\": [{\"name\": \"n\", "
        + "\"type\": \"null\"}]}");
    byte[] file = concat(header(nulls), block(1000, 0, new byte[0]));
    assertThat(readAll(file, false, ReadLimits.DEFAULT).records()).hasSize(1000);
    AvroDataException e = failure(file, false, ReadLimits.DEFAULT.withMaxBlockRecords(999));
    assertThat(e).isInstanceOf(LimitExceededException.class).hasMessageContaining("maxBlockRecords");
  }

  @Test
  void hugeBlockSizesAreRefusedBeforeAllocating() {
    byte[] head = header(SMALL);
    for (boolean stream : new boolean[] {false, true}) {
      AvroDataException e = failureWithLittleMemory(concat(head, block(1, 1L << 40, new byte[10])), stream);
      assertThat(e).isInstanceOf(LimitExceededException.class);
      assertThat(((LimitExceededException) e).limit()).isEqualTo("maxBlockSize");
      assertInBlock(e, 0, head.length);
      // Within the default limit (512 MiB), but far more than the file holds.
      e = failureWithLittleMemory(concat(head, block(1, 400_000_000, new byte[10])), stream);
      assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated");
      assertInBlock(e, 0, head.length);
      e = failureWithLittleMemory(concat(head, block(1, -10, new byte[10])), stream);
      assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("negative byte size -10");
    }
  }

  @Test
  void recordsThatEndBeforeOrAfterTheBlockAreCorrupt() throws IOException {
    byte[] head = header(SMALL);
    // id 1, name "ab", tag null: 5 bytes
    byte[] record = {2, 4, 'a', 'b', 0};
    byte[] extra = concat(record, record, new byte[] {7});
    AvroDataException e = failure(concat(head, block(2, extra.length, extra)), false, ReadLimits.DEFAULT);
    assertThat(e).isInstanceOf(CorruptDataException.class);
    assertThat(e.detail()).isEqualTo("block 0: records ended at byte 10 of 11");
    assertInBlock(e, 0, head.length);
    // One record too many: the decoder runs out of data in the third.
    byte[] two = concat(record, record, new byte[] {2, 2, 'x'}); // a third record cut after its name
    e = failure(concat(head, block(3, two.length, two)), false, ReadLimits.DEFAULT);
    assertThat(e).isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated");
    assertInBlock(e, 0, head.length);
    assertThat(e.offsetInBlock()).isEqualTo(13);
    assertThat(e.fieldPath()).isEqualTo("tag");
  }

  @Test
  void corruptDatumErrorsNameTheBlockTheOffsetInItAndTheField() throws IOException {
    byte[] head = header(SMALL);
    byte[] good = {2, 4, 'a', 'b', 0};
    byte[] badUnion = {4, 2, 'c', 10, 0};
    byte[] data = concat(good, badUnion);
    byte[] file = concat(head, block(1, good.length, good), block(2, data.length, data));
    Outcome o = readAll(file, false, ReadLimits.DEFAULT);
    assertThat(o.records()).hasSize(2);
    AvroDataException e = (AvroDataException) o.failure();
    long secondBlock = head.length + 2 + good.length + 16;
    assertInBlock(e, 1, secondBlock);
    assertThat(e.offsetInBlock()).isEqualTo(8);
    assertThat(e.fieldPath()).isEqualTo("tag");
    assertThat(e.getMessage()).isEqualTo(e.detail() + " (file " + NAME + ", block 1, offset " + secondBlock
        + ", byte 8 of the block's data, field tag)");
  }

  @Test
  void decompressedSizeBeyondTheLimitIsRefused() throws IOException {
    List<Object> records = FileTestData.records(SMALL, 200, 3);
    byte[] file = write(SMALL, records, CodecFactory.deflate(9), 8192);
    AvroDataException e = failure(file, false, ReadLimits.DEFAULT.withMaxDecompressedBlockSize(1000));
    assertThat(e).isInstanceOf(LimitExceededException.class);
    assertThat(((LimitExceededException) e).limit()).isEqualTo("maxDecompressedBlockSize");
    assertInBlock(e, 0, FileTestData.blockStarts(file).get(0));
  }

  @Test
  void aFailedReaderRefusesToGoOnUntilSyncMovesIt() throws IOException {
    List<Object> records = FileTestData.records(SMALL, 40, 23);
    byte[] file = write(SMALL, records, CodecFactory.nullCodec(), 100);
    List<Long> starts = FileTestData.blockStarts(file);
    byte[] bad = file.clone();
    bad[(int) (starts.get(2) - 1)] ^= 1; // the sync marker after block 1
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(bad), NAME)) {
      Throwable t = catchThrowable(() -> {
        while (r.hasNext()) {
          r.next();
        }
      });
      assertThat(t).isInstanceOf(CorruptDataException.class).hasMessageContaining("block 1");
      assertThatThrownBy(r::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining(NAME)
          .hasCause(t);
      // Skip the broken block: continue at the block after the next intact marker.
      r.sync(starts.get(2) - DataFileFormat.SYNC_SIZE + 1);
      List<Object> rest = new ArrayList<>();
      while (r.hasNext()) {
        rest.add(r.next());
      }
      List<Object> all = FileTestData.readAll(file);
      assertThat(rest).isNotEmpty().isEqualTo(all.subList(all.size() - rest.size(), all.size()));
    }
  }
}
