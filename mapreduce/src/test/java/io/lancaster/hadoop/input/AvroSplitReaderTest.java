package io.lancaster.hadoop.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroSplitReaderTest {
  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  private static Codec codec(String name) {
    return CodecFactory.forName(name);
  }

  private List<Object> readRange(java.nio.file.Path file, long start, long length) throws IOException {
    List<Object> out = new ArrayList<>();
    try (AvroSplitReader<Object> r = AvroSplitReader.open(hadoopPath(file), start, length, conf,
        ReadOptions.defaults())) {
      while (r.next()) {
        out.add(r.current());
      }
    }
    return out;
  }

  private static Path hadoopPath(java.nio.file.Path file) {
    return new Path(file.toUri());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "deflate", "snappy"})
  void randomPartitionsOfTheFileReadEveryRecordExactlyOnceInOrder(String codecName) throws IOException {
    List<Object> records = InputTestData.events(1500, 0, 42);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        codec(codecName), 300);
    long length = Files.size(file);
    Random random = new Random(7);
    for (int round = 0; round < 25; round++) {
      TreeSet<Long> cuts = new TreeSet<>(List.of(0L, length));
      for (int c = 1 + random.nextInt(round < 5 ? 3 : 60); c > 0; c--) {
        cuts.add((long) random.nextInt((int) length));
      }
      List<Object> read = new ArrayList<>();
      Long previous = null;
      for (long cut : cuts) {
        if (previous != null) {
          read.addAll(readRange(file, previous, cut - previous));
        }
        previous = cut;
      }
      assertThat(read).as("round %d, cuts %s", round, cuts).isEqualTo(records);
    }
  }

  @Test
  void cutsAroundEverySyncMarkerGiveEachBlockToExactlyOneSide() throws IOException {
    List<Object> records = InputTestData.events(400, 0, 3);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        codec("null"), 500);
    byte[] bytes = Files.readAllBytes(file);
    byte[] marker;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      marker = r.sync();
    }
    List<Integer> markers = positionsOf(bytes, marker);
    assertThat(markers).hasSizeGreaterThan(20);
    for (int m : markers) {
      for (int cut : new int[] {m - 1, m, m + 1, m + 15, m + 16, m + 17}) {
        if (cut <= 0 || cut >= bytes.length) {
          continue;
        }
        List<Object> read = new ArrayList<>(readRange(file, 0, cut));
        read.addAll(readRange(file, cut, bytes.length - cut));
        assertThat(read).as("cut at %d, marker at %d", cut, m).isEqualTo(records);
      }
    }
  }

  private static List<Integer> positionsOf(byte[] bytes, byte[] marker) {
    List<Integer> found = new ArrayList<>();
    outer:
    for (int i = 0; i + marker.length <= bytes.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      found.add(i);
    }
    return found;
  }

  @Test
  void progressGrowsFromZeroToOneThroughIntermediateValues() throws IOException {
    List<Object> records = InputTestData.events(1000, 0, 5);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        codec("deflate"), 400);
    long length = Files.size(file);
    for (long[] split : new long[][] {{0, length}, {length / 3, length / 3}, {length / 2, length - length / 2}}) {
      try (AvroSplitReader<Object> r = AvroSplitReader.open(hadoopPath(file), split[0], split[1], conf,
          ReadOptions.defaults())) {
        List<Float> progress = new ArrayList<>();
        progress.add(r.progress());
        while (r.next()) {
          progress.add(r.progress());
        }
        progress.add(r.progress());
        assertThat(progress.get(0)).isEqualTo(0.0f);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0f);
        assertThat(progress).isSorted().allMatch(p -> p >= 0.0f && p <= 1.0f);
        assertThat(progress).anyMatch(p -> p > 0.2f && p < 0.8f);
      }
    }
  }

  @Test
  void blockPositionsAreWhereAReaderCanSeekToTheRecordsBlock() throws IOException {
    List<Object> records = InputTestData.events(500, 0, 9);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        codec("deflate"), 700);
    long length = Files.size(file);
    Map<Long, Object> firstOfBlock = new LinkedHashMap<>();
    List<Long> positions = new ArrayList<>();
    for (long start = 0; start < length; start += 1000) {
      try (AvroSplitReader<Object> r = AvroSplitReader.open(hadoopPath(file), start, Math.min(1000, length - start),
          conf, ReadOptions.defaults())) {
        assertThat(r.blockPosition()).isEqualTo(-1);
        while (r.next()) {
          positions.add(r.blockPosition());
          firstOfBlock.putIfAbsent(r.blockPosition(), r.current());
        }
      }
    }
    assertThat(positions).hasSize(records.size()).isSorted();
    assertThat(firstOfBlock).hasSizeGreaterThan(10);
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      for (Map.Entry<Long, Object> e : firstOfBlock.entrySet()) {
        reader.seek(e.getKey());
        assertThat(reader.next()).isEqualTo(e.getValue());
      }
    }
  }

  @Test
  void aCorruptBlockFailsNamingTheFileTheBlockAndItsOffset() throws IOException {
    List<Object> records = InputTestData.events(300, 0, 11);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("broken.avro"), InputTestData.EVENT, records,
        codec("null"), 500);
    byte[] bytes = Files.readAllBytes(file);
    byte[] marker;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      marker = r.sync();
    }
    int third = positionsOf(bytes, marker).get(3); // the marker ending the third block (0: the header's)
    bytes[third + 5] ^= 0x55;
    Files.write(file, bytes);

    assertThatThrownBy(() -> readRange(file, 0, bytes.length))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining("block 2")
        .hasMessageContaining("offset ")
        .satisfies(e -> assertThat(((AvroDataException) e).block()).isEqualTo(2));
  }

  @Test
  void aReaderSchemaThatCannotResolveTheFileFailsNamingTheFileAndField() throws IOException {
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT,
        InputTestData.events(10, 0, 1), codec("null"), 1000);
    Schema reader = new SchemaParser().parse("""
        {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
          {"name": "name", "type": "long"}]}""");
    assertThatThrownBy(() -> AvroSplitReader.open(hadoopPath(file), 0, Files.size(file), conf,
        InputSchemas.records(reader)))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining(file.toUri().getPath())
        .hasMessageContaining("name");
  }

  @Test
  void aSplitBeyondTheLastMarkerOrOfNoLengthReadsNothingAndIsDone() throws IOException {
    List<Object> records = InputTestData.events(50, 0, 1);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        codec("null"), 100_000);
    long length = Files.size(file);
    assertThat(readRange(file, length - 10, 10)).isEmpty();
    assertThat(readRange(file, 100, 0)).isEmpty();
    long headerMarker;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      headerMarker = r.header().length() - 16;
    }
    // The first block belongs to the split holding the first byte of the header's sync marker, as in Apache Avro.
    assertThat(readRange(file, 0, headerMarker)).isEmpty();
    assertThat(readRange(file, 0, headerMarker + 1)).isEqualTo(records);
    assertThat(readRange(file, headerMarker + 1, length - headerMarker - 1)).isEmpty();
    try (AvroSplitReader<Object> r = AvroSplitReader.open(hadoopPath(file), 200, 0, conf, ReadOptions.defaults())) {
      assertThat(r.progress()).isEqualTo(0.0f);
      assertThat(r.next()).isFalse();
      assertThat(r.progress()).isEqualTo(1.0f);
      assertThat(r.next()).isFalse();
    }
  }
}
