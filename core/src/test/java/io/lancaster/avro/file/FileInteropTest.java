package io.lancaster.avro.file;

import static io.lancaster.avro.file.FileTestData.ALL_TYPES;
import static io.lancaster.avro.file.FileTestData.assertSameRecords;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Container files written by Lancaster read equal in Apache Avro 1.12.1 (DataFileReader and DataFileStream), and
 * files written by Apache Avro read equal in Lancaster (seekable and streaming), for every codec, over a schema with
 * every type and a few thousand seeded random records.
 */
class FileInteropTest {
  private static final int RECORDS = 1500;
  private static List<Object> records;

  /** A Lancaster codec and the Apache Avro codec factory configured the same way. */
  record CodecPair(String label, Supplier<Codec> ours, Supplier<org.apache.avro.file.CodecFactory> theirs) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<CodecPair> codecs() {
    return List.of(
        new CodecPair("null", CodecFactory::nullCodec, org.apache.avro.file.CodecFactory::nullCodec),
        new CodecPair("deflate(1)", () -> CodecFactory.deflate(1),
            () -> org.apache.avro.file.CodecFactory.deflateCodec(1)),
        new CodecPair("deflate(-1)", () -> CodecFactory.deflate(-1),
            () -> org.apache.avro.file.CodecFactory.deflateCodec(-1)),
        new CodecPair("deflate(9)", () -> CodecFactory.deflate(9),
            () -> org.apache.avro.file.CodecFactory.deflateCodec(9)),
        new CodecPair("snappy", CodecFactory::snappy, org.apache.avro.file.CodecFactory::snappyCodec),
        new CodecPair("zstandard(3)", () -> CodecFactory.zstandard(3, false),
            () -> org.apache.avro.file.CodecFactory.zstandardCodec(3, false)),
        new CodecPair("zstandard(-5,checksum)", () -> CodecFactory.zstandard(-5, true),
            () -> org.apache.avro.file.CodecFactory.zstandardCodec(-5, true)),
        new CodecPair("bzip2", CodecFactory::bzip2, org.apache.avro.file.CodecFactory::bzip2Codec),
        new CodecPair("xz(0)", () -> CodecFactory.xz(0), () -> org.apache.avro.file.CodecFactory.xzCodec(0)),
        new CodecPair("xz(6)", () -> CodecFactory.xz(6), () -> org.apache.avro.file.CodecFactory.xzCodec(6)));
  }

