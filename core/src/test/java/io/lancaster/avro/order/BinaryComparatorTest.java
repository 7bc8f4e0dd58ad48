package io.lancaster.avro.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.api.Test;

/** Cases of the sort order, of its errors and of the encodings a raw comparator must accept. */
class BinaryComparatorTest {

  @Test
  void followsTheSpecsExamples() {
    Schema suit = parse("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"z\", \"a\"]}");
    assertThat(compare(suit, sym(suit, "z"), sym(suit, "a"))).isEqualTo(-1);
    Schema intOrString = parse("[\"int\", \"string\"]");
    assertThat(compare(intOrString, Integer.MAX_VALUE, "")).isEqualTo(-1);
    assertThat(compare(intOrString, "b", -5)).isEqualTo(1);
    assertThat(compare(intOrString, 3, 7)).isEqualTo(-1);
    assertThat(compare(parse("\"boolean\""), false, true)).isEqualTo(-1);
    assertThat(compare(parse("\"null\""), null, null)).isZero();
  }

  @Test
  void numbersOrderByValueNotByTheirZigZagBytes() {
    Schema longs = parse("\"long\"");
    long[] ascending = {Long.MIN_VALUE, -300, -2, -1, 0, 1, 2, 64, 300, Long.MAX_VALUE};
    assertStrictlyAscending(longs, Arrays.stream(ascending).boxed().toArray());
    Schema ints = parse("\"int\"");
    assertStrictlyAscending(ints, Integer.MIN_VALUE, -65, -64, -1, 0, 1, 63, 64, Integer.MAX_VALUE);
    // An over-long varint (1 written in two bytes) is the same value.
    assertThat(new BinaryComparator(ints).compare(new byte[] {(byte) 0x82, 0x00}, new byte[] {0x02})).isZero();
  }

  /** Float.compare/Double.compare, as Apache Avro: -0.0 before 0.0, NaN last, every NaN equal to every NaN. */
  @Test
  void floatsAndDoublesOrderAsFloatCompareDoes() {
    Schema floats = parse("\"float\"");
    assertStrictlyAscending(floats, Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f, -Float.MIN_VALUE, -0f, 0f,
        Float.MIN_VALUE, 1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN);
    Schema doubles = parse("\"double\"");
    assertStrictlyAscending(doubles, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1d, -Double.MIN_VALUE, -0d, 0d,
        Double.MIN_VALUE, 1d, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN);

    float otherNan = Float.intBitsToFloat(0xffc00001); // sign bit set, another payload
    assertThat(compare(floats, Float.NaN, otherNan)).isZero();
    assertThat(compare(floats, otherNan, Float.POSITIVE_INFINITY)).isEqualTo(1);
    double otherDoubleNan = Double.longBitsToDouble(0xfff8000000000123L);
    assertThat(compare(doubles, Double.NaN, otherDoubleNan)).isZero();

    ApacheOrder apache = new ApacheOrder("\"float\"");
    assertThat(apache.binaryCompare(encode(floats, -0f), encode(floats, 0f))).isEqualTo(-1);
    assertThat(apache.binaryCompare(encode(floats, Float.NaN), encode(floats, otherNan))).isZero();
  }

  /** UTF-8 byte order is code point order, unlike String.compareTo, which orders UTF-16 units. */
  @Test
  void stringsOrderByCodePoint() {
    Schema strings = parse("\"string\"");
    String astral = "\ud83d\ude00"; // U+1F600, a surrogate pair in UTF-16
    assertThat("\uffff".compareTo(astral)).as("String.compareTo disagrees").isPositive();
    assertStrictlyAscending(strings, "", "\u0000", "a", "ab", "b", "z", "\u007f", "\u00e9", "\u07ff", "\u0800",
        "\ue000", "\uffff", "\ud800\udc00", astral, "\udbff\udfff");
    // An unpaired surrogate is encoded as '?', and orders as '?'.
    assertThat(compare(strings, "\ud800", "?")).isZero();
    assertThat(new GenericComparator(strings).compare("x\ud800", "x?")).isZero();
    assertThat(new GenericComparator(strings).compare("\ud800", "@")).isEqualTo(-1);
  }

