package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.json.JsonDatumReader;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.message.InMemorySchemaStore;
import io.lancaster.avro.message.SingleObjectDecoder;
import io.lancaster.avro.message.SingleObjectEncoder;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.it.interop.EvolutionPairs.Pair;
import io.lancaster.it.interop.InteropCorpus.Feature;
import io.lancaster.it.interop.JsPeer.Job;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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

/**
 * Schema evolution across Lancaster and avsc 5.7.9, both ways, for every {@link EvolutionPairs evolution pair}:
 * avsc writes with v1 and Lancaster reads with v2, Lancaster writes with v1 and avsc reads with v2 (avsc's
 * {@code createResolver}), in container files (the codecs taking turns) and in single-object messages (the reader
 * finds v1 by its fingerprint). The values must be the pair's spelled-out expectations. avsc resolves unions
 * differently from the spec's reading that Lancaster and Apache Avro Java follow; that is pinned at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaScriptEvolutionInteropTest {
  /** Value features avsc cannot hold: none (see {@link JavaScriptInteropTest}). */
  static final Set<Feature> EXCLUDED = JavaScriptInteropTest.EXCLUDED;
  /** Resolution features avsc lacks as a reader: none. */
  static final Set<Feature> AVSC_CANNOT_RESOLVE = Set.of();
  private static final int RECORDS = 30;
  /** The largest magnitude avsc promotes exactly: its varint decoder is exact while the zigzag value is < 2^53. */
  static final long AVSC_PROMOTION_LIMIT = 1L << 52;

  @TempDir
  static Path work;
  private JsPeer js;
  private final Map<String, Exchange> exchanges = new LinkedHashMap<>();
  private Path unionFile;
  private Job unionRead;
  private Path promotionFile;
  private Job promotionRead;

  private static final class Exchange {
    List<Object> written;
    List<Object> expected;
    /** What Lancaster hands avsc as the reader: {@link #written} unless avsc must promote longs (see below). */
    List<Object> writtenForAvsc;
    List<Object> expectedFromAvsc;
    String codec;
    Path avscFile;
    Job avscWrites;
    Job avscReads;
    Job avscDecodes;
    Job avscEncodes;
  }

  static Stream<Pair> pairs() {
    return EvolutionPairs.all().stream();
  }

  @BeforeAll
  void exchange() throws IOException {
    js = JsPeer.start(work);
    JsPeer.Batch batch = js.batch();
    int turn = 0;
    for (Pair p : EvolutionPairs.all()) {
      Exchange x = new Exchange();
      x.written = p.writerValues(RECORDS, EXCLUDED);
      x.expected = p.expected(x.written);
      x.codec = JsPeer.CODECS.get(turn++ % JsPeer.CODECS.size());
      Path v1 = js.schemaFile(p.name() + "-v1", p.writerJson());
      Path v2 = js.schemaFile(p.name() + "-v2", p.readerJson());
      Path jsonl = js.jsonLines(p.name(), p.writer(), x.written);
      x.avscFile = js.file(p.name() + "-avsc-" + x.codec, ".avro");
      x.avscWrites = batch.write(v1, jsonl, x.avscFile, x.codec, 1024);
      x.writtenForAvsc = x.written;
      if (mayPromoteLongs(p)) {
        // avsc promotes a long to float or double with its varint decoder for JavaScript numbers, wrong from 2^52
        // on (pinned in avscPromotesLongsBeyond2To52Wrongly): such pairs hand avsc only longs within 2^52.
        x.writtenForAvsc = x.written.stream().map(JavaScriptEvolutionInteropTest::withinAvscPromotion).toList();
      }
      x.expectedFromAvsc = p.expected(x.writtenForAvsc);
      x.avscReads = batch.read(lancasterWrites(p.name(), p.writer(), x.writtenForAvsc, x.codec), v2);
      SingleObjectEncoder encoder = new SingleObjectEncoder(p.writer());
      List<byte[]> messages = new ArrayList<>();
      for (Object v : x.writtenForAvsc) {
        messages.add(encoder.encode(v));
      }
      x.avscDecodes = batch.decode(v2, js.hexLines(p.name(), messages), v1);
      x.avscEncodes = batch.encode(v1, jsonl);
      exchanges.put(p.name(), x);
    }
    unionRead = queueUnionResolution(batch);
    promotionRead = queuePromotion(batch);
    batch.run(Duration.ofMinutes(5));
  }

  // ---- avsc writes v1, Lancaster reads v2 ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void lancasterReadsAvscFilesWithTheNewSchema(Pair p) throws IOException {
    Exchange x = exchanges.get(p.name());
    x.avscWrites.lines();
    List<Object> read = new ArrayList<>();
    try (DataFileReader<Object> r = DataFileReader.open(x.avscFile,
        ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, p.reader())))) {
      assertThat(r.codecName()).isEqualTo(x.codec);
      while (r.hasNext()) {
        read.add(r.next());
      }
    }
    assertThat(read).as("Lancaster reading avsc's %s file of %s with v2", x.codec, p.name())
        .isEqualTo(x.expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void lancasterDecodesAvscMessagesWithTheNewSchema(Pair p) throws IOException {
    Exchange x = exchanges.get(p.name());
    SingleObjectDecoder decoder = new SingleObjectDecoder(p.reader(), new InMemorySchemaStore(p.writer()));
    List<Object> decoded = new ArrayList<>();
    for (byte[] message : x.avscEncodes.hex()) {
      decoded.add(decoder.decode(message));
    }
    assertThat(decoded).as("Lancaster decoding avsc's v1 messages of %s with v2", p.name()).isEqualTo(x.expected);
  }

  // ---- Lancaster writes v1, avsc reads v2 ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void avscReadsLancasterFilesWithTheNewSchema(Pair p) {
    org.junit.jupiter.api.Assumptions.assumeTrue(p.readableWithout(AVSC_CANNOT_RESOLVE));
    Exchange x = exchanges.get(p.name());
    PeerJson.assertAllMatch(p.reader(), x.expectedFromAvsc, x.avscReads.json());
    assertThat(x.avscReads.values(p.reader())).as("avsc reading Lancaster's %s file of %s with v2", x.codec,
        p.name()).isEqualTo(x.expectedFromAvsc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void avscDecodesLancasterMessagesWithTheNewSchema(Pair p) {
    org.junit.jupiter.api.Assumptions.assumeTrue(p.readableWithout(AVSC_CANNOT_RESOLVE));
    Exchange x = exchanges.get(p.name());
    PeerJson.assertAllMatch(p.reader(), x.expectedFromAvsc, x.avscDecodes.json());
    assertThat(x.avscDecodes.values(p.reader())).as("avsc decoding Lancaster's v1 messages of %s with v2",
        p.name()).isEqualTo(x.expectedFromAvsc);
  }

  // ---- avsc's union resolution, pinned ----

  private static final String UNION_WRITER = "{\"type\": \"record\", \"name\": \"U\", \"fields\": ["
      + "{\"name\": \"n\", \"type\": [\"null\", \"long\"]}, {\"name\": \"b\", \"type\": [\"null\", \"bytes\"]}]}";
  /** The same unions, each with a branch the writer's value can be promoted to placed before its own type. */
  private static final String UNION_READER = "{\"type\": \"record\", \"name\": \"U\", \"fields\": ["
      + "{\"name\": \"n\", \"type\": [\"null\", \"double\", \"long\"]},"
      + "{\"name\": \"b\", \"type\": [\"null\", \"string\", \"bytes\"]}]}";
  private static final String UNION_VALUE = "{\"n\":{\"long\":1152921504606846977},\"b\":{\"bytes\":\"hi\"}}";

  private Job queueUnionResolution(JsPeer.Batch batch) throws IOException {
    Schema writer = new SchemaParser().parse(UNION_WRITER);
    Object value = new JsonDatumReader(writer).read(UNION_VALUE);
    unionFile = lancasterWrites("unions", writer, List.of(value), "null");
    return batch.read(unionFile, js.schemaFile("unions-reader", UNION_READER));
  }

  /**
   * A non-union value read into a reader union: the spec takes "the first schema in the reader's union that
   * matches", promotions included. avsc does exactly that, even through a lossy promotion: a long 2^60 + 1 read
   * into ["null", "double", "long"] becomes the double 2^60. Lancaster takes the first match too (bytes become the
   * string, a lossless promotion) but never a lossy promotion over a branch of the writer's very type; Apache Avro
   * Java, and Lancaster with {@code ResolutionOptions.apacheCompatible()}, always prefer the branch of the same type.
   */
  @Test
  void avscResolvesAUnionToTheFirstMatchingBranchEvenThroughALossyPromotion() throws IOException {
    assertThat(unionRead.lines()).containsExactly("{\"n\":{\"double\":1152921504606847000},\"b\":{\"string\":\"hi\"}}");
    Schema reader = new SchemaParser().parse(UNION_READER);
    JsonDatumWriter json = new JsonDatumWriter(reader);
    try (DataFileReader<Object> r = DataFileReader.open(unionFile,
        ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, reader)))) {
      assertThat(json.toJson(r.next())).isEqualTo("{\"n\":{\"long\":1152921504606846977},\"b\":{\"string\":\"hi\"}}");
    }
    try (DataFileReader<Object> r = DataFileReader.open(unionFile, ReadOptions.defaults().withDatumReader(
        w -> new ResolvingDatumReader(w, reader, ResolutionOptions.apacheCompatible())))) {
      assertThat(json.toJson(r.next())).isEqualTo(UNION_VALUE);
    }
  }

  private static final String LONG_WRITER = "{\"type\": \"array\", \"items\": \"long\"}";
  private static final String DOUBLE_READER = "{\"type\": \"array\", \"items\": \"double\"}";

  private static final List<Long> PROMOTED = List.of(-5L, AVSC_PROMOTION_LIMIT - 1, -AVSC_PROMOTION_LIMIT,
      -AVSC_PROMOTION_LIMIT - 1, (1L << 60) + 1, -(1L << 60), Long.MIN_VALUE);
  /** What avsc prints for {@link #PROMOTED} read as doubles: right up to 2^52, then signs lost. */
  private static final String AVSC_PROMOTED = "[-5,4503599627370495,-4503599627370496,4503599627370496,"
      + "1152921504606847000,1152921504606847000,9223372036854776000]";

  private Job queuePromotion(JsPeer.Batch batch) throws IOException {
    Schema writer = new SchemaParser().parse(LONG_WRITER);
    promotionFile = lancasterWrites("long-to-double", writer, List.of(PROMOTED), "null");
    return batch.read(promotionFile, js.schemaFile("double-reader", DOUBLE_READER));
  }

  /**
   * avsc reads a long promoted to float or double with its varint decoder for JavaScript numbers, which adds up
   * the 7-bit groups beyond 2^28 in floating point and takes the sign from the parity of the sum: once the zigzag
   * value reaches 2^53 (a long's magnitude 2^52) the magnitude may be rounded twice and a negative value loses its
   * sign. Lancaster converts the exact long ({@code (double) -2^60} is -2^60).
   */
  @Test
  void avscPromotesLongsBeyond2To52Wrongly() throws IOException {
    assertThat(promotionRead.lines()).containsExactly(AVSC_PROMOTED);
    Schema reader = new SchemaParser().parse(DOUBLE_READER);
    try (DataFileReader<Object> r = DataFileReader.open(promotionFile,
        ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, reader)))) {
      List<Double> exact = PROMOTED.stream().map(l -> (double) l).toList();
      assertThat(r.next()).isEqualTo(exact);
    }
  }

  /** A copy of a generic value whose longs beyond {@link #AVSC_PROMOTION_LIMIT} are shifted within it. */
  static Object withinAvscPromotion(Object v) {
    if (v instanceof Long l) {
      return l >= -AVSC_PROMOTION_LIMIT && l < AVSC_PROMOTION_LIMIT ? l : l >> 12;
    }
    if (v instanceof GenericRecord r) {
      GenericRecord copy = new GenericRecord(r.schema());
      for (int i = 0; i < r.size(); i++) {
        copy.put(i, withinAvscPromotion(r.get(i)));
      }
      return copy;
    }
    if (v instanceof List<?> list) {
      return list.stream().map(JavaScriptEvolutionInteropTest::withinAvscPromotion).toList();
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, x) -> copy.put((String) k, withinAvscPromotion(x)));
      return copy;
    }
    return v;
  }

  /** Whether the pair's writer has longs and its reader floats or doubles (a promotion, maybe). */
  private static boolean mayPromoteLongs(Pair p) {
    return uses(p.writer(), Schema.Type.LONG, new HashSet<>())
        && (uses(p.reader(), Schema.Type.FLOAT, new HashSet<>()) || uses(p.reader(), Schema.Type.DOUBLE,
        new HashSet<>()));
  }

  private static boolean uses(Schema s, Schema.Type type, Set<String> seen) {
    if (s.type() == type) {
      return true;
    }
    switch (s.type()) {
      case RECORD:
        return seen.add(s.fullName())
            && ((RecordSchema) s).fields().stream().anyMatch(f -> uses(f.schema(), type, seen));
      case ARRAY:
        return uses(((ArraySchema) s).items(), type, seen);
      case MAP:
        return uses(((MapSchema) s).values(), type, seen);
      case UNION:
        return ((UnionSchema) s).branches().stream().anyMatch(b -> uses(b, type, seen));
      default:
        return false;
    }
  }

  private Path lancasterWrites(String name, Schema schema, List<Object> values, String codec) throws IOException {
    Path file = js.file(name + "-lancaster-" + codec, ".avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.fromOption(codec, null))
        .setSyncInterval(1024).create(schema, file)) {
      for (Object v : values) {
        w.append(v);
      }
    }
    return file;
  }
}
