package io.lancaster.avro.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import java.io.EOFException;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON built to hurt the reader: nesting deep enough to overflow the stack, numbers too large for their type or
 * too long to parse, values of the wrong type, malformed text. Each must end in a {@link JsonDataException} (never
 * a StackOverflowError, an unchecked exception or a silently wrong value), placed at a line and column.
 */
class HostileJsonTest {
  private static final Schema LIST = Schema.parse(
      "{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"n\",\"type\":[\"null\",\"L\"]}]}");
  private static final Schema TREE = Schema.parse(
      "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"c\",\"type\":{\"type\":\"array\",\"items\":\"T\"}}]}");

  /** A parser with no nesting limit of its own, as a careless caller might build. */
  private static final JsonFactory UNLIMITED = new JsonFactoryBuilder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build()).build();

  /** A linked list of {@code records} records: two JSON objects per record (the record and its union). */
  private static String list(int records) {
    return "{\"n\":{\"L\":".repeat(records) + "{\"n\":null}" + "}}".repeat(records);
  }

  private static String tree(int depth) {
    return "{\"c\":[".repeat(depth) + "{\"c\":[]}" + "]}".repeat(depth);
  }

  private static JsonDataException readError(JsonDatumReader reader, JsonFactory factory, String json) {
    try (JsonParser p = factory.createParser(json)) {
      reader.read(p);
    } catch (JsonDataException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError("expected a JsonDataException, got " + e, e);
    }
    throw new AssertionError("expected a JsonDataException");
  }

  @Test
  void deepRecursiveDataWithinTheLimitReads() throws IOException {
    GenericRecord head = (GenericRecord) new JsonDatumReader(LIST).read(list(490)); // 981 levels of JSON
    int length = 0;
    for (GenericRecord r = head; r != null; r = (GenericRecord) r.get("n")) {
      length++;
    }
    assertThat(length).isEqualTo(491);
  }

  @Test
  void nestingBeyondJacksonsLimitIsATypedError() {
    String json = list(100_000);
    assertThatThrownBy(() -> new JsonDatumReader(LIST).read(json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000");
  }

  @Test
  void theReaderBoundsItsOwnRecursionWhateverTheCallersParserAllows() {
    JsonDataException list = readError(new JsonDatumReader(LIST), UNLIMITED, list(100_000));
    assertThat(list.detail()).isEqualTo("JSON nesting depth 1001 exceeds the limit maxNestingDepth = 1000"
        + " (raise it with JsonReadOptions.withMaxNestingDepth)");
    assertThat(list.line()).isEqualTo(1);
    assertThat(list.column()).isGreaterThan(1000);
    assertThat(list.fieldPath()).startsWith("n.n.n.");

    JsonDataException tree = readError(new JsonDatumReader(TREE), UNLIMITED, tree(100_000));
    assertThat(tree.detail()).startsWith("JSON nesting depth 1001 exceeds the limit maxNestingDepth = 1000");
    assertThat(tree.fieldPath()).startsWith("c.[0].c.[0].");
  }

  @Test
  void theNestingLimitIsAnOption() throws IOException {
    JsonDatumReader shallow = new JsonDatumReader(LIST, JsonReadOptions.DEFAULT.withMaxNestingDepth(20));
    assertThat(shallow.read(list(9))).isInstanceOf(GenericRecord.class);
    assertThatThrownBy(() -> shallow.read(list(11)))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("nesting depth (21) exceeds the maximum allowed (20");
    assertThat(readError(shallow, UNLIMITED, list(11)).detail())
        .startsWith("JSON nesting depth 21 exceeds the limit maxNestingDepth = 20");
    assertThatThrownBy(() -> JsonReadOptions.DEFAULT.withMaxNestingDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deeplyNestedUnknownFieldsAreSkippedWithoutRecursion() throws IOException {
    JsonDatumReader reader = new JsonDatumReader(Schema.parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}"));
    String deep = "[".repeat(200_000) + "]".repeat(200_000);
    try (JsonParser p = UNLIMITED.createParser("{\"junk\":" + deep + ",\"a\":7}")) {
      assertThat(((GenericRecord) reader.read(p)).get("a")).isEqualTo(7);
    }
    assertThatThrownBy(() -> reader.read("{\"junk\":" + deep + ",\"a\":7}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("nesting depth");
  }

  static Stream<Arguments> hostileValues() {
    String record = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    return Stream.of(
        Arguments.of("\"int\"", "1e1000000000", "the number 1e1000000000 is out of the int range"),
        Arguments.of("\"long\"", "-1e1000000000", "the number -1e1000000000 is out of the long range"),
        Arguments.of("\"int\"", "1e-1000000000", "expected an integer (int), got the number 1e-1000000000"),
        Arguments.of("\"long\"", "123456789012345678901234567890", "the number 123456789012345678901234567890 is"
            + " out of the long range"),
        Arguments.of("\"double\"", "1e1000000000", "the number 1e1000000000 is out of the double range"),
        Arguments.of("\"int\"", "1" + "0".repeat(5000), "Number value length (5001) exceeds the maximum allowed"
            + " (1000, from `StreamReadConstraints.getMaxNumberLength()`)"),
        Arguments.of("\"int\"", "-", "Unexpected end-of-input"),
        Arguments.of("\"int\"", "0x10", "Unexpected character ('x' (code 120))"),
        Arguments.of("\"string\"", "'single'", "Unexpected character (''' (code 39))"),
        Arguments.of("\"string\"", "\"unterminated", "Unexpected end-of-input"),
        Arguments.of("\"boolean\"", "tru", "Unrecognized token 'tru'"),
        Arguments.of("\"double\"", "NaN", "Non-standard token 'NaN'"),
        Arguments.of(record, "{\"a\":", "Unexpected end-of-input"),
        Arguments.of(record, "{a:1}", "Unexpected character ('a' (code 97))"),
        Arguments.of(record, "{\"a\":1", "Unexpected end-of-input"),
        Arguments.of(record, "{\"a\":1]", "Unexpected close marker ']'"),
        Arguments.of(record, "{\"a\":[1]}", "expected an int, got an array"),
        Arguments.of(record, "{\"a\":{\"int\":1}}", "expected an int, got an object"),
        Arguments.of(record, "\"R\"", "expected record R (an object), got the string \"R\""),
        Arguments.of("{\"type\":\"array\",\"items\":\"int\"}", "[1,2,", "Unexpected end-of-input"),
        Arguments.of("{\"type\":\"array\",\"items\":\"int\"}", "[1,\"2\"]", "expected an int, got the string \"2\""),
        Arguments.of("{\"type\":\"map\",\"values\":\"int\"}", "{\"k\":true}", "expected an int, got true"),
        Arguments.of("[\"null\",\"int\"]", "{\"int\":null}", "expected an int, got null"),
        Arguments.of("[\"null\",\"int\"]", "{\"long\":1}", "\"long\" is not a branch of the union [null, int]"),
        Arguments.of("[\"null\",\"int\"]", "[\"int\",1]", "expected a union value"),
        Arguments.of("\"bytes\"", "[104,105]", "expected bytes (a string of code points 0-255), got an array"),
        Arguments.of("\"string\"", "\"\\uD800\" 5", "expected the end of the input after one value, got the number 5"));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("hostileValues")
  void hostileValuesAreTypedErrorsWithALocation(String schema, String json, String message) {
    JsonDatumReader reader = new JsonDatumReader(Schema.parse(schema));
    assertThatThrownBy(() -> reader.read(json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining(message)
        .satisfies(e -> {
          assertThat(((JsonDataException) e).line()).isEqualTo(1);
          assertThat(((JsonDataException) e).column()).isPositive();
        });
  }

  @Test
  void anEmptyInputHasNoValue() {
    assertThatThrownBy(() -> new JsonDatumReader(Schema.parse("\"int\"")).read("  \n"))
        .isInstanceOf(EOFException.class);
  }
}
