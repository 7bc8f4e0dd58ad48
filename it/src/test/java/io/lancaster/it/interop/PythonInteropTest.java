package io.lancaster.it.interop;

import static io.lancaster.it.interop.PythonExchange.MESSAGES;
import static io.lancaster.it.interop.PythonExchange.PYTHON_READS_EXCLUDE;
import static io.lancaster.it.interop.PythonExchange.PYTHON_WRITES_EXCLUDE;
import static io.lancaster.it.interop.PythonExchange.RECORDS;
import static io.lancaster.it.interop.PythonExchange.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataBlock;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.message.InMemorySchemaStore;
import io.lancaster.avro.message.SingleObjectDecoder;
import io.lancaster.avro.schema.CanonicalForm;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.it.interop.InteropCorpus.Case;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data files and single-object messages exchanged both ways with Apache Avro Python (python3-avro), for every
 * corpus case and every codec Python has (schema evolution is {@link PythonEvolutionInteropTest}). All Python work
 * runs in one batch process, queued in {@link #exchange()}; each test then checks one exchange. Known differences
 * of Python avro 1.11 are asserted as such, so a Python upgrade that changes one shows up here; they are listed
 * with their reasons in docs/interop/python.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonInteropTest {
  private static final List<String> CODECS = List.of("null", "deflate", "bzip2", "snappy", "zstandard");
  /** Schemas Python 1.11 misreads (see {@link #pythonReadsTheEmptyNamespaceAsInherited(Case)}). */
  private static final Set<Feature> PYTHON_SCHEMA_EXCLUDES = EnumSet.of(Feature.EMPTY_NAMESPACE);
  private static final String DECIMAL_EDGES_SCHEMA =
      "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 12, \"scale\": 2}";
  private static final long[] DECIMAL_EDGES = {-128, -32768, -8388608, -2147483648L, -129, 127, 128, 0, -1};

  @TempDir
  static Path dir;

  private PythonExchange x;
  private Set<String> pythonCodecs;
  private final Map<String, List<Object>> pythonWrote = new HashMap<>();
  private final Map<String, List<Object>> lancasterWrote = new HashMap<>();

  @BeforeAll
  void exchange() throws IOException {
    x = PythonExchange.open(dir);
    pythonCodecs = x.python().codecs();
    for (Case c : InteropCorpus.cases()) {
      if (c.available() && c.runsWithout(PYTHON_SCHEMA_EXCLUDES)) {
        queue(c);
      } else if (c.available()) {
        Path schema = x.write("schemas/" + c.name() + ".avsc", c.schemaJson());
        Path file = x.lancasterWrites(c.schema(), c.values(RECORDS, PYTHON_READS_EXCLUDE), "lan/" + c.name(), "null");
        x.job("excluded-read/" + c.name(), "read", "avro_file", file, "out", x.path("py-read/" + c.name()));
        x.job("excluded-parse/" + c.name(), "encode", "schema", schema,
            "jsonl_in", x.write("empty.jsonl", ""), "out_hex", x.path("soe/py/" + c.name()));
      }
    }
    queueKnownDifferences();
    x.run();
  }

  private void queue(Case c) throws IOException {
    String n = c.name();
    Path schema = x.write("schemas/" + n + ".avsc", c.schemaJson());
    List<Object> forPython = c.values(RECORDS, PYTHON_WRITES_EXCLUDE);
    List<Object> forLancaster = c.values(RECORDS, PYTHON_READS_EXCLUDE);
    pythonWrote.put(n, forPython);
    lancasterWrote.put(n, forLancaster);
    Path jsonl = x.jsonl("json/" + n + ".jsonl", c.schema(), forPython);
    for (String codec : CODECS) {
      if (pythonCodecs.contains(codec)) {
        x.job("write/" + n + "/" + codec, "write", "schema", schema, "jsonl_in", jsonl,
            "out_avro", x.path("py/" + n + "." + codec), "codec", codec, "block", 7);
        Path file = x.lancasterWrites(c.schema(), forLancaster, "lan/" + n + "." + codec, codec);
        x.job("read/" + n + "/" + codec, "read", "avro_file", file, "out", x.path("py-read/" + n + "." + codec));
      }
    }
    if (!c.features().contains(Feature.AMBIGUOUS_UNIONS)) {
      x.job("native/" + n, "write", "schema", schema, "jsonl_in", jsonl, "out_avro", x.path("native/" + n),
          "codec", "null", "unions", "native");
    }
    Path messages = x.lancasterEncodes(c.schema(), forLancaster.subList(0, MESSAGES), "soe/lan/" + n);
    x.job("decode/" + n, "decode", "reader_schema", schema, "in_hex", messages, "out", x.path("soe/py-read/" + n));
    x.job("encode/" + n, "encode", "schema", schema,
        "jsonl_in", x.jsonl("soe/json/" + n, c.schema(), forPython.subList(0, MESSAGES)),
        "out_hex", x.path("soe/py/" + n));
  }

  /** Inputs of the tests that pin down Python's known differences. */
  private void queueKnownDifferences() throws IOException {
    Path in = x.write("special/ambiguous.jsonl", "{\"int_or_long\":{\"int\":5},\"float_or_double\":{\"float\":1.5},"
        + "\"bool_or_double\":{\"boolean\":true},\"string_or_enum\":{\"string\":\"A\"},"
        + "\"bytes_or_fixed\":{\"bytes\":\"abcd\"},"
        + "\"one_of_two_records\":{\"interop.unions.Cat\":{\"name\":\"x\"}}}\n");
    x.job("special/ambiguous", "write", "schema", x.path("schemas/ambiguous_unions.avsc"), "jsonl_in", in,
        "out_avro", x.path("special/ambiguous"), "codec", "null", "unions", "native");

    Schema decimal = new SchemaParser().parse(DECIMAL_EDGES_SCHEMA);
    Path schema = x.write("special/decimal.avsc", DECIMAL_EDGES_SCHEMA);
    x.job("special/decimal-write", "write", "schema", schema,
        "jsonl_in", x.jsonl("special/decimal.jsonl", decimal, decimalEdges()),
        "out_avro", x.path("special/decimal.py"), "codec", "null");
    Path file = x.lancasterWrites(decimal, decimalEdges(), "special/decimal.lan", "null");
    x.job("special/decimal-read", "read", "avro_file", file, "out", x.path("special/decimal.py-read"));
  }

  private static List<Object> decimalEdges() {
    List<Object> values = new ArrayList<>();
    for (long v : DECIMAL_EDGES) {
      values.add(ByteBuffer.wrap(BigInteger.valueOf(v).toByteArray()));
    }
    return values;
  }

  /** The cases Python takes: all but {@link #PYTHON_SCHEMA_EXCLUDES}. */
  Stream<Case> pythonCases() {
    return InteropCorpus.casesWithout(PYTHON_SCHEMA_EXCLUDES).stream();
  }

  Stream<Arguments> casesAndCodecs() {
    return pythonCases().flatMap(c -> CODECS.stream().map(codec -> Arguments.of(c, codec)));
  }

  // ---- data files, both ways ----

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("casesAndCodecs")
  void pythonReadsWhatLancasterWrote(Case c, String codec) throws IOException {
    c.assumeAvailable();
    assumePythonHas(codec);
    Map<String, Object> r = x.ok("read/" + c.name() + "/" + codec);
    assertThat(r.get("codec")).as("codec Python found in the file").isEqualTo(codec);
    PeerJson.assertAllMatch(c.schema(), lancasterWrote.get(c.name()), x.peerLines("py-read/" + c.name() + "." + codec));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("casesAndCodecs")
  void lancasterReadsWhatPythonWrote(Case c, String codec) throws IOException {
    c.assumeAvailable();
    assumePythonHas(codec);
    x.ok("write/" + c.name() + "/" + codec);
    String file = "py/" + c.name() + "." + codec;
    try (DataFileReader<Object> reader = DataFileReader.open(x.path(file))) {
      assertThat(reader.codecName()).isEqualTo(codec);
      assertThat(CanonicalForm.of(reader.schema())).as("the schema Python wrote in the header")
          .isEqualTo(CanonicalForm.of(c.schema()));
      List<Long> blocks = new ArrayList<>();
      for (DataBlock b = reader.nextBlock(); b != null; b = reader.nextBlock()) {
        blocks.add(b.recordCount());
      }
      assertThat(blocks).as("records per block (peer.py ends a block every 7)").containsExactly(7L, 7L, 7L, 7L, 2L);
    }
    assertSameValues(c.schema(), pythonWrote.get(c.name()), x.readAll(file, null), c.name() + " written by Python");
  }

  Stream<Case> unambiguousCases() {
    return pythonCases().filter(c -> !c.features().contains(Feature.AMBIGUOUS_UNIONS));
  }

  /** Python choosing union branches itself, from plain values (not told the branch), writes the same data. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unambiguousCases")
  void pythonPicksTheSameBranchesFromPlainValues(Case c) throws IOException {
    c.assumeAvailable();
    x.ok("native/" + c.name());
    assertSameValues(c.schema(), pythonWrote.get(c.name()), x.readAll("native/" + c.name(), null),
        c.name() + " written by Python from plain values");
  }

  // ---- single-object encoding ----

  /**
   * Python's Parsing Canonical Form (hence its fingerprint) is the spec's, except for two known defects of
   * Python avro 1.11, which this test repairs and names: a primitive with a logical type stays an object
   * ({@code {"type":"int"}} instead of {@code "int"}), and a fixed type used twice is defined twice instead of
   * named the second time.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonCases")
  void pythonCanonicalFormIsTheSpecsButForKnownDefects(Case c) {
    c.assumeAvailable();
    String python = (String) x.ok("encode/" + c.name()).get("canonical_form");
    String spec = CanonicalForm.of(c.schema());
    assertThat(PythonCanonicalForm.repair(python)).isEqualTo(spec);
    assertThat(python.equals(spec)).as("Python's canonical form is exactly the spec's")
        .isEqualTo(PythonCanonicalForm.defects(python).isEmpty());
  }

  /** Single-object messages from Lancaster; Python finds no schema for a fingerprint its defects change. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonCases")
  void pythonDecodesLancasterSingleObjects(Case c) throws IOException {
    c.assumeAvailable();
    if (!pythonFingerprintIsTheSpecs(c)) {
      x.failed("decode/" + c.name(), "no schema with fingerprint");
      return;
    }
    x.ok("decode/" + c.name());
    PeerJson.assertAllMatch(c.schema(), lancasterWrote.get(c.name()).subList(0, MESSAGES),
        x.peerLines("soe/py-read/" + c.name()));
  }

  /**
   * Single-object messages from Python. Where Python's fingerprint differs (its canonical-form defects), each
   * message's fingerprint is replaced by the spec's before decoding, so the marker and the body are still checked.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonCases")
  void lancasterDecodesPythonSingleObjects(Case c) throws IOException {
    c.assumeAvailable();
    long pythonFingerprint = Long.parseUnsignedLong((String) x.ok("encode/" + c.name()).get("fingerprint"), 16);
    boolean same = pythonFingerprintIsTheSpecs(c);
    SingleObjectDecoder decoder = new SingleObjectDecoder(c.schema(), new InMemorySchemaStore(c.schema()));
    List<Object> decoded = new ArrayList<>();
    for (byte[] message : x.messages("soe/py/" + c.name())) {
      ByteBuffer header = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(header.getLong(2)).as("fingerprint in Python's message").isEqualTo(pythonFingerprint);
      if (!same) {
        header.putLong(2, Fingerprints.crc64(c.schema()));
      }
      decoded.add(decoder.decode(message));
    }
    assertSameValues(c.schema(), pythonWrote.get(c.name()).subList(0, MESSAGES), decoded,
        c.name() + " messages encoded by Python");
  }

  /** True when Python's fingerprint is the spec's; false only where a known defect explains the difference. */
  private boolean pythonFingerprintIsTheSpecs(Case c) {
    Map<String, Object> r = x.ok("encode/" + c.name());
    boolean same = r.get("fingerprint").equals(String.format("%016x", Fingerprints.crc64(c.schema())));
    if (!same) {
      assertThat(PythonCanonicalForm.defects((String) r.get("canonical_form")))
          .as("a known canonical-form defect explains the fingerprint Python computed").isNotEmpty();
    }
    return same;
  }

  // ---- known differences ----

  /**
   * Given plain values, Python avro 1.11 writes the LAST union branch that validates, and a Python bool validates
   * as a number. The corpus therefore tells Python the branch (peer.py's BranchWriter).
   */
  @Test
  void pythonPicksTheLastBranchThatValidatesForAmbiguousUnions() throws IOException {
    x.ok("special/ambiguous");
    List<Object> read = x.readAll("special/ambiguous", null);
    assertThat(read).hasSize(1);
    GenericRecord r = (GenericRecord) read.get(0);
    assertThat(r.get("int_or_long")).isEqualTo(5L);
    assertThat(r.get("float_or_double")).isEqualTo(1.5);
    assertThat(r.get("bool_or_double")).as("true written as the double 1.0").isEqualTo(1.0);
    assertThat(r.get("string_or_enum")).isInstanceOf(GenericEnum.class).hasToString("A");
    assertThat(r.get("bytes_or_fixed")).isInstanceOf(GenericFixed.class);
    assertThat(((GenericRecord) r.get("one_of_two_records")).schema().fullName()).isEqualTo("interop.unions.Dog");
  }

  /**
   * Python avro 1.11 writes a bytes decimal whose unscaled value is -2^(8k-1) with one byte more than the minimal
   * two's complement (FF 80 for -128): the same number, other bytes. Every other value is byte-for-byte the same,
   * and Python reads Lancaster's minimal form as the right number.
   */
  @Test
  void decimalByteEdges() throws IOException {
    x.ok("special/decimal-write");
    List<Object> read = x.readAll("special/decimal.py", null);
    assertThat(read).hasSize(DECIMAL_EDGES.length);
    for (int i = 0; i < DECIMAL_EDGES.length; i++) {
      BigInteger expected = BigInteger.valueOf(DECIMAL_EDGES[i]);
      ByteBuffer b = (ByteBuffer) read.get(i);
      byte[] bytes = new byte[b.remaining()];
      b.duplicate().get(bytes);
      assertThat(new BigInteger(bytes)).as("unscaled value %s", expected).isEqualTo(expected);
      int minimal = expected.toByteArray().length;
      assertThat(bytes.length).as("bytes Python wrote for %s", expected)
          .isEqualTo(CorpusValues.isByteEdge(expected) ? minimal + 1 : minimal);
    }
    x.ok("special/decimal-read");
    PeerJson.assertAllMatch(new SchemaParser().parse(DECIMAL_EDGES_SCHEMA), decimalEdges(),
        x.peerLines("special/decimal.py-read"));
  }

  Stream<Case> casesPythonMisreads() {
    return InteropCorpus.cases().stream().filter(c -> !c.runsWithout(PYTHON_SCHEMA_EXCLUDES));
  }

  /**
   * Python avro 1.11 takes {@code "namespace": ""} for "no namespace given", so the type inherits the enclosing
   * namespace instead of returning to the null namespace, and a later reference by its simple name does not
   * resolve: Python rejects such a schema, in a file's header or given to it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("casesPythonMisreads")
  void pythonReadsTheEmptyNamespaceAsInherited(Case c) {
    c.assumeAvailable();
    x.failed("excluded-read/" + c.name(), "SchemaParseException");
    x.failed("excluded-parse/" + c.name(), "SchemaParseException");
  }

  private void assumePythonHas(String codec) {
    Peers.assumeInstalled(pythonCodecs.contains(codec), "the " + codec + " codec of Python avro ("
        + x.python().interpreter() + " has " + pythonCodecs + ")", PythonPeer.HOW_TO_INSTALL);
  }
}
