package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.message.InMemorySchemaStore;
import io.lancaster.avro.message.SingleObjectDecoder;
import io.lancaster.avro.message.SingleObjectEncoder;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.CanonicalForm;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.it.interop.InteropCorpus.Case;
import io.lancaster.it.interop.InteropCorpus.Feature;
import io.lancaster.it.interop.JsPeer.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files and single-object messages exchanged with avsc 5.7.9 (npm's JavaScript Avro), both ways, over the whole
 * interop corpus and the codecs null, deflate, snappy and zstandard. Lancaster → avsc: avsc decodes Lancaster's
 * files and messages and peer.js prints the values as the spec's JSON encoding, which must match Lancaster's values
 * (PeerJson) and read back as exactly them (union branches, 64-bit longs, NaN and -0.0 included). avsc → Lancaster:
 * avsc encodes the values Lancaster hands it, and Lancaster must read exactly those values, under the same schema.
 * avsc holds the whole corpus (longs as BigInt, unions wrapped), so nothing is excluded. What avsc lacks or does
 * differently is pinned by the tests at the end. Schema evolution is in {@link JavaScriptEvolutionInteropTest}.
 *
 * <p>Everything runs in one node process: {@link #exchange()} writes Lancaster's side and queues every peer
 * command in one batch; the tests then check each case's results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaScriptInteropTest {
  /** avsc represents the whole corpus; see the class comment. */
  static final Set<Feature> EXCLUDED = Set.of();
  private static final int RECORDS = 40;
  /** Small blocks, so that both sides write and read files of several blocks. */
  private static final int BLOCK_BYTES = 2048;
  /** A null-namespace record (with an enum that has a default) inside a namespaced one; see avscRendering. */
  private static final String NULL_NAMESPACE_SCHEMA = "{\"type\": \"record\", \"name\": \"Outer\", "
      + "\"namespace\": \"pinned.ns\", \"fields\": [{\"name\": \"global\", \"type\": {\"type\": \"record\", "
      + "\"name\": \"Global\", \"namespace\": \"\", \"fields\": [{\"name\": \"e\", \"type\": {\"type\": \"enum\", "
      + "\"name\": \"E\", \"symbols\": [\"A\", \"B\"], \"default\": \"A\"}}]}}]}";
  private static final String NULL_NAMESPACE_VALUE = "{\"global\":{\"e\":\"B\"}}";

  @TempDir
  static Path work;
  private JsPeer js;
  private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
  private Job bzip2Read;
  private Job xzRead;
  private Job protoKeyRead;
  private Job protoKeyWrite;
  private Path protoKeyFile;
  private Job emptyRead;
  private Job emptyWrite;
  private Path emptyJsFile;
  private Path nullNamespaceFile;

  /** Everything one case exchanges, and the peer's jobs. */
  private static final class Exchange {
    List<Object> values;
    final Map<String, Job> avscReads = new LinkedHashMap<>();
    final Map<String, Path> avscFiles = new LinkedHashMap<>();
    final Map<String, Job> avscWrites = new LinkedHashMap<>();
    Job avscDecodes;
    Job avscEncodes;
    Job fingerprint;
  }

  static Stream<Case> cases() {
    return InteropCorpus.casesWithout(EXCLUDED).stream();
  }

  @BeforeAll
  void exchange() throws IOException {
    js = JsPeer.start(work);
    JsPeer.Batch batch = js.batch();
    for (Case k : InteropCorpus.casesWithout(EXCLUDED)) {
      if (!k.available()) {
        continue;
      }
      Exchange x = new Exchange();
      x.values = k.values(RECORDS, EXCLUDED);
      Path schema = js.schemaFile(k.name(), k.schemaJson());
      Path jsonl = js.jsonLines(k.name(), k.schema(), x.values);
      for (String codec : JsPeer.CODECS) {
        Path mine = lancasterWrites(k.name(), k.schema(), x.values, codec);
        x.avscReads.put(codec, batch.read(mine, null));
        Path theirs = js.file(k.name() + "-avsc-" + codec, ".avro");
        x.avscFiles.put(codec, theirs);
        x.avscWrites.put(codec, batch.write(schema, jsonl, theirs, codec, BLOCK_BYTES));
      }
      SingleObjectEncoder encoder = new SingleObjectEncoder(k.schema());
      List<byte[]> messages = new ArrayList<>();
      for (Object v : x.values) {
        messages.add(encoder.encode(v));
      }
      x.avscDecodes = batch.decode(schema, js.hexLines(k.name(), messages), schema);
      x.avscEncodes = batch.encode(schema, jsonl);
      x.fingerprint = batch.fingerprint(schema);
      exchanges.put(k.name(), x);
    }
    queuePinnedDifferences(batch);
    batch.run(Duration.ofMinutes(5));
  }

  // ---- Lancaster writes, avsc reads ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void avscReadsLancasterFiles(Case k) {
    k.assumeAvailable();
    Exchange x = exchanges.get(k.name());
    for (String codec : JsPeer.CODECS) {
      Job read = x.avscReads.get(codec);
      PeerJson.assertAllMatch(k.schema(), x.values, read.json());
      assertThat(read.values(k.schema())).as("avsc reading Lancaster's %s file, exactly", codec)
          .isEqualTo(x.values);
    }
  }

  // ---- avsc writes, Lancaster reads ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lancasterReadsAvscFiles(Case k) throws IOException {
    k.assumeAvailable();
    Exchange x = exchanges.get(k.name());
    for (String codec : JsPeer.CODECS) {
      List<Object> printed = x.avscWrites.get(codec).values(k.schema());
      assertThat(printed).as("the values avsc says it wrote").isEqualTo(x.values);
      Path file = x.avscFiles.get(codec);
      Optional<Schema> rendering = avscRendering(k.schemaJson());
      if (rendering.isEmpty()) {
        // Pinned: avsc's header refers by simple name to a type it moved out of the null namespace, so no reader
        // following the spec (Lancaster, Apache Avro Java) can parse it. The data itself is checked by the
        // single-object exchange, where the schema comes from the reader, not from avsc.
        assertThatThrownBy(() -> DataFileReader.open(file)).as("Lancaster opening avsc's %s file", codec)
            .isInstanceOf(CorruptDataException.class).hasMessageContaining("undefined name");
        continue;
      }
      Schema header;
      List<Object> read = new ArrayList<>();
      try (DataFileReader<Object> r = DataFileReader.open(file)) {
        assertThat(r.codecName()).isEqualTo(codec);
        assertThat(r.metaString("lancaster.interop.writer")).isEqualTo("avsc " + JsPeer.AVSC_VERSION);
        // avsc writes its own rendering of the schema: the same schema, logical types and aliases included, but
        // for the two losses pinned in avscLosesEnumDefaultsAndTheNullNamespaceInSchemasItWrites.
        header = r.schema();
        assertThat(header).as("the schema in avsc's header").isEqualTo(rendering.get());
        while (r.hasNext()) {
          read.add(r.next());
        }
      }
      PeerJson.assertAllMatch(header, read, x.avscWrites.get(codec).json());
      if (!header.equals(k.schema())) {
        // Read the data as its writer meant it: resolved to the original schema (records match by simple name).
        read.clear();
        try (DataFileReader<Object> r = DataFileReader.open(file,
            ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, k.schema())))) {
          while (r.hasNext()) {
            read.add(r.next());
          }
        }
      }
      assertThat(read).as("Lancaster reading avsc's %s file", codec).isEqualTo(x.values);
    }
  }

  /**
   * The schema avsc writes into a file's header for {@code schemaJson}: avsc exports every name as a full name,
   * never writes {@code "namespace": ""} and does not export an enum's default. A type in the null namespace
   * nested in a namespaced record therefore comes back in the enclosing namespace (by the spec's rule for a
   * simple name), and enum defaults are gone; the binary data is the same. Empty when that rendering is not a
   * valid schema: a later reference by simple name to such a type is then undefined.
   */
  static Optional<Schema> avscRendering(String schemaJson) {
    JsonNode tree = PeerJson.parse(schemaJson);
    dropAvscLosses(tree);
    try {
      return Optional.of(new SchemaParser().parse(tree.toString()));
    } catch (SchemaParseException e) {
      return Optional.empty();
    }
  }

  private static void dropAvscLosses(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if ("enum".equals(o.path("type").asText())) {
        o.remove("default");
      }
      if (o.path("namespace").isTextual() && o.path("namespace").asText().isEmpty()) {
        o.remove("namespace");
      }
    }
    node.forEach(JavaScriptInteropTest::dropAvscLosses);
  }

  @Test
  void bothSidesReadFilesOfManyBlocks() throws IOException {
    Exchange x = exchanges.get("records_in_collections");
    for (String codec : JsPeer.CODECS) {
      assertThat(blocks(x.avscFiles.get(codec))).as("blocks avsc wrote with %s", codec).isGreaterThan(3);
    }
    Path mine = lancasterWrites("blocks", InteropCorpus.named("records_in_collections").schema(), x.values, "null");
    assertThat(blocks(mine)).as("blocks of Lancaster's files that avsc read").isGreaterThan(3);
  }

  // ---- single-object messages ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void singleObjectMessagesBothWays(Case k) throws IOException {
    k.assumeAvailable();
    Exchange x = exchanges.get(k.name());
    PeerJson.assertAllMatch(k.schema(), x.values, x.avscDecodes.json());
    assertThat(x.avscDecodes.values(k.schema())).as("avsc decoding Lancaster's messages").isEqualTo(x.values);

    SingleObjectDecoder decoder = new SingleObjectDecoder(k.schema(), new InMemorySchemaStore(k.schema()));
    List<Object> decoded = new ArrayList<>();
    for (byte[] message : x.avscEncodes.hex()) {
      assertThat(SingleObjectDecoder.isSingleObject(message)).isTrue();
      decoded.add(decoder.decode(message));
    }
    assertThat(decoded).as("Lancaster decoding avsc's messages").isEqualTo(x.values);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void canonicalFormAndFingerprintAgree(Case k) {
    k.assumeAvailable();
    List<String> lines = exchanges.get(k.name()).fingerprint.lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).as("avsc's canonical form").isEqualTo(CanonicalForm.of(k.schema()));
    assertThat(lines.get(1)).as("CRC-64-AVRO").isEqualTo(String.format("%016x", Fingerprints.crc64(k.schema())));
  }

  // ---- what avsc lacks or does differently, pinned ----

  private void queuePinnedDifferences(JsPeer.Batch batch) throws IOException {
    Case primitives = InteropCorpus.named("primitives");
    List<Object> values = primitives.values(3, EXCLUDED);
    bzip2Read = batch.read(lancasterWrites("bzip2", primitives.schema(), values, "bzip2"), null);
    xzRead = batch.read(lancasterWrites("xz", primitives.schema(), values, "xz"), null);

    Schema map = new SchemaParser().parse("{\"type\": \"map\", \"values\": \"int\"}");
    Map<String, Object> proto = new LinkedHashMap<>();
    proto.put("__proto__", 1);
    proto.put("constructor", 2);
    proto.put("toString", 3);
    protoKeyRead = batch.read(lancasterWrites("proto", map, List.of(proto), "null"), null);
    protoKeyFile = js.file("proto-avsc", ".avro");
    Path mapSchema = js.schemaFile("map", "{\"type\": \"map\", \"values\": \"int\"}");
    protoKeyWrite = batch.write(mapSchema, js.jsonLines("proto", map, List.of(proto)), protoKeyFile, "null",
        BLOCK_BYTES);

    Path nullNamespace = js.schemaFile("null-namespace", NULL_NAMESPACE_SCHEMA);
    Path nullNamespaceValue = js.file("null-namespace", ".jsonl");
    Files.writeString(nullNamespaceValue, NULL_NAMESPACE_VALUE + "\n");
    nullNamespaceFile = js.file("null-namespace-avsc", ".avro");
    batch.write(nullNamespace, nullNamespaceValue, nullNamespaceFile, "null", BLOCK_BYTES);

    emptyRead = batch.read(lancasterWrites("empty", primitives.schema(), List.of(), "deflate"), null);
    emptyJsFile = js.file("empty-avsc", ".avro");
    emptyWrite = batch.write(js.schemaFile("primitives", primitives.schemaJson()),
        js.jsonLines("empty", primitives.schema(), List.of()), emptyJsFile, "deflate", BLOCK_BYTES);
  }

  /** See {@link #avscRendering}: what avsc's header loses, and that Lancaster still reads the data as meant. */
  @Test
  void avscLosesEnumDefaultsAndTheNullNamespaceInSchemasItWrites() throws IOException {
    Schema original = new SchemaParser().parse(NULL_NAMESPACE_SCHEMA);
    try (DataFileReader<Object> r = DataFileReader.open(nullNamespaceFile)) {
      RecordSchema header = (RecordSchema) r.schema();
      RecordSchema global = (RecordSchema) header.field("global").schema();
      assertThat(global.fullName()).as("avsc's Global").isEqualTo("pinned.ns.Global");
      assertThat(global.field("e").schema().fullName()).as("avsc's E").isEqualTo("pinned.ns.E");
      assertThat(((EnumSchema) global.field("e").schema()).defaultSymbol()).as("avsc's default of E").isNull();
      assertThat(header).isEqualTo(avscRendering(NULL_NAMESPACE_SCHEMA).orElseThrow()).isNotEqualTo(original);
    }
    try (DataFileReader<Object> r = DataFileReader.open(nullNamespaceFile,
        ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, original)))) {
      assertThat(new JsonDatumWriter(original).toJson(r.next())).isEqualTo(NULL_NAMESPACE_VALUE);
    }
  }

  @Test
  void avscLacksBzip2AndXz() {
    assertThat(bzip2Read.error()).as("avsc reading a bzip2 file").contains("unknown codec: bzip2");
    assertThat(xzRead.error()).as("avsc reading an xz file").contains("unknown codec: xz");
  }

  /**
   * avsc reads a map into a plain JavaScript object, where the key {@code __proto__} sets the object's prototype
   * instead of adding an entry: that entry is lost (other keys named like Object's members are kept). peer.js's
   * own writer builds maps without a prototype, so avsc writes such a key faithfully.
   */
  @Test
  void avscDropsTheMapKeyProtoWhenReading() throws IOException {
    protoKeyWrite.lines();
    assertThat(protoKeyRead.lines()).containsExactly("{\"constructor\":2,\"toString\":3}");
    try (DataFileReader<Object> r = DataFileReader.open(protoKeyFile)) {
      assertThat(r.next()).isEqualTo(Map.of("__proto__", 1, "constructor", 2, "toString", 3));
    }
  }

  @Test
  void emptyFilesBothWays() throws IOException {
    assertThat(emptyRead.lines()).isEmpty();
    emptyWrite.lines();
    try (DataFileReader<Object> r = DataFileReader.open(emptyJsFile)) {
      assertThat(r.schema()).isEqualTo(InteropCorpus.named("primitives").schema());
      assertThat(r.hasNext()).isFalse();
    }
  }

  // ---- helpers ----

  private Path lancasterWrites(String name, Schema schema, List<Object> values, String codec) throws IOException {
    Path file = js.file(name + "-lancaster-" + codec, ".avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.fromOption(codec, null))
        .setSyncInterval(BLOCK_BYTES).create(schema, file)) {
      for (Object v : values) {
        w.append(v);
      }
    }
    return file;
  }

  private static int blocks(Path file) throws IOException {
    int n = 0;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      while (r.nextBlock() != null) {
        n++;
      }
    }
    return n;
  }
}