  @BeforeAll
  static void makeRecords() {
    records = FileTestData.records(ALL_TYPES, RECORDS, 20240611L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void lancasterFilesReadEqualInApacheAvro(CodecPair codec) throws IOException {
    byte[] file = FileTestData.write(ALL_TYPES, records, codec.ours().get(), 48 * 1024);
    List<Object> seekable;
    try (org.apache.avro.file.DataFileReader<Object> r = new org.apache.avro.file.DataFileReader<>(
        new org.apache.avro.file.SeekableByteArrayInput(file), new GenericDatumReader<>())) {
      assertThat(r.getMetaString("avro.codec")).isEqualTo(codec.ours().get().name());
      assertThat(r.getSchema()).isEqualTo(io.lancaster.avro.testing.AvroJava.toAvro(ALL_TYPES));
      seekable = new ArrayList<>();
      r.forEach(seekable::add);
    }
    assertSameRecords(records, seekable);
    assertSameRecords(records, FileTestData.readApacheStream(file));
    assertThat(FileTestData.blockStarts(file)).as("several blocks").hasSizeGreaterThan(5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void apacheAvroFilesReadEqualInLancaster(CodecPair codec) throws IOException {
    byte[] file = FileTestData.writeApache(ALL_TYPES, records, codec.theirs().get(), 48 * 1024);
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "apache.avro")) {
      assertThat(r.codecName()).isEqualTo(codec.ours().get().name());
      assertThat(r.schema()).isEqualTo(ALL_TYPES);
      List<Object> read = new ArrayList<>();
      while (r.hasNext()) {
        read.add(r.next());
      }
      assertSameRecords(records, read);
    }
    try (DataFileReader<Object> r = DataFileReader.open(new ByteArrayInputStream(file), "apache.avro")) {
      List<Object> read = new ArrayList<>();
      r.forEach(read::add);
      assertSameRecords(records, read);
    }
    // Apache Avro's values, read by Apache Avro, equal ours read from its file.
    assertSameRecords(FileTestData.readApache(file), FileTestData.readAll(file));
  }

  @Test
  void metadataIsVisibleBothWays() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<Object> w = DataFileWriter.generic().setMeta("text", "héllo").setMeta("number", 42L)
        .setMeta("raw", new byte[] {0, -1, 7}).create(FileTestData.SMALL, out)) {
      w.append(FileTestData.records(FileTestData.SMALL, 1, 1).get(0));
    }
    try (org.apache.avro.file.DataFileReader<Object> r = new org.apache.avro.file.DataFileReader<>(
        new org.apache.avro.file.SeekableByteArrayInput(out.toByteArray()), new GenericDatumReader<>())) {
      assertThat(r.getMetaString("text")).isEqualTo("héllo");
      assertThat(r.getMetaLong("number")).isEqualTo(42L);
      assertThat(r.getMeta("raw")).containsExactly(0, -1, 7);
    }

    org.apache.avro.Schema avro = io.lancaster.avro.testing.AvroJava.toAvro(FileTestData.SMALL);
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    try (org.apache.avro.file.DataFileWriter<Object> w =
        new org.apache.avro.file.DataFileWriter<>(new GenericDatumWriter<>(avro))) {
      w.setMeta("text", "wörld");
      w.setMeta("number", -7L);
      w.create(avro, theirs);
    }
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(theirs.toByteArray()), "t")) {
      assertThat(r.metaString("text")).isEqualTo("wörld");
      assertThat(r.metaString("number")).isEqualTo("-7");
      assertThat(r.metadata()).containsOnlyKeys("avro.schema", "text", "number");
      assertThat(r.codecName()).as("no avro.codec means null").isEqualTo("null");
      assertThat(new String(r.meta("avro.schema"), StandardCharsets.UTF_8)).isEqualTo(avro.toString());
      assertThat(r.hasNext()).isFalse();
    }
  }

  @Test
  void apacheAvroAppendsToLancasterFilesAndLancasterToApacheAvroFiles() throws IOException {
    List<Object> first = records.subList(0, 300);
    List<Object> second = records.subList(300, 600);
    org.apache.avro.Schema avro = io.lancaster.avro.testing.AvroJava.toAvro(ALL_TYPES);

    // Lancaster writes, Apache Avro appends.
    byte[] ours = FileTestData.write(ALL_TYPES, first, CodecFactory.deflate(6), 4096);
    ByteArrayOutputStream appended = new ByteArrayOutputStream();
    appended.write(ours);
    try (org.apache.avro.file.DataFileWriter<Object> w =
        new org.apache.avro.file.DataFileWriter<>(new GenericDatumWriter<>(avro))) {
      w.appendTo(new org.apache.avro.file.SeekableByteArrayInput(ours), appended);
      for (Object r : second) {
        w.append(io.lancaster.avro.testing.AvroJava.toAvroDatum(ALL_TYPES, avro, r));
      }
    }
    assertSameRecords(records.subList(0, 600), FileTestData.readAll(appended.toByteArray()));

    // Apache Avro writes, Lancaster appends.
    byte[] theirs = FileTestData.writeApache(ALL_TYPES, first, org.apache.avro.file.CodecFactory.snappyCodec(), 4096);
    ByteArrayOutputStream appended2 = new ByteArrayOutputStream();
    appended2.write(theirs);
    try (DataFileWriter<Object> w = DataFileWriter.generic()
        .appendTo(new SeekableByteArrayInput(theirs), appended2)) {
      for (Object r : second) {
        w.append(r);
      }
    }
    assertSameRecords(records.subList(0, 600), FileTestData.readApache(appended2.toByteArray()));
    assertSameRecords(records.subList(0, 600), FileTestData.readAll(appended2.toByteArray()));
  }
}