  @Test
  void bytesAndFixedCompareUnsigned() {
    Schema bytes = parse("\"bytes\"");
    assertStrictlyAscending(bytes, new byte[0], new byte[] {0}, new byte[] {0, 0}, new byte[] {1},
        new byte[] {0x7f}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xff});
    Schema fixed = parse("{\"type\": \"fixed\", \"name\": \"F\", \"size\": 2}");
    assertThat(new BinaryComparator(fixed).compare(new byte[] {1, (byte) 0x80}, new byte[] {1, 0x7f})).isEqualTo(1);
  }

  /**
   * Apache Avro 1.12.1 compares bytes and strings as signed bytes (AVRO-4210, fixed after 1.12.1), against the spec,
   * which is why {@link ApacheOrder#specCompare} patches it. When this fails, the Apache Avro on the test classpath
   * has the fix: drop the patch and compare with Apache Avro on all data.
   */
  @Test
  void apacheAvro1121OrdersBytesAbove0x7fSigned() {
    Schema strings = parse("\"string\"");
    byte[] accented = encode(strings, "\u00e9");
    byte[] z = encode(strings, "z");
    assertThat(new BinaryComparator(strings).compare(accented, z)).isEqualTo(1);
    assertThat(new ApacheOrder("\"string\"").binaryCompare(accented, z)).isEqualTo(-1);
  }

  @Test
  void recordsHonourDescendingAndIgnoredFields() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a", "type": "int", "order": "descending"},
          {"name": "b", "type": "string", "order": "ignore"},
          {"name": "c", "type": "long"}]}""");
    assertThat(compare(schema, rec(schema, 1, "x", 5L), rec(schema, 2, "a", 0L))).isEqualTo(1);
    assertThat(compare(schema, rec(schema, 2, "x", 5L), rec(schema, 2, "a", 6L))).isEqualTo(-1);
    assertThat(compare(schema, rec(schema, 2, "x", 5L), rec(schema, 2, "a very different string", 5L))).isZero();
  }

  @Test
  void descendingRecordInsideDescendingFieldOrdersAscending() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "Outer", "fields": [
          {"name": "inner", "order": "descending", "type": {"type": "record", "name": "Inner", "fields": [
            {"name": "x", "type": "int", "order": "descending"}]}}]}""");
    RecordSchema inner = (RecordSchema) schema.fields().get(0).schema();
    GenericRecord one = new GenericRecord(schema).put(0, new GenericRecord(inner).put(0, 1));
    GenericRecord two = new GenericRecord(schema).put(0, new GenericRecord(inner).put(0, 2));
    assertThat(compare(schema, one, two)).isEqualTo(-1);
  }

  /** Arrays written in blocks of any sizes, some with their byte size (negative count), compare like plain ones. */
  @Test
  void arraysCompareByElementThenLengthWhateverTheBlocking() throws IOException {
    Schema schema = parse("{\"type\": \"array\", \"items\": \"string\"}");
    BinaryComparator comparator = new BinaryComparator(schema);
    byte[] plain = encode(schema, List.of("a", "b", "c"));

    BufferEncoder out = new BufferEncoder();
    BufferEncoder block = new BufferEncoder();
    block.writeString("a");
    block.writeString("b");
    out.writeSizedBlockHeader(2, block.size());
    out.writeFixed(block.toByteArray());
    out.writeArrayStart(1);
    out.writeString("c");
    out.writeArrayEnd();
    byte[] blocked = out.toByteArray();
    assertThat(blocked).isNotEqualTo(plain);

    assertThat(comparator.compare(blocked, plain)).isZero();
    assertThat(comparator.compare(plain, blocked)).isZero();
    assertThat(comparator.compare(blocked, encode(schema, List.of("a", "b")))).isEqualTo(1);
    assertThat(comparator.compare(blocked, encode(schema, List.of("a", "b", "c", "")))).isEqualTo(-1);
    assertThat(comparator.compare(blocked, encode(schema, List.of("a", "c")))).isEqualTo(-1);
    assertThat(comparator.compare(blocked, encode(schema, List.of()))).isEqualTo(1);
    assertThat(new ApacheOrder(schema.toString()).binaryCompare(blocked, plain)).isZero();
  }

  /** Arrays of always-empty items compare by count alone, without walking a count that no memory could hold. */
  @Test
  void arraysOfNullsCompareByCountWithoutIteratingOverIt() throws IOException {
    Schema schema = parse("{\"type\": \"array\", \"items\": \"null\"}");
    BufferEncoder huge = new BufferEncoder();
    huge.writeArrayStart(1L << 40);
    huge.writeSizedBlockHeader(1L << 40, 0);
    huge.writeArrayEnd();
    BufferEncoder hugeToo = new BufferEncoder();
    hugeToo.writeArrayStart(1L << 41);
    hugeToo.writeArrayEnd();
    BinaryComparator comparator = new BinaryComparator(schema);
    assertThat(comparator.compare(huge.toByteArray(), hugeToo.toByteArray())).isZero();
    assertThat(comparator.compare(huge.toByteArray(), encode(schema, Arrays.asList(null, null)))).isEqualTo(1);
  }

  /** As in a MapReduce sort buffer: both datums in one array, each given by offset and length. */
  @Test
  void comparesDatumsInsideALargerBufferAndReadsNothingPastTheirLength() {
    Schema schema = parse("[\"null\", \"string\"]");
    byte[] x = encode(schema, "apple");
    byte[] y = encode(schema, "apricot");
    byte[] buffer = new byte[3 + x.length + y.length];
    System.arraycopy(x, 0, buffer, 3, x.length);
    System.arraycopy(y, 0, buffer, 3 + x.length, y.length);
    BinaryComparator comparator = new BinaryComparator(schema);
    assertThat(comparator.compare(buffer, 3, x.length, buffer, 3 + x.length, y.length)).isEqualTo(-1);
    assertThat(comparator.compare(buffer, 3 + x.length, y.length, buffer, 3, x.length)).isEqualTo(1);

    // The bytes of "apricot" follow "apple" in the buffer, but a length that cuts "apple" short is truncated data.
    UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class,
        () -> comparator.compare(buffer, 3, x.length - 1, buffer, 3 + x.length, y.length));
    assertThat(e.getCause()).isInstanceOf(CorruptDataException.class);
    assertThat(((CorruptDataException) e.getCause()).offset()).isEqualTo(4); // the string's length prefix
    assertThat(e).hasMessageContaining("truncated data");
  }

  @Test
  void corruptDataIsReportedWithOffsetAndFieldPath() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "id", "type": "int"},
          {"name": "tags", "type": {"type": "array", "items": {"type": "record", "name": "T", "fields": [
            {"name": "choice", "type": ["null", "boolean"]}]}}}]}""");
    BinaryComparator comparator = new BinaryComparator(schema);
    byte[] good = {0x02, 0x02, 0x02, 0x01, 0x00}; // id 1, tags [{choice: true}], end
    byte[] badIndex = {0x02, 0x02, 0x06, 0x01, 0x00}; // union index 3
    byte[] badBoolean = {0x02, 0x02, 0x02, 0x07, 0x00};

    CorruptDataException e = corruption(() -> comparator.compare(good, badIndex));
    assertThat(e.detail()).isEqualTo("union index 3 out of range for a union of 2 branches");
    assertThat(e.offset()).isEqualTo(2);
    assertThat(e.fieldPath()).isEqualTo("tags.[0].choice");

    e = corruption(() -> comparator.compare(badBoolean, good));
    assertThat(e.detail()).isEqualTo("invalid boolean byte 7 (must be 0 or 1)");
    assertThat(e.offset()).isEqualTo(3);

    e = corruption(() -> comparator.compare(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, 0x01}, good));
    assertThat(e.detail()).isEqualTo("invalid int varint: longer than 5 bytes");
    assertThat(e.fieldPath()).isEqualTo("id");

    e = corruption(() -> comparator.compare(good, new byte[] {0x02, (byte) 0xfe, 0x01, 0x02}));
    assertThat(e.detail()).contains("array block of 127 items");

    Schema strings = parse("\"string\"");
    e = corruption(() -> new BinaryComparator(strings).compare(new byte[] {0x01, 'a'}, new byte[] {0x02, 'a'}));
    assertThat(e.detail()).isEqualTo("negative string length -1");
  }

  @Test
  void mapsAreRefusedWhenEveryComparisonWouldReachThem() {
    assertThatThrownBy(() -> new BinaryComparator(parse("{\"type\": \"map\", \"values\": \"int\"}")))
        .isInstanceOf(UncomparableException.class)
        .hasMessageContaining("every comparison would reach a map");
    UncomparableException e = catchThrowableOfType(UncomparableException.class, () -> new GenericComparator(parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "skipped", "type": "long", "order": "ignore"},
          {"name": "n", "type": "null"},
          {"name": "inner", "type": {"type": "record", "name": "I", "fields": [
            {"name": "m", "type": [{"type": "map", "values": "string"}]}]}}]}""")));
    assertThat(e.fieldPath()).isEqualTo("inner.m");
    assertThat(e).hasMessageEndingWith("(field inner.m)");
  }

  @Test
  void mapsReachedOnlySometimesFailWhenReachedAsInApacheAvro() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "id", "type": "int"},
          {"name": "list", "type": {"type": "array", "items": {"type": "map", "values": "int"}}}]}""");
    BinaryComparator comparator = new BinaryComparator(schema);
    GenericRecord a = rec(schema, 1, List.of(Map.of("k", 1)));
    GenericRecord b = rec(schema, 2, List.of(Map.of("k", 1)));
    assertThat(compare(schema, a, b)).isEqualTo(-1);
    assertThat(compare(schema, rec(schema, 1, List.of()), rec(schema, 1, List.of()))).isZero();

    UncomparableException e = catchThrowableOfType(UncomparableException.class,
        () -> comparator.compare(encode(schema, a), encode(schema, a)));
    assertThat(e.fieldPath()).isEqualTo("list.[0]");
    assertThat(e).hasMessageContaining("maps cannot be compared");
    UncomparableException g = catchThrowableOfType(UncomparableException.class,
        () -> new GenericComparator(schema).compare(a, a));
    assertThat(g.fieldPath()).isEqualTo("list.[0]");
    assertThatThrownBy(() -> new ApacheOrder(schema.toString()).binaryCompare(encode(schema, a), encode(schema, a)))
        .isInstanceOf(AvroRuntimeException.class).hasMessage("Can't compare maps!");
  }

  @Test
  void mapsInIgnoredFieldsAreSkippedWhateverTheirBlocking() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "m", "type": {"type": "map", "values": {"type": "array", "items": "string"}},
           "order": "ignore"},
          {"name": "after", "type": "string"}]}""");
    Map<String, Object> big = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      big.put("key" + i, List.of("v", "w" + i));
    }
    GenericRecord x = rec(schema, big, "same");
    GenericRecord y = rec(schema, Map.of(), "same");
    GenericRecord z = rec(schema, big, "samf");
    BinaryComparator comparator = new BinaryComparator(schema);
    BlockedEncoding blocked = new BlockedEncoding(11);
    for (int round = 0; round < 5; round++) {
      assertThat(comparator.compare(blocked.encode(schema, x), encode(schema, y))).isZero();
      assertThat(comparator.compare(blocked.encode(schema, x), blocked.encode(schema, z))).isEqualTo(-1);
    }
    assertThat(new GenericComparator(schema).compare(x, y)).isZero();
  }

  @Test
  void recursiveTypesCompareToAnyDepth() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "Link", "fields": [
          {"name": "v", "type": "int"}, {"name": "next", "type": ["null", "Link"]}]}""");
    GenericRecord shorter = chain(schema, 200, 0);
    GenericRecord longer = chain(schema, 201, 0);
    assertThat(compare(schema, shorter, longer)).isEqualTo(-1); // at the 200th link, null orders before Link
    assertThat(compare(schema, chain(schema, 200, 8), chain(schema, 200, 7))).isEqualTo(1);
    assertThat(compare(schema, chain(schema, 200, 7), chain(schema, 201, 7))).isEqualTo(1); // 7 > 0 at link 200
    assertThat(compare(schema, chain(schema, 200, 7), chain(schema, 200, 7))).isZero();
  }

  /** {@code length} links, all with value 0 but the last, which has {@code last}. */
  private static GenericRecord chain(RecordSchema schema, int length, int last) {
    GenericRecord head = null;
    for (int i = length; i > 0; i--) {
      head = rec(schema, i == length ? last : 0, head);
    }
    return head;
  }

  // ---- helpers

  /** Checks every pair of {@code values} in both comparators, and that they agree with Apache Avro's order. */
  private static void assertStrictlyAscending(Schema schema, Object... values) {
    BinaryComparator binary = new BinaryComparator(schema);
    GenericComparator generic = new GenericComparator(schema);
    ApacheOrder apache = new ApacheOrder(schema.toString());
    List<byte[]> encoded = new ArrayList<>();
    for (Object v : values) {
      encoded.add(encode(schema, v));
    }
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < values.length; j++) {
        int expected = Integer.compare(i, j);
        assertThat(binary.compare(encoded.get(i), encoded.get(j))).as("binary %s vs %s", values[i], values[j])
            .isEqualTo(expected);
        assertThat(generic.compare(values[i], values[j])).as("generic %s vs %s", values[i], values[j])
            .isEqualTo(expected);
        assertThat(apache.specCompare(apache.decode(encoded.get(i)), apache.decode(encoded.get(j))))
            .as("Apache Avro (unsigned bytes) %s vs %s", values[i], values[j]).isEqualTo(expected);
      }
    }
  }

  private static CorruptDataException corruption(Runnable comparison) {
    UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, comparison::run);
    assertThat(e).as("an UncheckedIOException").isNotNull();
    assertThat(e.getCause()).isInstanceOf(CorruptDataException.class);
    assertThat(e.getMessage()).isEqualTo(e.getCause().getMessage());
    return (CorruptDataException) e.getCause();
  }

  static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  static int compare(Schema schema, Object x, Object y) {
    int binary = new BinaryComparator(schema).compare(encode(schema, x), encode(schema, y));
    assertThat(new GenericComparator(schema).compare(x, y)).as("generic comparator").isEqualTo(binary);
    return binary;
  }

  static byte[] encode(Schema schema, Object value) {
    BufferEncoder out = new BufferEncoder();
    try {
      new GenericDatumWriter(schema).write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static GenericEnum sym(Schema schema, String symbol) {
    return new GenericEnum((EnumSchema) schema, symbol);
  }

  static GenericRecord rec(RecordSchema schema, Object... values) {
    GenericRecord r = new GenericRecord(schema);
    for (int i = 0; i < values.length; i++) {
      r.put(i, values[i]);
    }
    return r;
  }
}
