package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.codec.UnsupportedCodecException;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.json.JsonDatumReader;
import io.lancaster.avro.message.InMemorySchemaStore;
import io.lancaster.avro.message.SingleObjectDecoder;
import io.lancaster.avro.message.SingleObjectEncoder;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.it.interop.InteropCorpus.Case;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files and messages exchanged with Apache Avro C 1.11.1 (libavro), both ways, over the whole interop corpus and
 * every codec libavro shares with the spec (null, deflate, snappy). Lancaster → C: avrocat's JSON must match
 * Lancaster's values (and decode back to them in Lancaster), and libavro's decoding, printed exactly by the peer
 * program, must equal them. C → Lancaster: avromod re-encodes Lancaster's files through libavro's reader and
 * writer, and the peer program builds every value with libavro's value API and writes it; Lancaster must read
 * back exactly the values. Each side appends to the other's files; single-object messages go both ways. What
 * libavro lacks or does differently is pinned as a known difference (docs/interop/c.md). Schema evolution is in
 * {@link CEvolutionInteropTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CInteropTest {
  /**
   * libavro keys its maps by C strings, so a map key holding U+0000 is cut there and may merge with another key;
   * strings with U+0000 are fine, and {@link #stringsKeepNulButMapKeysDoNot} covers both. Everything else of the
   * corpus libavro holds (see CJson for what its JSON printer loses).
   */
  static final Set<Feature> EXCLUDED = Set.of(Feature.NUL_CHARACTERS);
  private static final int RECORDS = 30;

  @TempDir
  static Path work;
  private CPeer c;

  @BeforeAll
  void startPeer() throws IOException {
    c = CPeer.start(work);
  }

  static Stream<Case> cases() {
    return InteropCorpus.casesWithout(EXCLUDED).stream();
  }

  // ---- Lancaster writes, C reads ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void avrocatPrintsWhatLancasterWrote(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    for (String codec : CPeer.CODECS) {
      Path file = lancasterWrites(k.schema(), values, codec);
      CJson.assertAvrocatPrinted(k.schema(), values, c.avrocat(file));
    }
  }

  /**
   * libavro's JSON read back by Lancaster's JSON decoder: the values libavro prints whole come back equal. Its
   * union tags are simple names, which the decoder takes when they are unambiguous, as in every corpus union.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lancasterDecodesAvrocatJson(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    Processes.Result cat = c.avrocat(lancasterWrites(k.schema(), values, "deflate"));
    List<String> lines = cat.stdoutLines();
    JsonDatumReader json = new JsonDatumReader(k.schema());
    int line = 0;
    int compared = 0;
    for (Object v : values) {
      if (!CJson.finite(k.schema(), v)) {
        continue; // not printed at all
      }
      String printed = lines.get(line++);
      if (CJson.printedWhole(k.schema(), v)) {
        assertThat(json.read(printed)).as("value %d decoded from libavro's JSON %s", line - 1, printed).isEqualTo(v);
        compared++;
      }
    }
    assertThat(line).isEqualTo(lines.size());
    assertThat(compared).as("values libavro printed whole").isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void libavroDecodesLancasterFilesExactly(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    for (String codec : CPeer.CODECS) {
      Path file = lancasterWrites(k.schema(), values, codec);
      assertSameValues(values, c.read(file, k.schema()), "libavro reading Lancaster's " + codec + " file");
    }
  }

  // ---- C writes, Lancaster reads ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lancasterReadsFilesAvromodReencoded(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    Path original = lancasterWrites(k.schema(), values, "null");
    for (String codec : CPeer.CODECS) {
      Path reencoded = c.file("avromod-" + codec, ".avro");
      c.avromod(original, reencoded, codec, blockSize(k.schema(), values));
      try (DataFileReader<Object> r = DataFileReader.open(reencoded)) {
        assertThat(r.codecName()).isEqualTo(codec);
      }
      assertSameValues(values, lancasterReads(reencoded), "Lancaster reading avromod's " + codec + " file");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lancasterReadsFilesLibavroWroteFromValues(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    Map<String, Path> files = new LinkedHashMap<>();
    for (String codec : CPeer.CODECS) {
      files.put(codec, c.file("c-" + codec, ".avro"));
    }
    c.write(k.schema(), values, blockSize(k.schema(), values), files);
    for (Map.Entry<String, Path> e : files.entrySet()) {
      try (DataFileReader<Object> r = DataFileReader.open(e.getValue())) {
        assertThat(r.codecName()).isEqualTo(e.getKey());
        assertThat(r.schema().fullName()).isEqualTo(k.schema().fullName());
      }
      assertSameValues(values, lancasterReads(e.getValue()), "Lancaster reading libavro's " + e.getKey() + " file");
    }
  }

  // ---- appending to each other's files ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void avroappendAddsToALancasterFile(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    Path target = lancasterWrites(k.schema(), values.subList(0, RECORDS / 2), "deflate");
    Path more = lancasterWrites(k.schema(), values.subList(RECORDS / 2, RECORDS), "null");
    c.avroappend(more, target);
    try (DataFileReader<Object> r = DataFileReader.open(target)) {
      assertThat(r.codecName()).isEqualTo("deflate");
    }
    assertSameValues(values, lancasterReads(target), "Lancaster reading its file after avroappend");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lancasterAppendsToALibavroFile(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    Path file = c.file("c-append", ".avro");
    c.write(k.schema(), values.subList(0, RECORDS / 2), blockSize(k.schema(), values), Map.of("snappy", file));
    try (DataFileWriter<Object> w = DataFileWriter.generic().appendTo(file)) {
      for (Object v : values.subList(RECORDS / 2, RECORDS)) {
        w.append(v);
      }
    }
    assertSameValues(values, c.read(file, k.schema()), "libavro reading its file after Lancaster appended");
  }

  @Test
  void lancasterReadsALibavroFileOfManyBlocks() throws IOException {
    Case k = InteropCorpus.named("records_in_collections");
    List<Object> values = k.values(200, EXCLUDED);
    Path file = c.file("many-blocks", ".avro");
    c.write(k.schema(), values, blockSize(k.schema(), values), Map.of("deflate", file));
    int blocks = 0;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      while (r.nextBlock() != null) {
        blocks++;
      }
    }
    assertThat(blocks).as("libavro's blocks").isGreaterThan(5);
    assertSameValues(values, lancasterReads(file), "Lancaster reading a file of " + blocks + " libavro blocks");
  }

  /**
   * U+0000 and zero bytes: libavro keeps them in strings, bytes and fixed (its strings carry a length), but keys
   * its maps by C strings, so a key is cut at its first U+0000; and its JSON printer cuts all of them there.
   */
  @Test
  void stringsKeepNulButMapKeysDoNot() throws IOException {
    RecordSchema schema = (RecordSchema) Schema.parse("{\"type\": \"record\", \"name\": \"Nul\", \"fields\": ["
        + "{\"name\": \"s\", \"type\": \"string\"}, {\"name\": \"b\", \"type\": \"bytes\"},"
        + "{\"name\": \"f\", \"type\": {\"type\": \"fixed\", \"name\": \"F\", \"size\": 3}},"
        + "{\"name\": \"m\", \"type\": {\"type\": \"map\", \"values\": \"int\"}}]}");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k\u0000ey", 1);
    map.put("plain", 2);
    GenericRecord value = new GenericRecord(schema).put("s", "a\u0000b")
        .put("b", ByteBuffer.wrap(new byte[] {'a', 0, 'b'}))
        .put("f", new GenericFixed((FixedSchema) schema.field("f").schema(), new byte[] {0, 1, 2})).put("m", map);
    GenericRecord asC = new GenericRecord(schema).put("s", value.get("s")).put("b", value.get("b"))
        .put("f", value.get("f")).put("m", Map.of("k", 1, "plain", 2));

    Path written = c.file("c-nul", ".avro");
    c.write(schema, List.of(value), 0, Map.of("null", written));
    assertSameValues(List.of(asC), lancasterReads(written), "Lancaster reading libavro's file");
    Path lancasters = lancasterWrites(schema, List.of(value), "null");
    assertSameValues(List.of(asC), c.read(lancasters, schema), "libavro reading Lancaster's file");
    Path reencoded = c.file("avromod-nul", ".avro");
    c.avromod(lancasters, reencoded, "null", 0);
    assertSameValues(List.of(asC), lancasterReads(reencoded), "Lancaster reading avromod's file");

    JsonNode printed = PeerJson.parse(c.avrocat(lancasters).orThrow().stdoutLines().get(0));
    assertThat(printed.get("s").textValue()).isEqualTo("a");
    assertThat(printed.get("b").textValue()).isEqualTo("a");
    assertThat(printed.get("f").textValue()).isEmpty();
    assertThat(printed.get("m").get("k").intValue()).isEqualTo(1);
    CJson.assertAvrocatPrinted(schema, List.of(value), c.avrocat(lancasters));
  }

  // ---- single-object messages ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void singleObjectMessagesBothWays(Case k) throws IOException {
    k.assumeAvailable();
    List<Object> values = k.values(RECORDS, EXCLUDED);
    long fingerprint = Fingerprints.crc64(k.schema());

    SingleObjectEncoder encoder = new SingleObjectEncoder(k.schema());
    List<byte[]> lancasters = new ArrayList<>();
    for (Object v : values) {
      lancasters.add(encoder.encode(v));
    }
    Processes.Result decoded = c.decode(k.schema(), lancasters, fingerprint).orThrow();
    assertSameValues(values, CValueScript.read(k.schema(), decoded.stdoutLines()),
        "libavro decoding Lancaster's single-object messages");

    List<byte[]> cs = c.encode(k.schema(), values, fingerprint);
    SingleObjectDecoder decoder = new SingleObjectDecoder(k.schema(), new InMemorySchemaStore(k.schema()));
    List<Object> read = new ArrayList<>();
    for (byte[] m : cs) {
      read.add(decoder.decode(m));
    }
    assertSameValues(values, read, "Lancaster decoding libavro-encoded single-object messages");
    for (int i = 0; i < values.size(); i++) {
      assertThat(cs.get(i)).as("message %d: libavro's bytes", i).isEqualTo(lancasters.get(i));
    }
  }

  @Test
  void libavroProgramRejectsAMessageOfAnotherSchema() throws IOException {
    Case k = InteropCorpus.named("primitives");
    List<Object> values = k.values(1, EXCLUDED);
    byte[] message = new SingleObjectEncoder(k.schema()).encode(values.get(0));
    Processes.Result r = c.decode(k.schema(), List.of(message), Fingerprints.crc64(k.schema()) ^ 1);
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("expected the schema's fingerprint");
  }

  // ---- codecs: the known differences ----

  /** libavro's "lzma" codec is raw LZMA2 under a name the spec does not have; the spec's xz is a different format. */
  @Test
  void libavroLzmaFilesAreRejectedByNameNotMisread() throws IOException {
    Case k = InteropCorpus.named("primitives");
    List<Object> values = k.values(5, EXCLUDED);
    Path file = c.file("c-lzma", ".avro");
    c.write(k.schema(), values, 0, Map.of("lzma", file));
    assertThat(c.read(file, k.schema())).as("libavro reads its own lzma file").hasSize(5);
    assertThatThrownBy(() -> lancasterReads(file))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining("Unsupported Avro codec 'lzma'")
        .hasMessageContaining(file.getFileName().toString())
        .cause().isInstanceOf(UnsupportedCodecException.class)
        .satisfies(e -> assertThat(((UnsupportedCodecException) e).codecName()).isEqualTo("lzma"));
  }

  /** Codecs of the spec that libavro 1.11.1 was not built with: it refuses the file, naming the codec. */
  @ParameterizedTest
  @ValueSource(strings = {"zstandard", "xz", "bzip2"})
  void libavroRefusesCodecsItLacks(String codec) throws IOException {
    Case k = InteropCorpus.named("primitives");
    Path file = lancasterWrites(k.schema(), k.values(5, EXCLUDED), codec);
    Processes.Result cat = c.avrocat(file);
    assertThat(cat.stdout()).isEmpty();
    assertThat(cat.stderr()).contains("File header contains an unknown codec");
    Processes.Result mod = c.avromodFailing(lancasterWrites(k.schema(), k.values(5, EXCLUDED), "null"),
        c.file("mod", ".avro"), codec);
    assertThat(mod.exitCode()).isNotZero();
    assertThat(mod.stderr()).contains("Unknown codec " + codec);
  }

  // ---- helpers ----

  private Path lancasterWrites(Schema schema, List<Object> values, String codec) throws IOException {
    Path file = c.file("lancaster-" + codec, ".avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.forName(codec))
        .setSyncInterval(1024).create(schema, file)) {
      for (Object v : values) {
        w.append(v);
      }
    }
    return file;
  }

  static List<Object> lancasterReads(Path file) throws IOException {
    List<Object> out = new ArrayList<>();
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      while (r.hasNext()) {
        out.add(r.next());
      }
    }
    return out;
  }

  /**
   * A block size for libavro's writer: libavro cannot write a datum larger than its block, so twice the largest
   * datum, and small enough that a file has several blocks.
   */
  static int blockSize(Schema schema, List<Object> values) throws IOException {
    GenericDatumWriter writer = new GenericDatumWriter(schema);
    int max = 0;
    for (Object v : values) {
      BufferEncoder enc = new BufferEncoder();
      writer.write(v, enc);
      max = Math.max(max, enc.size());
    }
    return Math.max(256, 2 * max);
  }

  /** Equal value by value; the message names the first differing value and shows both. */
  static void assertSameValues(List<Object> expected, List<Object> actual, String what) {
    if (actual.size() != expected.size()) {
      fail(what + ": expected " + expected.size() + " values, got " + actual.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!java.util.Objects.equals(expected.get(i), actual.get(i))) {
        fail(what + ": value " + i + " differs\n  expected: " + expected.get(i) + "\n  actual:   " + actual.get(i));
      }
    }
  }
}
