package io.lancaster.it.interop;

import static io.lancaster.it.interop.CInteropTest.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.it.interop.CPeer.Resolver;
import io.lancaster.it.interop.EvolutionPairs.Pair;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema evolution across Lancaster and Apache Avro C 1.11.1, over every {@link EvolutionPairs} pair. C writes
 * with v1 and Lancaster reads with v2: every pair, since libavro only has to write. Lancaster writes with v1 and
 * libavro reads with v2 through its resolved writer (the reader schema support libavro has): only the pairs libavro
 * resolves correctly are compared with the expected values; for the others the test pins what libavro does
 * instead (refuses the schemas, or maps enum symbols by position), so a libavro that changes shows up here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CEvolutionInteropTest {
  private static final int RECORDS = 25;
  private static final Set<Feature> EXCLUDED = CInteropTest.EXCLUDED;
  /** Pairs libavro's resolved writer reads to exactly the expected values. */
  private static final Set<String> LIBAVRO_RESOLVES =
      Set.of("removed_fields", "promotions", "promotions_in_collections", "union_changes");

  @TempDir
  static Path work;
  private CPeer c;

  @BeforeAll
  void startPeer() throws IOException {
    c = CPeer.start(work);
  }

  static Stream<Pair> pairs() {
    return EvolutionPairs.all().stream();
  }

  static Stream<Pair> pairsLibavroResolves() {
    return pairs().filter(p -> LIBAVRO_RESOLVES.contains(p.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void lancasterReadsWithV2WhatLibavroWroteWithV1(Pair p) throws IOException {
    List<Object> written = p.writerValues(RECORDS, EXCLUDED);
    Path file = c.file("c-v1-" + p.name(), ".avro");
    c.write(p.writer(), written, CInteropTest.blockSize(p.writer(), written), Map.of("deflate", file));
    List<Object> read = new ArrayList<>();
    ReadOptions<Object> options = ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, p.reader()));
    try (DataFileReader<Object> r = DataFileReader.open(file, options)) {
      while (r.hasNext()) {
        read.add(r.next());
      }
    }
    assertSameValues(p.expected(written), read,
        "Lancaster reading libavro's v1 file with v2 (" + p.description() + ")");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairsLibavroResolves")
  void libavroReadsWithV2WhatLancasterWroteWithV1(Pair p) throws IOException {
    List<Object> written = p.writerValues(RECORDS, EXCLUDED);
    Processes.Result r = c.readAs(lancasterWrites(p.writer(), written), p.reader(), Resolver.WRITER).orThrow();
    assertSameValues(p.expected(written), CValueScript.read(p.reader(), r.stdoutLines()),
        "libavro reading Lancaster's v1 file with v2 (" + p.description() + ")");
  }

  /** Every pair is either resolved by libavro or pinned below; a new pair must be classified. */
  @Test
  void everyPairIsClassifiedForLibavro() {
    Set<String> pinned = Set.of("reordered", "enum_default", "added_fields", "field_alias", "record_alias",
        "string_bytes", "default_edge_cases");
    for (Pair p : EvolutionPairs.all()) {
      assertThat(LIBAVRO_RESOLVES.contains(p.name()) || pinned.contains(p.name()))
          .as("pair %s is neither in LIBAVRO_RESOLVES nor pinned as a known difference", p.name()).isTrue();
    }
  }

  /**
   * libavro resolves an enum by the writer's ordinal, not by symbol (and has no enum defaults): reordered symbols
   * come out as whatever the reader has at the writer's position. In enum_default the symbol unknown to the reader
   * (PURPLE, position 3) sits where the reader has its default (OTHER), so there libavro's answer happens to be
   * the right one.
   */
  @Test
  void libavroResolvesEnumsByPositionNotSymbol() throws IOException {
    Pair reordered = EvolutionPairs.named("reordered");
    List<Object> written = reordered.writerValues(RECORDS, EXCLUDED);
    Processes.Result r = c.readAs(lancasterWrites(reordered.writer(), written), reordered.reader(), Resolver.WRITER)
        .orThrow();
    EnumSchema readerEnum = (EnumSchema) ((RecordSchema) reordered.reader()).field("c").schema();
    List<Object> byPosition = new ArrayList<>();
    for (Object w : written) {
      GenericRecord expected = (GenericRecord) reordered.expected(w);
      int writerOrdinal = ((GenericEnum) ((GenericRecord) w).get("c")).ordinal();
      byPosition.add(expected.put("c", new GenericEnum(readerEnum, readerEnum.symbols().get(writerOrdinal))));
    }
    List<Object> read = CValueScript.read(reordered.reader(), r.stdoutLines());
    assertSameValues(byPosition, read, "libavro resolving reordered enum symbols");
    assertThat(read).as("a symbol moved, so by-position differs from by-symbol somewhere")
        .isNotEqualTo(reordered.expected(written));

    Pair enumDefault = EvolutionPairs.named("enum_default");
    List<Object> colors = enumDefault.writerValues(RECORDS, EXCLUDED);
    Processes.Result d = c.readAs(lancasterWrites(enumDefault.writer(), colors), enumDefault.reader(), Resolver.WRITER)
        .orThrow();
    assertSameValues(enumDefault.expected(colors), CValueScript.read(enumDefault.reader(), d.stdoutLines()),
        "libavro resolving enum_default (right by position only)");
  }

  /** What libavro 1.11.1 cannot resolve: it refuses the schemas with these messages. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "added_fields       | Reader field email doesn't appear in writer",  // no reader defaults at all
      "field_alias        | Reader field new_name doesn't appear in writer", // no field aliases
      "record_alias       | Cannot store fixed into Code",                   // no aliases for named types
      "string_bytes       | Cannot store string into bytes",                 // no string <-> bytes promotion
      "default_edge_cases | \\u0000 is not allowed without JSON_ALLOW_NUL"   // its JSON parser refuses U+0000
  })
  void libavroRefusesWhatItCannotResolve(String pair, String message) throws IOException {
    Pair p = EvolutionPairs.named(pair);
    List<Object> written = p.writerValues(3, EXCLUDED);
    Processes.Result r = c.readAs(lancasterWrites(p.writer(), written), p.reader(), Resolver.WRITER);
    assertThat(r.exitCode()).as("libavro's exit code").isNotZero();
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains(message);
  }

  /**
   * A libavro bug that keeps its resolved writer off data with collections in unions: an empty array or map in
   * a union comes out with no branch selected when it is the first value read.
   */
  @Test
  void libavroResolvedWriterLosesTheBranchOfAnEmptyArrayInAUnion() throws IOException {
    Schema schema = Schema.parse("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"u\", \"type\": "
        + "[\"null\", {\"type\": \"array\", \"items\": \"long\"}]}]}");
    List<Object> values = List.of(new GenericRecord((RecordSchema) schema).put("u", List.of()),
        new GenericRecord((RecordSchema) schema).put("u", List.of(1L)));
    Path file = lancasterWrites(schema, values);
    assertSameValues(values, c.read(file, schema), "libavro reading without a reader schema");
    Processes.Result r = c.readAs(file, schema, Resolver.WRITER).orThrow();
    assertThat(r.stdoutLines()).containsExactly("r1 u-1", "r1 u1 a1 l1");
  }

  /**
   * A libavro bug that keeps its resolved reader (the other resolution API) out of these tests: it crashes
   * (SIGSEGV) on a named type used again by name as the values of a map.
   */
  @Test
  void libavroResolvedReaderCrashesOnANamedTypeReusedInAMap() throws IOException {
    Schema schema = Schema.parse("{\"type\": \"record\", \"name\": \"R\", \"fields\": ["
        + "{\"name\": \"e\", \"type\": {\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"X\", \"Y\"]}},"
        + "{\"name\": \"m\", \"type\": {\"type\": \"map\", \"values\": \"E\"}}]}");
    EnumSchema e = (EnumSchema) ((RecordSchema) schema).field("e").schema();
    List<Object> values = List.of(new GenericRecord((RecordSchema) schema).put("e", new GenericEnum(e, "X"))
        .put("m", Map.of("a", new GenericEnum(e, "Y"))));
    Path file = lancasterWrites(schema, values);
    assertSameValues(values, c.read(file, schema), "libavro reading without a reader schema");
    assertSameValues(values, CValueScript.read(schema, c.readAs(file, schema, Resolver.WRITER).orThrow()
        .stdoutLines()), "libavro's resolved writer");
    Processes.Result crashed = c.readAs(file, schema, Resolver.READER);
    assertThat(crashed.exitCode()).as("exit code of a process killed by SIGSEGV").isEqualTo(128 + 11);
  }

  private Path lancasterWrites(Schema schema, List<Object> values) throws IOException {
    Path file = c.file("lancaster-v1", ".avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(schema, file)) {
      for (Object v : values) {
        w.append(v);
      }
    }
    return file;
  }
}
