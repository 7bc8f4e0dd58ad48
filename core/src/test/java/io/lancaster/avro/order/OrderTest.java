package io.lancaster.avro.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sort order as a property: on seeded random data for schemas covering every type, field order, recursion and
 * blocking, {@link BinaryComparator} on the encodings, {@link GenericComparator} on the values (as generated and as
 * decoded) and Apache Avro agree on every pair, and sorting by either comparator gives the same permutation.
 */
class OrderTest {
  private static final int VALUES = 90;

  static final String SCALARS = """
      {"type": "record", "name": "Scalars", "fields": [
        {"name": "n", "type": "null"},
        {"name": "flag", "type": "boolean"},
        {"name": "e", "type": {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS", "CLUBS"]}},
        {"name": "i", "type": "int"},
        {"name": "l", "type": "long"},
        {"name": "f", "type": "float"},
        {"name": "d", "type": "double"},
        {"name": "s", "type": "string"},
        {"name": "b", "type": "bytes"},
        {"name": "fx", "type": {"type": "fixed", "name": "F3", "size": 3}}]}""";

  static final String ORDERS = """
      {"type": "record", "name": "Ordered", "fields": [
        {"name": "flag", "type": "boolean", "order": "descending"},
        {"name": "skipped", "type": {"type": "map", "values": {"type": "array", "items": "string"}},
         "order": "ignore"},
        {"name": "e", "type": {"type": "enum", "name": "Z", "symbols": ["z", "a", "m"]}, "order": "descending"},
        {"name": "ignoredString", "type": "string", "order": "ignore"},
        {"name": "inner", "order": "descending", "type": {"type": "record", "name": "Inner", "fields": [
          {"name": "x", "type": "boolean", "order": "descending"},
          {"name": "ignoredArray", "type": {"type": "array", "items": "long"}, "order": "ignore"},
          {"name": "y", "type": ["null", "string", "long"]},
          {"name": "z", "type": "float", "order": "ascending"}]}},
        {"name": "tail", "type": "double"}]}""";

  static final String NESTED = """
      {"type": "record", "name": "Nested", "namespace": "n", "fields": [
        {"name": "choice", "type": ["null", "int", "string",
          {"type": "enum", "name": "E", "symbols": ["y", "x"]},
          {"type": "record", "name": "P", "fields": [
            {"name": "a", "type": "boolean"}, {"name": "b", "type": {"type": "array", "items": "bytes"}}]},
          {"type": "fixed", "name": "F2", "size": 2}, "float", "double", "long", "bytes",
          {"type": "array", "items": "int"}]},
        {"name": "nulls", "type": {"type": "array", "items": "null"}},
        {"name": "matrix", "type": {"type": "array", "items": {"type": "array", "items": ["null", "boolean"]}}},
        {"name": "people", "type": {"type": "array", "items": "P"}},
        {"name": "tags", "type": {"type": "array", "items": "string"}}]}""";

  static final String TREE = """
      {"type": "record", "name": "Tree", "fields": [
        {"name": "value", "type": "boolean"},
        {"name": "left", "type": ["null", "Tree"]},
        {"name": "children", "type": {"type": "array", "items": "Tree"}, "order": "descending"},
        {"name": "label", "type": {"type": "enum", "name": "L", "symbols": ["b", "a"]}}]}""";

  static final String EMPTY_PARTS = """
      {"type": "record", "name": "EmptyParts", "fields": [
        {"name": "zero", "type": {"type": "fixed", "name": "Z0", "size": 0}},
        {"name": "empty", "type": {"type": "record", "name": "Empty", "fields": []}},
        {"name": "empties", "type": {"type": "array", "items": "Empty"}},
        {"name": "n", "type": "null", "order": "descending"},
        {"name": "flag", "type": "boolean"},
        {"name": "ignoredNulls", "type": {"type": "array", "items": "null"}, "order": "ignore"},
        {"name": "one", "type": {"type": "enum", "name": "One", "symbols": ["only"]}},
        {"name": "last", "type": "long"}]}""";

