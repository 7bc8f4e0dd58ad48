package io.lancaster.avro.file;

import static io.lancaster.avro.file.FileTestData.ALL_TYPES;
import static io.lancaster.avro.file.FileTestData.SMALL;
import static io.lancaster.avro.file.FileTestData.assertSameRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DataFileWriter: blocks and sync positions, flush, appendTo, metadata, and rollback of a failed append. */
class WriterTest {
  private static final byte[] SYNC = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  private static GenericRecord small(long id, String name) {
    return new GenericRecord((RecordSchema) SMALL).put("id", id).put("name", name).put("tag", null);
  }

  private static List<Object> read(Path file) throws IOException {
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      List<Object> out = new ArrayList<>();
      r.forEach(out::add);
      return out;
    }
  }

  @Test
  void appendToContinuesAnExistingFileWithItsSchemaCodecAndSyncMarker() throws IOException {
    Path file = dir.resolve("data.avro");
    List<Object> records = FileTestData.records(ALL_TYPES, 300, 31);
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.zstandard(3, false))
        .setSyncInterval(4096).setSyncMarker(SYNC).setMeta("owner", "team-a").create(ALL_TYPES, file)) {
      for (Object r : records.subList(0, 200)) {
        w.append(r);
      }
    }
    long before = Files.size(file);
    List<Long> startsBefore = FileTestData.blockStarts(Files.readAllBytes(file));
    try (DataFileWriter<Object> w = DataFileWriter.generic().appendTo(file)) {
      assertThat(w.schema()).isEqualTo(ALL_TYPES);
      assertThat(w.position()).isEqualTo(before);
      for (Object r : records.subList(200, 300)) {
        w.append(r);
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    // The old blocks are untouched; new ones follow.
    assertThat(FileTestData.blockStarts(bytes)).startsWith(startsBefore.subList(0, startsBefore.size() - 1)
        .toArray(Long[]::new));
    assertSameRecords(records, read(file));
    assertSameRecords(records, FileTestData.readApache(bytes));
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      assertThat(r.codecName()).isEqualTo("zstandard");
      assertThat(r.sync()).isEqualTo(SYNC);
      assertThat(r.metaString("owner")).isEqualTo("team-a");
    }
  }

  @Test
  void appendToRefusesConflictingSettingsAndUnfinishedFiles() throws IOException {
    Path file = dir.resolve("data.avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.deflate(1)).create(SMALL, file)) {
      w.append(small(1, "a"));
    }
    assertThatThrownBy(() -> DataFileWriter.generic().setCodec(CodecFactory.snappy()).appendTo(file))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("deflate").hasMessageContaining("snappy");
    assertThatThrownBy(() -> DataFileWriter.generic().setMeta("k", "v").appendTo(file))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("[k]");
    assertThatThrownBy(() -> DataFileWriter.generic().setSyncMarker(SYNC).appendTo(file))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("sync marker");
    // The same codec with another level is fine.
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.deflate(9)).appendTo(file)) {
      w.append(small(2, "b"));
    }
    assertThat(read(file)).containsExactly(small(1, "a"), small(2, "b"));

    byte[] bytes = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.avro");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> DataFileWriter.generic().appendTo(cut)).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("does not end with its sync marker").hasMessageContaining(cut.toString());
    assertThat(Files.size(cut)).isEqualTo(bytes.length - 3);
  }

  @Test
  void syncEndsTheBlockAndReturnsAPositionTheReaderCanSeekTo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Long> positions = new ArrayList<>();
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(SMALL, out)) {
      positions.add(w.sync()); // nothing pending: no empty block is written
      for (int group = 0; group < 4; group++) {
        for (int i = 0; i < 5; i++) {
          w.append(small(group * 10 + i, "g" + group));
        }
        long p = w.sync();
        assertThat(p).isEqualTo(out.size()).isEqualTo(w.position());
        positions.add(p);
      }
    }
    byte[] file = out.toByteArray();
    assertThat(FileTestData.blockStarts(file)).containsExactlyElementsOf(positions);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "sync.avro")) {
      assertThat(r.header().length()).isEqualTo(positions.get(0));
      for (int group = 0; group < 4; group++) {
        r.seek(positions.get(group));
        assertThat(r.previousSync()).isEqualTo(positions.get(group));
        assertThat(r.next()).isEqualTo(small(group * 10, "g" + group));
      }
      r.seek(positions.get(4));
      assertThat(r.hasNext()).isFalse();
      assertThatThrownBy(() -> r.seek(3)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void flushMakesTheRecordsSoFarAReadableFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.snappy()).create(SMALL, out)) {
      w.append(small(1, "one"));
      w.append(small(2, "two"));
      int headerOnly = out.size();
      assertThat(FileTestData.readAll(out.toByteArray())).as("pending records are not written yet").isEmpty();
      w.flush();
      assertThat(out.size()).isGreaterThan(headerOnly);
      assertThat(FileTestData.readAll(out.toByteArray())).containsExactly(small(1, "one"), small(2, "two"));
      w.append(small(3, "three"));
      w.flush();
      w.flush(); // nothing pending: no empty block
      assertThat(FileTestData.readAll(out.toByteArray())).hasSize(3);
      assertThat(FileTestData.blockStarts(out.toByteArray())).hasSize(3);
    }
  }

  @Test
  void blocksAreWrittenWhenTheBufferReachesTheSyncInterval() throws IOException {
    List<Object> records = FileTestData.records(SMALL, 500, 2);
    byte[] file = FileTestData.write(SMALL, records, CodecFactory.nullCodec(), 1000);
    int maxRecord = 0;
    for (Object r : records) {
      maxRecord = Math.max(maxRecord, io.lancaster.avro.testing.AvroJava.write(SMALL, r).length);
    }
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "interval.avro")) {
      List<DataBlock> blocks = new ArrayList<>();
      for (DataBlock b = r.nextBlock(); b != null; b = r.nextBlock()) {
        blocks.add(new DataBlock(b.number(), b.start(), b.recordCount(), null, 0, b.length()));
      }
      assertThat(blocks).hasSizeGreaterThan(5);
      for (int i = 0; i < blocks.size(); i++) {
        DataBlock b = blocks.get(i);
        assertThat(b.number()).isEqualTo(i);
        assertThat(b.length()).isLessThan(1000 + maxRecord);
        if (i < blocks.size() - 1) {
          assertThat(b.length()).isGreaterThanOrEqualTo(1000);
        }
      }
      assertThat(blocks.stream().mapToLong(DataBlock::recordCount).sum()).isEqualTo(500);
    }
    assertThatThrownBy(() -> DataFileWriter.generic().setSyncInterval(31))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
    assertThatThrownBy(() -> DataFileWriter.generic().setSyncInterval((1 << 30) + 1))
        .isInstanceOf(IllegalArgumentException.class);
    DataFileWriter.generic().setSyncInterval(32).setSyncInterval(1 << 30);
  }

  @Test
  void metadataRoundTripsAndReservedKeysAreRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] raw = {0, 1, -128, 127};
    try (DataFileWriter<Object> w = DataFileWriter.generic().setMeta("text", "naïve ☃").setMeta("bytes", raw)
        .setMeta("long", Long.MIN_VALUE).setMeta("empty", new byte[0]).create(SMALL, out)) {
      w.append(small(1, "x"));
    }
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(out.toByteArray()), "m")) {
      assertThat(r.metaString("text")).isEqualTo("naïve ☃");
      assertThat(r.meta("bytes")).isEqualTo(raw);
      assertThat(r.metaString("long")).isEqualTo(Long.toString(Long.MIN_VALUE));
      assertThat(r.meta("empty")).isEmpty();
      assertThat(r.meta("absent")).isNull();
      Map<String, byte[]> meta = r.metadata();
      assertThat(meta.keySet()).containsExactly("avro.schema", "avro.codec", "text", "bytes", "long", "empty");
      assertThat(Schema.parse(new String(meta.get("avro.schema"), StandardCharsets.UTF_8))).isEqualTo(SMALL);
      meta.get("bytes")[0] = 99; // a copy
      assertThat(r.meta("bytes")).isEqualTo(raw);
    }
    for (String key : new String[] {"avro.schema", "avro.codec", "avro.sync", "avro.custom", "avro."}) {
      assertThatThrownBy(() -> DataFileWriter.generic().setMeta(key, "v"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + key + "\" is reserved");
    }
    DataFileWriter.generic().setMeta("avro", "fine").setMeta("xavro.codec", "fine");
  }

  @Test
  void aFailedAppendIsRolledBackAndTheFileStaysValid() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Object> good = FileTestData.records(ALL_TYPES, 60, 77);
    List<Object> expected = new ArrayList<>();
    int failures = 0;
    try (DataFileWriter<Object> w = DataFileWriter.generic().setSyncInterval(2048).create(ALL_TYPES, out)) {
      for (int i = 0; i < good.size(); i++) {
        w.append(good.get(i));
        expected.add(good.get(i));
        // A record whose first fields encode fine, then a nested value of the wrong type.
        GenericRecord bad = copy((GenericRecord) good.get(i));
        GenericRecord inner = copy((GenericRecord) bad.get("nested"));
        inner.put("tags", List.of("ok", 42));
        bad.put("nested", inner);
        try {
          w.append(bad);
        } catch (AvroTypeException e) {
          assertThat(e.fieldPath()).isEqualTo("nested.tags.[1]");
          failures++;
        }
      }
    }
    assertThat(failures).isEqualTo(good.size());
    byte[] file = out.toByteArray();
    assertSameRecords(expected, FileTestData.readAll(file));
    assertSameRecords(expected, FileTestData.readApache(file));
  }

  private static GenericRecord copy(GenericRecord r) {
    GenericRecord c = new GenericRecord(r.schema());
    for (int i = 0; i < r.size(); i++) {
      c.put(i, r.get(i));
    }
    return c;
  }

  @Test
  void aFixedSyncMarkerMakesFilesReproducible() throws IOException {
    List<Object> records = FileTestData.records(SMALL, 100, 5);
    byte[][] files = new byte[2][];
    for (int k = 0; k < 2; k++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (DataFileWriter<Object> w = DataFileWriter.generic().setSyncMarker(SYNC).setSyncInterval(500)
          .setCodec(CodecFactory.deflate(6)).create(SMALL, out)) {
        for (Object r : records) {
          w.append(r);
        }
      }
      files[k] = out.toByteArray();
    }
    assertThat(files[0]).isEqualTo(files[1]);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(files[0]), "fixed")) {
      assertThat(r.sync()).isEqualTo(SYNC);
    }
    byte[] random1 = FileTestData.write(SMALL, records, CodecFactory.nullCodec(), 500);
    byte[] random2 = FileTestData.write(SMALL, records, CodecFactory.nullCodec(), 500);
    assertThat(random1).isNotEqualTo(random2);
    assertThatThrownBy(() -> DataFileWriter.generic().setSyncMarker(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWriterChecksItsLifecycle() throws IOException {
    DataFileWriter<Object> unopened = DataFileWriter.generic();
    assertThatThrownBy(() -> unopened.append(small(1, "a"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("create");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataFileWriter<Object> w = DataFileWriter.generic().create(SMALL, out);
    assertThatThrownBy(() -> w.setCodec(CodecFactory.snappy())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> w.setMeta("k", "v")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> w.create(SMALL, new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
    w.append(small(1, "a"));
    w.close();
    w.close();
    assertThatThrownBy(() -> w.append(small(2, "b"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(FileTestData.readAll(out.toByteArray())).containsExactly(small(1, "a"));
  }
}
