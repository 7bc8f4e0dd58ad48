package io.lancaster.avro.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.avro.file.DataFileStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Container files over seeded random schemas (recursive types, logical types, any top-level type), each with a
 * codec of every kind and level, a small sync interval (so files have several blocks) and 0 to 300 random records:
 * Lancaster's files read equal in Apache Avro 1.12.1 and Apache's in Lancaster, with the same metadata, codec and
 * block layout; whole blocks decode to the same records; random split partitions read every record exactly once;
 * and a file written by Apache, read and written again by Lancaster with its sync marker, codec and sync interval,
 * holds the same records in the same blocks (and the same data bytes, for the codecs both libraries drive alike).
 * Each seed is a reproducible case (its description names the seed,
 * codec, sync interval, record count and schema).
 */
class RandomFileInteropTest {
  private static final int CASES = 60;
  private static final int MAX_RECORDS = 300;
  private static final int SYNC = DataFileFormat.SYNC_SIZE;
  private static final RandomSchemas SCHEMAS = new RandomSchemas();
  private static final RandomData DATA = new RandomData(4, 3);
  /** Codecs that compress equal data to equal bytes in both libraries (see writeReadWriteKeepsRecordsAndBlocks). */
  private static final Set<String> SAME_COMPRESSED_BYTES =
      Set.of(CodecFactory.NULL, CodecFactory.DEFLATE, CodecFactory.SNAPPY, CodecFactory.BZIP2);

  /** A Lancaster codec and the Apache Avro codec factory configured the same way. */
  record CodecChoice(String label, Supplier<Codec> ours, Supplier<org.apache.avro.file.CodecFactory> theirs) {
    String name() {
      try (Codec c = ours.get()) {
        return c.name();
      }
    }
  }

  /** One seeded case: what both writers are given, and the block layout both must produce. */
  record Case(int seed, Schema schema, List<Object> records, CodecChoice codec, int syncInterval,
      Map<String, byte[]> userMeta, byte[] sync, List<Long> expectedBlocks) {
    @Override
    public String toString() {
      return "seed " + seed + ", " + codec.label() + ", sync interval " + syncInterval + ", " + records.size()
          + " records in " + expectedBlocks.size() + " blocks, schema " + schema;
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, CASES);
  }

  /** The codec of a case: the kind cycles with the seed, so every kind gets a sixth of the schemas. */
  private static CodecChoice codec(int seed, Random random) {
    switch (seed % 6) {
      case 0:
        return new CodecChoice("null", CodecFactory::nullCodec, org.apache.avro.file.CodecFactory::nullCodec);
      case 1: {
        int level = random.nextInt(11) - 1; // -1 (zlib's default) to 9
        return new CodecChoice("deflate(" + level + ")", () -> CodecFactory.deflate(level),
            () -> org.apache.avro.file.CodecFactory.deflateCodec(level));
      }
      case 2:
        return new CodecChoice("snappy", CodecFactory::snappy, org.apache.avro.file.CodecFactory::snappyCodec);
      case 3: {
        int level = random.nextInt(20) - 7; // the fast negative levels, zstd's default (0) and up to 12
        boolean checksum = random.nextBoolean();
        return new CodecChoice("zstandard(" + level + (checksum ? ", checksum)" : ")"),
            () -> CodecFactory.zstandard(level, checksum),
            () -> org.apache.avro.file.CodecFactory.zstandardCodec(level, checksum));
      }
      case 4:
        return new CodecChoice("bzip2", CodecFactory::bzip2, org.apache.avro.file.CodecFactory::bzip2Codec);
      default: {
        // Presets 7 to 9 need 186 to 674 MiB of encoder memory for every block: too slow for many small blocks.
        int level = random.nextInt(7);
        return new CodecChoice("xz(" + level + ")", () -> CodecFactory.xz(level),
            () -> org.apache.avro.file.CodecFactory.xzCodec(level));
      }
    }
  }