  static Stream<Arguments> schemas() {
    return Stream.of(
        named("boolean", "\"boolean\""),
        named("int", "\"int\""),
        named("long", "\"long\""),
        named("float", "\"float\""),
        named("double", "\"double\""),
        named("string", "\"string\""),
        named("bytes", "\"bytes\""),
        named("fixed", "{\"type\": \"fixed\", \"name\": \"F4\", \"size\": 4}"),
        named("enum", "{\"type\": \"enum\", \"name\": \"Rev\", \"symbols\": [\"z\", \"y\", \"a\", \"b\"]}"),
        named("union", "[\"string\", \"null\", {\"type\": \"array\", \"items\": \"double\"}, \"boolean\"]"),
        named("array of arrays", "{\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": \"string\"}}"),
        named("record of scalars", SCALARS),
        named("descending and ignored fields", ORDERS),
        named("nested arrays and unions", NESTED),
        named("recursive", TREE),
        named("empty parts", EMPTY_PARTS));
  }

  private static Arguments named(String name, String json) {
    return Arguments.of(Named.of(name, json));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void binaryGenericAndApacheAgreeOnUnicodeData(String json) throws IOException {
    checkAllPairs(json, new Samples(json, 20240601L + json.hashCode(), false), false);
  }

  /** Bytes below 0x80 only: where Apache Avro 1.12.1's own comparisons follow the spec, they are the oracle. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void binaryGenericAndApacheAgreeOnAsciiData(String json) throws IOException {
    checkAllPairs(json, new Samples(json, 77L + json.hashCode(), true), true);
  }

  private static void checkAllPairs(String json, Samples s, boolean asciiOnly) {
    int equal = 0;
    int different = 0;
    for (int i = 0; i < VALUES; i++) {
      for (int j = 0; j < VALUES; j++) {
        int expected = s.apache.specCompare(s.apacheValues.get(i), s.apacheValues.get(j));
        expect(s, i, j, "binary", expected, s.binary.compare(s.encoded.get(i), s.encoded.get(j)));
        expect(s, i, j, "generic", expected, s.generic.compare(s.values.get(i), s.values.get(j)));
        expect(s, i, j, "generic on decoded values", expected,
            s.generic.compare(s.decoded.get(i), s.decoded.get(j)));
        expect(s, i, j, "binary, blocked vs plain", expected, s.binary.compare(s.blocked.get(i), s.encoded.get(j)));
        expect(s, i, j, "binary, both blocked", expected, s.binary.compare(s.blocked.get(i), s.blocked.get(j)));
        if (asciiOnly) {
          expect(s, i, j, "Apache BinaryData.compare", expected, s.apache.binaryCompare(s.encoded.get(i),
              s.encoded.get(j)));
          expect(s, i, j, "Apache BinaryData.compare, blocked", expected, s.apache.binaryCompare(s.blocked.get(i),
              s.blocked.get(j)));
          expect(s, i, j, "Apache GenericData.compare", expected, s.apache.genericCompare(s.apacheValues.get(i),
              s.apacheValues.get(j)));
        }
        if (expected == 0) {
          equal++;
        } else {
          different++;
        }
      }
    }
    // The data must exercise both outcomes, beyond the VALUES pairs of a value with itself.
    assertThat(equal).as("equal pairs for %s", json).isGreaterThan(VALUES);
    assertThat(different).as("different pairs for %s", json).isGreaterThan(VALUES);
  }

  private static void expect(Samples s, int i, int j, String what, int expected, int actual) {
    if (expected != actual) {
      fail(what + " gives " + actual + " but the spec order gives " + expected + "\n  x = " + s.values.get(i)
          + "\n  y = " + s.values.get(j));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void sortingEncodedDatumsGivesTheOrderOfSortingDecodedValues(String json) {
    Samples s = new Samples(json, 99L + json.hashCode(), false);
    List<Integer> byBinary = new ArrayList<>(IntStream.range(0, VALUES).boxed().toList());
    byBinary.sort(Comparator.comparing(s.encoded::get, s.binary)); // stable
    List<Integer> byGeneric = new ArrayList<>(IntStream.range(0, VALUES).boxed().toList());
    byGeneric.sort(Comparator.comparing(s.decoded::get, s.generic));

    assertThat(byBinary).isEqualTo(byGeneric);
    for (int k = 1; k < VALUES; k++) {
      assertThat(s.apache.specCompare(s.apacheValues.get(byBinary.get(k - 1)), s.apacheValues.get(byBinary.get(k))))
          .as("position %d of the sorted order", k).isLessThanOrEqualTo(0);
    }
  }

  /** The comparators hold no state: one instance used from several threads gives the answers it gives alone. */
  @Test
  void oneComparatorServesManyThreads() throws Exception {
    Samples s = new Samples(NESTED, 5, false);
    int[] alone = new int[VALUES * VALUES];
    for (int k = 0; k < alone.length; k++) {
      alone[k] = s.binary.compare(s.blocked.get(k / VALUES), s.encoded.get(k % VALUES));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<int[]>> runs = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        runs.add(pool.submit(() -> {
          int[] got = new int[alone.length];
          for (int k = got.length - 1; k >= 0; k--) {
            got[k] = s.binary.compare(s.blocked.get(k / VALUES), s.encoded.get(k % VALUES));
          }
          return got;
        }));
      }
      for (Future<int[]> run : runs) {
        assertThat(run.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A raw comparator runs for every pair a sort looks at: it must not make garbage. */
  @Test
  void binaryComparisonsAllocateNothing() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
        && t.isThreadAllocatedMemoryEnabled(), "this JVM cannot count a thread's allocations");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
    Samples s = new Samples(ORDERS, 8, false);
    int sink = 0;
    for (int round = 0; round < 3; round++) { // the first rounds warm up (class loading, profiling)
      long before = counter.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < VALUES; i++) {
        for (int j = 0; j < VALUES; j++) {
          sink += s.binary.compare(s.blocked.get(i), s.encoded.get(j));
        }
      }
      long allocated = counter.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
      if (round == 2) {
        assertThat(allocated).as("bytes allocated by %d comparisons (sum %d)", VALUES * VALUES, sink)
            .isLessThan(VALUES * VALUES / 4);
      }
    }
  }

  /** Random values of one schema in every form the comparators see; every other one near an earlier one. */
  private static final class Samples {
    final BinaryComparator binary;
    final GenericComparator generic;
    final ApacheOrder apache;
    final List<Object> values = new ArrayList<>();
    final List<byte[]> encoded = new ArrayList<>();
    final List<byte[]> blocked = new ArrayList<>();
    final List<Object> decoded = new ArrayList<>();
    final List<Object> apacheValues = new ArrayList<>();

    Samples(String json, long seed, boolean asciiOnly) {
      Schema schema = new SchemaParser().parse(json);
      binary = new BinaryComparator(schema);
      generic = new GenericComparator(schema);
      apache = new ApacheOrder(json);
      TieHeavyData data = new TieHeavyData(seed, asciiOnly);
      BlockedEncoding blocking = new BlockedEncoding(seed);
      Random pick = new Random(~seed);
      GenericDatumWriter writer = new GenericDatumWriter(schema);
      GenericDatumReader reader = new GenericDatumReader(schema);
      try {
        for (int i = 0; i < VALUES; i++) {
          Object v = i > 0 && i % 2 == 0 ? data.near(schema, values.get(pick.nextInt(i))) : data.next(schema);
          BufferEncoder out = new BufferEncoder();
          writer.write(v, out);
          byte[] bytes = out.toByteArray();
          values.add(v);
          encoded.add(bytes);
          blocked.add(blocking.encode(schema, v));
          decoded.add(reader.read(new ByteArrayDecoder(bytes)));
          apacheValues.add(apache.decode(bytes));
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }
}
