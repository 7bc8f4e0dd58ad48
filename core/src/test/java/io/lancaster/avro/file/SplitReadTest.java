package io.lancaster.avro.file;

import static io.lancaster.avro.file.FileTestData.SMALL;
import static io.lancaster.avro.file.FileTestData.assertSameRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.testing.SharedTestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.avro.generic.GenericDatumReader;
import org.junit.jupiter.api.Test;

/**
 * Reading a file in byte-range splits, as MapReduce and Spark do: for any partition of {@code [0, length)} into
 * ranges, readers that {@code sync(start)} and read while {@code !pastSync(end)} read every record exactly once,
 * in order; and each range yields the records Apache Avro's DataFileReader yields for it.
 */
class SplitReadTest {
  private static final int SYNC = DataFileFormat.SYNC_SIZE;

  /** The records of {@code [start, end)}, read with the Hadoop record reader's loop. */
  private static List<Object> readSplit(DataFileReader<Object> r, long start, long end, boolean hasNextFirst)
      throws IOException {
    r.sync(start);
    List<Object> out = new ArrayList<>();
    while (hasNextFirst ? r.hasNext() && !r.pastSync(end) : !r.pastSync(end) && r.hasNext()) {
      out.add(r.next());
    }
    return out;
  }

  /** Reads every range of {@code cuts} (sorted, within (0, length)) in a shuffled order, one reader for all. */
  private static List<Object> readPartition(byte[] file, List<Long> cuts, Random random) throws IOException {
    List<Long> bounds = new ArrayList<>();
    bounds.add(0L);
    bounds.addAll(cuts);
    bounds.add((long) file.length);
    List<List<Object>> parts = new ArrayList<>(Collections.nCopies(bounds.size() - 1, null));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "split.avro")) {
      for (int i : order) {
        parts.set(i, readSplit(r, bounds.get(i), bounds.get(i + 1), random.nextBoolean()));
      }
    }
    List<Object> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  /** Positions where splits are most likely to go wrong: in the header, at, inside and around sync markers. */
  private static List<Long> interestingPositions(byte[] file) throws IOException {
    List<Long> starts = FileTestData.blockStarts(file); // the first block start is the header's end
    TreeSet<Long> out = new TreeSet<>();
    long headerEnd = starts.get(0);
    for (long p : new long[] {1, 2, 3, 4, 5, headerEnd / 2}) {
      out.add(p);
    }
    for (long s : starts) {
      for (long d = -SYNC - 2; d <= 2; d++) {
        out.add(s + d);
      }
    }
    out.removeIf(p -> p <= 0 || p >= file.length);
    return new ArrayList<>(out);
  }

  /** A random partition: random cut points, interesting ones, and tiny ranges. */
  private static List<Long> randomCuts(byte[] file, List<Long> interesting, Random random) {
    TreeSet<Long> cuts = new TreeSet<>();
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      long p;
      switch (random.nextInt(3)) {
        case 0 -> p = 1 + random.nextInt(file.length - 1);
        case 1 -> p = interesting.get(random.nextInt(interesting.size()));
        default -> {
          p = 1 + random.nextInt(file.length - 1);
          cuts.add(Math.min(file.length - 1L, p + 1)); // a range of one byte
        }
      }
      cuts.add(p);
    }
    return new ArrayList<>(cuts);
  }

  private static void assertRandomPartitionsReadEveryRecordOnce(byte[] file, long seed, int partitions)
      throws IOException {
    List<Object> expected = FileTestData.readAll(file);
    List<Long> interesting = interestingPositions(file);
    Random random = new Random(seed);
    for (int i = 0; i < partitions; i++) {
      List<Long> cuts = randomCuts(file, interesting, random);
      try {
        assertSameRecords(expected, readPartition(file, cuts, random));
      } catch (AssertionError e) {
        throw new AssertionError("partition at " + cuts + ": " + e.getMessage(), e);
      }
    }
  }

  private static byte[] smallFile(int records, int syncInterval, long seed) throws IOException {
    return FileTestData.write(SMALL, FileTestData.records(SMALL, records, seed), CodecFactory.nullCodec(),
        syncInterval);
  }

  @Test
  void randomPartitionsReadEveryRecordExactlyOnce() throws IOException {
    byte[] file = FileTestData.write(SMALL, FileTestData.records(SMALL, 800, 7), CodecFactory.deflate(1), 300);
    assertThat(FileTestData.blockStarts(file)).hasSizeGreaterThan(40);
    assertRandomPartitionsReadEveryRecordOnce(file, 11, 150);
  }

  @Test
  void everyTwoWaySplitOfASmallFileReadsEveryRecordExactlyOnce() throws IOException {
    byte[] file = smallFile(60, 64, 3);
    List<Object> expected = FileTestData.readAll(file);
    assertThat(FileTestData.blockStarts(file)).hasSizeGreaterThan(15);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "split.avro")) {
      for (long p = 0; p <= file.length; p++) {
        List<Object> all = new ArrayList<>(readSplit(r, 0, p, p % 2 == 0));
        all.addAll(readSplit(r, p, file.length, p % 3 == 0));
        try {
          assertSameRecords(expected, all);
        } catch (AssertionError e) {
          throw new AssertionError("split at " + p + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @Test
  void syncFindsTheFirstMarkerAtOrAfterThePosition() throws IOException {
    byte[] file = smallFile(40, 64, 5);
    List<Long> starts = FileTestData.blockStarts(file);
    long headerEnd = starts.get(0);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "split.avro")) {
      assertThat(r.header().length()).isEqualTo(headerEnd);
      for (long p = 0; p <= headerEnd - SYNC; p++) {
        r.sync(p);
        assertThat(r.previousSync()).as("sync(%d) inside the header", p).isEqualTo(headerEnd);
      }
      for (int b = 0; b + 1 < starts.size(); b++) {
        long blockStart = starts.get(b);
        long next = starts.get(b + 1);
        // Past the start of the marker before this block, the next marker is the one after the block.
        for (long p = blockStart - SYNC + 1; p <= next - SYNC; p++) {
          r.sync(p);
          assertThat(r.previousSync()).as("sync(%d)", p).isEqualTo(next);
        }
        r.sync(blockStart - SYNC);
        assertThat(r.previousSync()).isEqualTo(blockStart);
        DataBlock block = r.nextBlock();
        assertThat(block.start()).isEqualTo(blockStart);
        assertThat(block.number()).isEqualTo(b == 0 ? 0 : -1);
      }
      r.sync(file.length - SYNC + 1);
      assertThat(r.hasNext()).isFalse();
      assertThat(r.previousSync()).isEqualTo(file.length);
      assertThat(r.pastSync(0)).isTrue();
      r.sync(file.length + 100);
      assertThat(r.hasNext()).isFalse();
    }
  }

  @Test
  void pastSyncTurnsTrueWhenTheNextRecordsBlockStartsAMarkerPastThePosition() throws IOException {
    byte[] file = smallFile(40, 64, 5);
    List<Long> starts = FileTestData.blockStarts(file);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "split.avro")) {
      r.sync(0);
      long second = starts.get(1);
      // A range [s, e) owns the block after the marker starting at e - 1 or earlier, not the one at e.
      assertThat(r.pastSync(starts.get(0) - SYNC)).isTrue();
      assertThat(r.pastSync(starts.get(0) - SYNC + 1)).isFalse();
      // Read the first block record by record: previousSync stays at its start until its last record is read.
      long firstBlockRecords;
      try (DataFileReader<Object> counter = DataFileReader.open(new SeekableByteArrayInput(file), "c")) {
        firstBlockRecords = counter.nextBlock().recordCount();
      }
      for (long i = 0; i < firstBlockRecords; i++) {
        assertThat(r.previousSync()).isEqualTo(starts.get(0));
        r.next();
      }
      assertThat(r.previousSync()).isEqualTo(second);
      assertThat(r.pastSync(second - SYNC + 1)).isFalse();
      assertThat(r.pastSync(second - SYNC)).isTrue();
      assertThat(r.tell()).isGreaterThanOrEqualTo(second);
    }
  }

  @Test
  void eachRangeYieldsTheRecordsApacheAvroYieldsForIt() throws IOException {
    List<Object> records = FileTestData.records(SMALL, 500, 21);
    byte[] file = FileTestData.writeApache(SMALL, records, org.apache.avro.file.CodecFactory.deflateCodec(3), 200);
    Random random = new Random(99);
    List<Long> interesting = interestingPositions(file);
    try (DataFileReader<Object> ours = DataFileReader.open(new SeekableByteArrayInput(file), "apache.avro");
        org.apache.avro.file.DataFileReader<Object> theirs = new org.apache.avro.file.DataFileReader<>(
            new org.apache.avro.file.SeekableByteArrayInput(file), new GenericDatumReader<>())) {
      for (int i = 0; i < 300; i++) {
        long a = random.nextBoolean() ? interesting.get(random.nextInt(interesting.size()))
            : random.nextInt(file.length + 1);
        long b = random.nextInt(4) == 0 ? a + random.nextInt(3) : random.nextInt(file.length + 1);
        long start = Math.min(a, b);
        long end = Math.max(a, b);
        theirs.sync(start);
        List<Object> expected = new ArrayList<>();
        while (theirs.hasNext() && !theirs.pastSync(end)) {
          expected.add(theirs.next());
        }
        try {
          assertSameRecords(expected, readSplit(ours, start, end, true));
          assertThat(ours.previousSync()).isEqualTo(theirs.previousSync());
        } catch (AssertionError e) {
          throw new AssertionError("range [" + start + ", " + end + "): " + e.getMessage(), e);
        }
      }
    }
  }

  @Test
  void randomPartitionsOfAnApacheAvroFileReadEveryRecordExactlyOnce() throws IOException {
    List<Object> records = FileTestData.records(SMALL, 600, 8);
    byte[] file = FileTestData.writeApache(SMALL, records, org.apache.avro.file.CodecFactory.snappyCodec(), 256);
    assertSameRecords(records, FileTestData.readAll(file));
    assertRandomPartitionsReadEveryRecordOnce(file, 12, 100);
  }

  @Test
  void blockLevelSplitsReturnEveryBlockExactlyOnce() throws IOException {
    byte[] file = FileTestData.write(SMALL, FileTestData.records(SMALL, 500, 4), CodecFactory.snappy(), 200);
    List<Long> starts = FileTestData.blockStarts(file);
    List<Long> blocks = starts.subList(0, starts.size() - 1);
    Random random = new Random(5);
    List<Long> interesting = interestingPositions(file);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "blocks.avro")) {
      for (int i = 0; i < 100; i++) {
        List<Long> cuts = randomCuts(file, interesting, random);
        List<Long> bounds = new ArrayList<>();
        bounds.add(0L);
        bounds.addAll(cuts);
        bounds.add((long) file.length);
        List<Long> seen = new ArrayList<>();
        long records = 0;
        for (int k = 0; k + 1 < bounds.size(); k++) {
          r.sync(bounds.get(k));
          while (!r.pastSync(bounds.get(k + 1))) {
            DataBlock b = r.nextBlock();
            if (b == null) {
              break;
            }
            seen.add(b.start());
            records += b.recordCount();
          }
        }
        assertThat(seen).as("partition %s", cuts).isEqualTo(blocks);
        assertThat(records).isEqualTo(500);
      }
    }
  }

  @Test
  void syncInMetaFileSplitsAtEveryPositionReadEveryRecordOnce() throws IOException {
    // Its metadata holds the sync marker's bytes (avro.sync), so a search from inside the header would find a
    // false marker there; positions up to the header's own marker go straight to the first block instead.
    byte[] file = Files.readAllBytes(SharedTestData.apacheAvro().resolve("data/syncInMeta.avro"));
    List<Object> expected = FileTestData.readApache(file);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "syncInMeta.avro")) {
      for (long p = 0; p <= file.length; p += p < 400 ? 1 : 37) {
        List<Object> all = new ArrayList<>(readSplit(r, 0, p, true));
        all.addAll(readSplit(r, p, file.length, false));
        try {
          assertSameRecords(expected, all);
        } catch (AssertionError e) {
          throw new AssertionError("split at " + p + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @Test
  void emptyBlocksDoNotBreakSplits() throws IOException {
    byte[] plain = smallFile(50, 64, 9);
    List<Long> starts = FileTestData.blockStarts(plain);
    byte[] sync;
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(plain), "p")) {
      sync = r.sync();
    }
    // Insert an empty block (count 0, size 0, sync) before every other block, and two at the end.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long prev = 0;
    for (int i = 0; i < starts.size(); i++) {
      long s = starts.get(i);
      out.write(plain, (int) prev, (int) (s - prev));
      prev = s;
      if (i % 2 == 0 || i == starts.size() - 1) {
        out.write(new byte[] {0, 0});
        out.write(sync);
        if (i == starts.size() - 1) {
          out.write(new byte[] {0, 0});
          out.write(sync);
        }
      }
    }
    byte[] file = out.toByteArray();
    assertSameRecords(FileTestData.readAll(plain), FileTestData.readAll(file));
    assertRandomPartitionsReadEveryRecordOnce(file, 13, 100);
  }

  @Test
  void streamsCannotSync() throws IOException {
    byte[] file = smallFile(10, 64, 1);
    try (DataFileReader<Object> r = DataFileReader.open(new ByteArrayInputStream(file), "stream.avro")) {
      assertThatThrownBy(() -> r.sync(0)).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("stream.avro");
      assertThatThrownBy(() -> r.pastSync(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> r.seek(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThat(r.previousSync()).isEqualTo(r.header().length());
      assertThat(r.length()).isEqualTo(-1);
      int n = 0;
      while (r.hasNext()) {
        r.next();
        n++;
      }
      assertThat(n).isEqualTo(10);
    }
  }
}