  private static Case newCase(int seed) throws IOException {
    Random random = new Random(0x5EED_F11EL + seed);
    Schema schema = SCHEMAS.next(random);
    int n = switch (seed % 30) {
      case 0 -> 0;
      case 1 -> 1;
      default -> random.nextInt(MAX_RECORDS + 1);
    };
    List<Object> records = new ArrayList<>(n);
    List<Integer> sizes = new ArrayList<>(n);
    GenericDatumWriter writer = new GenericDatumWriter(schema);
    BufferEncoder enc = new BufferEncoder();
    long total = 0;
    for (int i = 0; i < n; i++) {
      Object datum = DATA.next(schema, random);
      records.add(datum);
      enc.reset();
      writer.write(datum, enc);
      sizes.add(enc.size());
      total += enc.size();
    }
    // Small enough for several blocks: the minimum now and then, else about 2 to 16 blocks' worth of data.
    int syncInterval = random.nextInt(5) == 0 ? DataFileWriter.MIN_SYNC_INTERVAL
        : (int) Math.max(DataFileWriter.MIN_SYNC_INTERVAL, total / (2 + random.nextInt(15)));
    // Both writers end a block once its records reach the sync interval, so the layout follows from the sizes.
    List<Long> blocks = new ArrayList<>();
    long blockBytes = 0;
    long blockRecords = 0;
    for (int size : sizes) {
      blockBytes += size;
      blockRecords++;
      if (blockBytes >= syncInterval) {
        blocks.add(blockRecords);
        blockBytes = 0;
        blockRecords = 0;
      }
    }
    if (blockRecords > 0) {
      blocks.add(blockRecords);
    }
    Map<String, byte[]> meta = new LinkedHashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      byte[] value = new byte[random.nextInt(12)];
      random.nextBytes(value); // not UTF-8 in general: metadata values are bytes
      meta.put("user.key" + i, value);
    }
    byte[] sync = new byte[SYNC];
    random.nextBytes(sync);
    return new Case(seed, schema, records, codec(seed, random), syncInterval, meta, sync, blocks);
  }

  // ---- writing and reading with either library

  private static byte[] writeLancaster(Case c) throws IOException {
    return writeLancaster(c, c.records(), c.sync());
  }

  private static byte[] writeLancaster(Case c, List<Object> records, byte[] sync) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataFileWriter<Object> w = DataFileWriter.generic().setCodec(c.codec().ours().get())
        .setSyncInterval(c.syncInterval()).setSyncMarker(sync);
    c.userMeta().forEach(w::setMeta);
    try (DataFileWriter<Object> open = w.create(c.schema(), out)) {
      for (Object r : records) {
        open.append(r);
      }
    }
    return out.toByteArray();
  }

  private static byte[] writeApache(Case c) throws IOException {
    org.apache.avro.Schema avro = AvroJava.toAvro(c.schema());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (org.apache.avro.file.DataFileWriter<Object> w =
        new org.apache.avro.file.DataFileWriter<>(new org.apache.avro.generic.GenericDatumWriter<>(avro))) {
      w.setCodec(c.codec().theirs().get());
      w.setSyncInterval(c.syncInterval());
      c.userMeta().forEach(w::setMeta);
      w.create(avro, out, c.sync());
      for (Object r : c.records()) {
        w.append(AvroJava.toAvroDatum(c.schema(), avro, r));
      }
    }
    return out.toByteArray();
  }

  private static DataFileReader<Object> openLancaster(byte[] file) throws IOException {
    return DataFileReader.open(new SeekableByteArrayInput(file), "random.avro");
  }

  private static List<Object> readLancaster(DataFileReader<Object> r) throws IOException {
    List<Object> out = new ArrayList<>();
    while (r.hasNext()) {
      out.add(r.next());
    }
    return out;
  }

  private static org.apache.avro.file.DataFileReader<Object> openApache(byte[] file) throws IOException {
    return new org.apache.avro.file.DataFileReader<>(new org.apache.avro.file.SeekableByteArrayInput(file),
        new org.apache.avro.generic.GenericDatumReader<>());
  }

  /** The record count of each block, as Apache Avro's DataFileStream sees them. */
  private static List<Long> apacheBlockCounts(byte[] file) throws IOException {
    List<Long> counts = new ArrayList<>();
    try (DataFileStream<Object> s = new DataFileStream<>(new ByteArrayInputStream(file),
        new org.apache.avro.generic.GenericDatumReader<>())) {
      while (s.hasNext()) {
        counts.add(s.getBlockCount());
        s.nextBlock();
      }
    }
    return counts;
  }

  /** The record count of each block, as Lancaster's block API sees them. */
  private static List<Long> lancasterBlockCounts(byte[] file) throws IOException {
    List<Long> counts = new ArrayList<>();
    try (DataFileReader<Object> r = openLancaster(file)) {
      for (DataBlock b = r.nextBlock(); b != null; b = r.nextBlock()) {
        counts.add(b.recordCount());
      }
    }
    return counts;
  }

  private static void assertSameRecords(Case c, String what, List<?> expected, List<?> actual) {
    try {
      FileTestData.assertSameRecords(expected, actual);
    } catch (AssertionError e) {
      throw new AssertionError(what + ": " + e.getMessage() + "\n  in " + c, e);
    }
  }

  private static Map<String, byte[]> expectedMetadata(Case c, String schemaJson) {
    Map<String, byte[]> meta = new LinkedHashMap<>();
    meta.put("avro.schema", schemaJson.getBytes(StandardCharsets.UTF_8));
    meta.put("avro.codec", c.codec().name().getBytes(StandardCharsets.UTF_8));
    meta.putAll(c.userMeta());
    return meta;
  }

  private static void assertSameMetadata(Case c, Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertThat(actual.keySet()).as("metadata keys in %s", c).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as("metadata %s in %s", k, c).isEqualTo(v));
  }

  // ---- the properties

  /** (a) Lancaster writes; Apache Avro reads the same records, metadata, codec name, sync marker and blocks. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lancasterFilesReadEqualInApacheAvro(int seed) throws IOException {
    Case c = newCase(seed);
    byte[] file = writeLancaster(c);
    try (org.apache.avro.file.DataFileReader<Object> r = openApache(file)) {
      assertThat(r.getSchema()).as("schema of %s", c).isEqualTo(AvroJava.toAvro(c.schema()));
      assertThat(r.getMetaString("avro.codec")).as("codec of %s", c).isEqualTo(c.codec().name());
      Map<String, byte[]> meta = new LinkedHashMap<>();
      r.getMetaKeys().forEach(k -> meta.put(k, r.getMeta(k)));
      assertSameMetadata(c, expectedMetadata(c, c.schema().toString()), meta);
      List<Object> read = new ArrayList<>();
      r.forEach(read::add);
      assertSameRecords(c, "Apache Avro reading Lancaster's file", c.records(), read);
    }
    assertThat(apacheBlockCounts(file)).as("blocks of %s", c).isEqualTo(c.expectedBlocks());
    // Every container file ends with its sync marker: the header's, or the last block's.
    assertThat(Arrays.copyOfRange(file, file.length - SYNC, file.length)).as("sync marker of %s", c)
        .isEqualTo(c.sync());
  }

  /** (b) Apache Avro writes with its codec factory; Lancaster reads the same, seekable and streaming. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void apacheAvroFilesReadEqualInLancaster(int seed) throws IOException {
    Case c = newCase(seed);
    byte[] file = writeApache(c);
    try (DataFileReader<Object> r = openLancaster(file)) {
      assertThat(r.schema()).as("schema of %s", c).isEqualTo(c.schema());
      assertThat(r.codecName()).as("codec of %s", c).isEqualTo(c.codec().name());
      assertThat(r.sync()).as("sync marker of %s", c).isEqualTo(c.sync());
      assertSameMetadata(c, expectedMetadata(c, AvroJava.toAvro(c.schema()).toString()), r.metadata());
      assertSameRecords(c, "Lancaster reading Apache Avro's file", c.records(), readLancaster(r));
    }
    try (DataFileReader<Object> r = DataFileReader.open(new ByteArrayInputStream(file), "stream.avro")) {
      assertSameRecords(c, "Lancaster streaming Apache Avro's file", c.records(), readLancaster(r));
    }
    assertThat(lancasterBlockCounts(file)).as("blocks of %s", c).isEqualTo(c.expectedBlocks());
  }

  /**
   * (c) Whole blocks from {@link DataFileReader#nextBlock()}, decoded with a {@link ByteArrayDecoder} over each,
   * hold the records, are numbered in order and start where Apache Avro finds their sync markers; for files of
   * either writer.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void blocksDecodeToTheSameRecords(int seed) throws IOException {
    Case c = newCase(seed);
    for (byte[] file : List.of(writeLancaster(c), writeApache(c))) {
      List<Object> read = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      List<Long> starts = new ArrayList<>();
      try (DataFileReader<Object> r = openLancaster(file)) {
        GenericDatumReader reader = new GenericDatumReader(r.schema());
        for (DataBlock b = r.nextBlock(); b != null; b = r.nextBlock()) {
          assertThat(b.number()).as("block number in %s", c).isEqualTo(counts.size());
          if (starts.isEmpty()) {
            assertThat(b.start()).as("first block of %s", c).isEqualTo(r.header().length());
          } else {
            assertThat(b.start()).as("block %d of %s", counts.size(), c).isGreaterThan(starts.get(starts.size() - 1));
          }
          ByteArrayDecoder in = b.decoder(ReadLimits.DEFAULT);
          for (long i = 0; i < b.recordCount(); i++) {
            read.add(reader.read(in));
          }
          assertThat(in.isEnd()).as("block %d decoded whole in %s", counts.size(), c).isTrue();
          counts.add(b.recordCount());
          starts.add(b.start());
        }
        assertThat(r.nextBlock()).isNull();
        assertThat(r.hasNext()).isFalse();
      }
      assertSameRecords(c, "records of the blocks", c.records(), read);
      assertThat(counts).as("blocks of %s", c).isEqualTo(c.expectedBlocks());
      try (org.apache.avro.file.DataFileReader<Object> theirs = openApache(file)) {
        for (long start : starts) {
          theirs.sync(start - SYNC);
          assertThat(theirs.previousSync()).as("Apache Avro's sync before block at %d of %s", start, c)
              .isEqualTo(start);
        }
      }
    }
  }

  /**
   * (d) Random partitions of a Lancaster-written file into byte ranges, each read with {@code sync(start)} and
   * {@code !pastSync(end)} in a shuffled order, read every record exactly once; each range yields the records
   * Apache Avro's reader yields for it.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSplitsReadEveryRecordExactlyOnce(int seed) throws IOException {
    Case c = newCase(seed);
    byte[] file = writeLancaster(c);
    Random random = new Random(seed);
    List<Long> interesting = new ArrayList<>();
    try (DataFileReader<Object> r = openLancaster(file)) {
      for (DataBlock b = r.nextBlock(); b != null; b = r.nextBlock()) {
        for (long d = -SYNC - 1; d <= 1; d++) {
          interesting.add(b.start() + d);
        }
      }
    }
    try (DataFileReader<Object> ours = openLancaster(file);
        org.apache.avro.file.DataFileReader<Object> theirs = openApache(file)) {
      for (int p = 0; p < 3; p++) {
        List<Long> bounds = randomBounds(file.length, interesting, random);
        List<List<Object>> parts = new ArrayList<>(Collections.nCopies(bounds.size() - 1, null));
        List<Integer> order = new ArrayList<>(IntStream.range(0, parts.size()).boxed().toList());
        Collections.shuffle(order, random);
        for (int i : order) {
          long start = bounds.get(i);
          long end = bounds.get(i + 1);
          ours.sync(start);
          List<Object> part = new ArrayList<>();
          while (!ours.pastSync(end) && ours.hasNext()) {
            part.add(ours.next());
          }
          parts.set(i, part);
          theirs.sync(start);
          List<Object> expected = new ArrayList<>();
          while (theirs.hasNext() && !theirs.pastSync(end)) {
            expected.add(theirs.next());
          }
          assertSameRecords(c, "range [" + start + ", " + end + ") vs Apache Avro", expected, part);
        }
        List<Object> all = new ArrayList<>();
        parts.forEach(all::addAll);
        assertSameRecords(c, "partition at " + bounds, c.records(), all);
      }
    }
  }

  /** 0, some cut points (uniform, or at and around sync markers), and the length: sorted, distinct. */
  private static List<Long> randomBounds(int length, List<Long> interesting, Random random) {
    TreeSet<Long> cuts = new TreeSet<>();
    for (int n = 1 + random.nextInt(12); n > 0; n--) {
      long p = interesting.isEmpty() || random.nextBoolean() ? 1 + random.nextInt(length - 1)
          : interesting.get(random.nextInt(interesting.size()));
      if (p > 0 && p < length) {
        cuts.add(p);
      }
    }
    List<Long> bounds = new ArrayList<>();
    bounds.add(0L);
    bounds.addAll(cuts);
    bounds.add((long) length);
    return bounds;
  }

  /**
   * Write, read, write: Lancaster reads a file Apache Avro wrote and writes its records again with the same sync
   * marker, codec and sync interval. The records are the same, in the same blocks (both writers end a block once
   * its records reach the sync interval).
   *
   * <p>Whole files are not byte-identical, and this test does not ask them to be: Apache Avro keeps its metadata in
   * a HashMap (avro.schema, avro.codec and user keys come in hash order, not in Lancaster's order) and prints
   * custom properties and aliases of a schema in another order, so the headers differ. After the header, the data
   * blocks are byte-identical for the codecs whose compressors both libraries drive the same way (null, deflate
   * through java.util.zip, snappy through snappy-java with the same CRC32, bzip2 through commons-compress), which
   * is checked when the schema has no map: a map is read into a HashMap, whose iteration order, and so the order in
   * which its entries are written again, is not promised. Two codecs differ by design: zstandard (Apache Avro
   * streams through ZstdOutputStream, whose frames do not declare their content size; Lancaster compresses a block
   * in one call and declares it) and xz (Apache Avro's commons-compress stream flushes the LZMA2 encoder before
   * finishing, which now and then ends a chunk elsewhere or stores it uncompressed; Lancaster only finishes).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writeReadWriteKeepsRecordsAndBlocks(int seed) throws IOException {
    Case c = newCase(seed);
    byte[] theirs = writeApache(c);
    List<Object> read;
    byte[] sync;
    try (DataFileReader<Object> r = openLancaster(theirs)) {
      read = readLancaster(r);
      sync = r.sync();
    }
    byte[] ours = writeLancaster(c, read, sync);
    try (DataFileReader<Object> r = openLancaster(ours)) {
      assertThat(r.sync()).isEqualTo(sync);
      assertThat(r.codecName()).isEqualTo(c.codec().name());
      assertSameRecords(c, "Lancaster's rewrite read by Lancaster", c.records(), readLancaster(r));
    }
    try (org.apache.avro.file.DataFileReader<Object> r = openApache(ours)) {
      List<Object> again = new ArrayList<>();
      r.forEach(again::add);
      assertSameRecords(c, "Lancaster's rewrite read by Apache Avro", c.records(), again);
    }
    assertThat(lancasterBlockCounts(ours)).as("blocks of the rewrite of %s", c)
        .isEqualTo(lancasterBlockCounts(theirs)).isEqualTo(c.expectedBlocks());
    if (byteIdentityExpected(c)) {
      assertThat(dataBlocks(ours)).as("data blocks of the rewrite of %s", c).isEqualTo(dataBlocks(theirs));
    }
  }

  private static boolean byteIdentityExpected(Case c) {
    return SAME_COMPRESSED_BYTES.contains(c.codec().name()) && !anyType(c.schema(), s -> s.type() == Schema.Type.MAP);
  }

  /** The bytes after the header: every data block with its count, size and sync marker. */
  private static byte[] dataBlocks(byte[] file) throws IOException {
    try (DataFileReader<Object> r = openLancaster(file)) {
      return Arrays.copyOfRange(file, (int) r.header().length(), file.length);
    }
  }

  /**
   * The seeds cover what the class comment promises: every codec, recursion, logical types, non-record schemas,
   * empty files, files of several blocks, and enough rewrites whose data blocks are compared byte for byte.
   */
  @Test
  void theSeedsCoverEveryCodecRecursionLogicalTypesAndSeveralBlocks() throws IOException {
    Set<String> codecs = new TreeSet<>();
    int recursive = 0;
    int logical = 0;
    int empty = 0;
    int severalBlocks = 0;
    int nonRecords = 0;
    int byteIdentical = 0;
    for (int seed = 0; seed < CASES; seed++) {
      Case c = newCase(seed);
      codecs.add(c.codec().name());
      recursive += SchemaVisitor.isRecursive(c.schema()) ? 1 : 0;
      logical += anyType(c.schema(), s -> s.logicalType() != null) ? 1 : 0;
      empty += c.records().isEmpty() ? 1 : 0;
      severalBlocks += c.expectedBlocks().size() >= 3 ? 1 : 0;
      nonRecords += c.schema().type() != Schema.Type.RECORD ? 1 : 0;
      byteIdentical += byteIdentityExpected(c) ? 1 : 0;
    }
    assertThat(codecs).containsExactlyInAnyOrderElementsOf(CodecFactory.supportedNames());
    assertThat(recursive).as("recursive schemas").isGreaterThanOrEqualTo(5);
    assertThat(logical).as("schemas with logical types").isGreaterThanOrEqualTo(15);
    assertThat(empty).as("empty files").isGreaterThanOrEqualTo(2);
    assertThat(severalBlocks).as("files of 3 blocks or more").isGreaterThanOrEqualTo(CASES / 2);
    assertThat(nonRecords).as("files of non-record schemas").isGreaterThanOrEqualTo(5);
    assertThat(byteIdentical).as("rewrites compared byte for byte").isGreaterThanOrEqualTo(10);
  }

  /** Whether {@code s} or a type in it (recursive types are visited once) matches {@code p}. */
  private static boolean anyType(Schema s, Predicate<Schema> p) {
    return anyType(s, p, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean anyType(Schema s, Predicate<Schema> p, Set<Schema> seen) {
    if (!seen.add(s)) {
      return false;
    }
    if (p.test(s)) {
      return true;
    }
    if (s instanceof RecordSchema r) {
      return r.fields().stream().anyMatch(f -> anyType(f.schema(), p, seen));
    } else if (s instanceof ArraySchema a) {
      return anyType(a.items(), p, seen);
    } else if (s instanceof MapSchema m) {
      return anyType(m.values(), p, seen);
    } else if (s instanceof UnionSchema u) {
      return u.branches().stream().anyMatch(b -> anyType(b, p, seen));
    }
    return false;
  }
}
