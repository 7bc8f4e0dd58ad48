package io.lancaster.avro.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.AvroJava;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the JSON reader accepts for each type, the leniencies it documents, and how it reports data that does not fit. */
class JsonDatumReaderTest {
  private static final RecordSchema PERSON = (RecordSchema) Schema.parse("""
      {"type":"record","name":"Person","namespace":"ns","fields":[
        {"name":"name","type":"string"},
        {"name":"age","type":"int","default":-1},
        {"name":"tags","type":{"type":"array","items":"string"},"default":["new"]},
        {"name":"nick","type":["null","string"],"default":null}]}
      """);

  private static Object read(String schema, String json) throws IOException {
    return new JsonDatumReader(Schema.parse(schema)).read(json);
  }

  private static JsonDataException error(String schema, String json) {
    return error(new JsonDatumReader(Schema.parse(schema)), json);
  }

  private static JsonDataException error(JsonDatumReader reader, String json) {
    try {
      reader.read(json);
    } catch (JsonDataException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError("expected a JsonDataException, got " + e, e);
    }
    throw new AssertionError("expected a JsonDataException reading " + json);
  }

  @Test
  void readsEachTypeOfTheSpecsJsonEncoding() throws IOException {
    RecordSchema schema = (RecordSchema) Schema.parse("""
        {"type":"record","name":"R","namespace":"ns","fields":[
          {"name":"n","type":"null"},
          {"name":"b","type":"boolean"},
          {"name":"i","type":"int"},
          {"name":"l","type":"long"},
          {"name":"f","type":"float"},
          {"name":"d","type":"double"},
          {"name":"s","type":"string"},
          {"name":"by","type":"bytes"},
          {"name":"fx","type":{"type":"fixed","name":"F","size":3}},
          {"name":"e","type":{"type":"enum","name":"E","symbols":["X","Y"]}},
          {"name":"a","type":{"type":"array","items":"long"}},
          {"name":"m","type":{"type":"map","values":"int"}},
          {"name":"u1","type":["null","string"]},
          {"name":"u2","type":["null","string"]},
          {"name":"u3","type":["null","E","F",{"type":"map","values":"int"}]}]}
        """);
    Object value = new JsonDatumReader(schema).read("""
        {"n":null,"b":true,"i":-7,"l":9007199254740993,"f":0.10000000149011612,"d":-2.5,"s":"h\\u00e9 \\ud83d\\ude00",
         "by":"h\\u00e9\\u0000","fx":"\\u0000\\u007f\\u00ff","e":"Y","a":[1,2,3],"m":{"one":1,"two":2},
         "u1":null,"u2":{"string":"hi"},"u3":{"ns.F":"abc"}}
        """);

    GenericRecord r = (GenericRecord) value;
    assertThat(r.schema()).isSameAs(schema);
    assertThat(r.get("n")).isNull();
    assertThat(r.get("b")).isEqualTo(true);
    assertThat(r.get("i")).isEqualTo(-7);
    assertThat(r.get("l")).isEqualTo(9007199254740993L);
    assertThat(r.get("f")).isEqualTo(0.1f);
    assertThat(r.get("d")).isEqualTo(-2.5);
    assertThat(r.get("s")).isEqualTo("hé \uD83D\uDE00");
    assertThat(r.get("by")).isEqualTo(ByteBuffer.wrap(new byte[] {'h', (byte) 0xe9, 0}));
    FixedSchema f = (FixedSchema) schema.field("fx").schema();
    assertThat(r.get("fx")).isEqualTo(new GenericFixed(f, new byte[] {0, 0x7f, (byte) 0xff}));
    assertThat(r.get("e")).isEqualTo(new GenericEnum((EnumSchema) schema.field("e").schema(), "Y"));
    assertThat(r.get("a")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(r.get("m")).isEqualTo(Map.of("one", 1, "two", 2));
    assertThat(r.get("u1")).isNull();
    assertThat(r.get("u2")).isEqualTo("hi");
    assertThat(r.get("u3")).isEqualTo(new GenericFixed(f, new byte[] {'a', 'b', 'c'}));
  }

  @Test
  void mapsKeepTheOrderOfTheirKeys() throws IOException {
    Object map = read("{\"type\":\"map\",\"values\":\"int\"}", "{\"z\":1,\"a\":2,\"m\":3}");
    assertThat(new ArrayList<Object>(((Map<?, ?>) map).keySet())).containsExactly("z", "a", "m");
  }

  @Test
  void floatsAndDoublesReadNonFiniteStringsAndKeepTheSignOfZero() throws IOException {
    assertThat(read("\"float\"", "\"NaN\"")).isEqualTo(Float.NaN);
    assertThat(read("\"float\"", "\"Infinity\"")).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(read("\"float\"", "\"-Infinity\"")).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(read("\"double\"", "\"NaN\"")).isEqualTo(Double.NaN);
    assertThat(read("\"double\"", "\"-Infinity\"")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Float.floatToRawIntBits((Float) read("\"float\"", "-0.0"))).isEqualTo(0x80000000);
    assertThat(Double.doubleToRawLongBits((Double) read("\"double\"", "-0"))).isEqualTo(0x8000000000000000L);
    assertThat(read("\"double\"", "3")).isEqualTo(3.0);
    assertThat(read("\"float\"", "16777217")).isEqualTo(16777216f); // rounded once, from the decimal text
    assertThat(read("\"double\"", "1e-400")).isEqualTo(0.0);
    assertThat(error("\"double\"", "\"nan\"").detail())
        .isEqualTo("expected a double (a number, \"NaN\", \"Infinity\" or \"-Infinity\"), got the string \"nan\"");
  }

  @Test
  void integersAcceptIntegralNumbersButNeverTruncate() throws IOException {
    // Apache Avro's JsonDecoder reads 1e3 and 2.0 as ints too.
    assertThat(read("\"int\"", "1e3")).isEqualTo(1000);
    assertThat(read("\"int\"", "2.0")).isEqualTo(2);
    assertThat(read("\"int\"", "-0.0")).isEqualTo(0);
    assertThat(read("\"long\"", "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(read("\"long\"", "9.223372036854775807e18")).isEqualTo(Long.MAX_VALUE);
    assertThat(error("\"int\"", "1.5").detail()).isEqualTo("expected an integer (int), got the number 1.5");
    assertThat(error("\"int\"", "2147483648").detail()).isEqualTo("the number 2147483648 is out of the int range");
    assertThat(error("\"int\"", "-2.147483649e9").detail()).isEqualTo("the number -2.147483649e9 is out of the int range");
    assertThat(error("\"long\"", "9223372036854775808").detail())
        .isEqualTo("the number 9223372036854775808 is out of the long range");
    assertThat(error("\"long\"", "9.3e18").detail()).isEqualTo("the number 9.3e18 is out of the long range");
    assertThat(error("\"float\"", "1e39").detail()).isEqualTo("the number 1e39 is out of the float range");
    assertThat(error("\"double\"", "-1e309").detail()).isEqualTo("the number -1e309 is out of the double range");
  }

  @Test
  void bytesAndFixedAreStringsOfCodePointsUpTo255() {
    assertThat(error("\"bytes\"", "\"ok\\u0100\"").detail()).isEqualTo(
        "the character U+0100 at index 2 is not a byte: bytes and fixed are encoded as strings of code points 0-255");
    String fixed = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}";
    assertThat(error(fixed, "\"abc\"").detail()).isEqualTo("fixed F holds 2 bytes, got a string of 3");
    assertThat(error(fixed, "\"a\\u20ac\"").detail()).startsWith("the character U+20AC at index 1 is not a byte");
    assertThat(error(fixed, "[1,2]").detail()).isEqualTo("expected fixed F (a string of 2 code points 0-255), got an array");
  }

  @Test
  void enumsAreTheirSymbols() {
    String e = "{\"type\":\"enum\",\"name\":\"a.E\",\"symbols\":[\"X\",\"Y\"],\"default\":\"X\"}";
    // the enum's default is for schema resolution, not for unknown symbols in data of the same schema
    assertThat(error(e, "\"Z\"").detail()).isEqualTo("\"Z\" is not a symbol of enum a.E [X, Y]");
    assertThat(error(e, "0").detail()).isEqualTo("expected a symbol of enum a.E, got the number 0");
  }

  @Test
  void recordFieldsMayComeInAnyOrder() throws IOException {
    JsonDatumReader reader = new JsonDatumReader(PERSON);
    Object inOrder = reader.read("{\"name\":\"Ann\",\"age\":30,\"tags\":[\"a\"],\"nick\":{\"string\":\"A\"}}");
    Object shuffled = reader.read("{\"nick\":{\"string\":\"A\"},\"tags\":[\"a\"],\"age\":30,\"name\":\"Ann\"}");
    assertThat(shuffled).isEqualTo(inOrder);
    assertThat(((GenericRecord) shuffled).get("name")).isEqualTo("Ann");
    assertThat(((GenericRecord) shuffled).get("nick")).isEqualTo("A");
  }

  @Test
  void missingFieldsTakeTheirDefaultsByDefaultEachAFreshCopy() throws IOException {
    JsonDatumReader reader = new JsonDatumReader(PERSON);
    GenericRecord first = (GenericRecord) reader.read("{\"name\":\"Bo\"}");
    assertThat(first.get("age")).isEqualTo(-1);
    assertThat(first.get("tags")).isEqualTo(List.of("new"));
    assertThat(first.get("nick")).isNull();
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) first.get("tags");
    tags.add("changed");
    GenericRecord second = (GenericRecord) reader.read("{\"name\":\"Cy\"}");
    assertThat(second.get("tags")).isEqualTo(List.of("new"));

    JsonDataException noDefault = error(reader, "{\n  \"age\": 3\n}");
    assertThat(noDefault.detail()).isEqualTo("record ns.Person is missing the field \"name\", which has no default");
    assertThat(noDefault.line()).isEqualTo(3);
    assertThat(noDefault.column()).isEqualTo(1);
  }

  @Test
  void unknownFieldsAreSkippedByDefaultAsApacheAvroDoes() throws IOException {
    JsonDatumReader reader = new JsonDatumReader(PERSON);
    GenericRecord r = (GenericRecord) reader.read(
        "{\"extra\":{\"deep\":[1,{\"x\":[null]}]},\"name\":\"Di\",\"more\":\"x\",\"age\":4}");
    assertThat(r.get("name")).isEqualTo("Di");
    assertThat(r.get("age")).isEqualTo(4);
  }

  @Test
  void strictOptionsRejectUnknownAndMissingFields() {
    JsonDatumReader strict = new JsonDatumReader(PERSON, JsonReadOptions.strict());
    assertThat(error(strict, "{\"name\":\"Di\",\"age\":4,\"tags\":[],\"nick\":null,\"more\":1}").detail())
        .isEqualTo("record ns.Person has no field \"more\"");
    assertThat(error(strict, "{\"name\":\"Di\",\"tags\":[],\"nick\":null}").detail())
        .isEqualTo("record ns.Person is missing the field \"age\" (defaults are not used for missing fields)");
    JsonDatumReader onlyUnknown = new JsonDatumReader(PERSON,
        JsonReadOptions.DEFAULT.withIgnoreUnknownFields(false));
    assertThat(error(onlyUnknown, "{\"name\":\"Di\",\"x\":1}").detail()).isEqualTo("record ns.Person has no field \"x\"");
  }

  @Test
  void aFieldOrMapKeyGivenTwiceIsAnError() {
    assertThat(error(new JsonDatumReader(PERSON), "{\"name\":\"a\",\"name\":\"b\"}").detail())
        .isEqualTo("the field \"name\" is given twice");
    assertThat(error("{\"type\":\"map\",\"values\":[\"null\",\"int\"]}", "{\"k\":null,\"k\":null}").detail())
        .isEqualTo("the map has the key \"k\" twice");
  }

  @Test
  void unionBranchesAreNamedByFullNameOrAnUnambiguousSimpleName() throws IOException {
    String schema = """
        ["null","int",{"type":"record","name":"a.R","fields":[{"name":"x","type":"int"}]},
         {"type":"enum","name":"b.E","symbols":["S"]},{"type":"fixed","name":"c.E","size":1},
         {"type":"array","items":"int"},{"type":"map","values":"int"}]
        """;
    JsonDatumReader reader = new JsonDatumReader(Schema.parse(schema));
    assertThat(reader.read("{\"a.R\":{\"x\":1}}")).isInstanceOf(GenericRecord.class);
    assertThat(reader.read("{\"R\":{\"x\":1}}")).isEqualTo(reader.read("{\"a.R\":{\"x\":1}}"));
    assertThat(reader.read("{\"b.E\":\"S\"}")).isInstanceOf(GenericEnum.class);
    assertThat(reader.read("{\"c.E\":\"S\"}")).isInstanceOf(GenericFixed.class);
    assertThat(reader.read("{\"int\":5}")).isEqualTo(5);
    assertThat(reader.read("{\"array\":[5]}")).isEqualTo(List.of(5));
    assertThat(reader.read("{\"map\":{}}")).isEqualTo(Map.of());
    assertThat(reader.read("null")).isNull();
    assertThat(reader.read("{\"null\":null}")).isNull(); // as Apache Avro reads it

    assertThat(error(reader, "{\"E\":\"S\"}").detail()) // two branches are called E
        .isEqualTo("\"E\" is not a branch of the union [null, int, a.R, b.E, c.E, array, map]");
    assertThat(error(reader, "5").detail()).isEqualTo("expected a union value (null or {\"<branch>\": value} with a"
        + " branch of [null, int, a.R, b.E, c.E, array, map]), got the number 5");
    assertThat(error(reader, "{}").detail()).startsWith("a union value must be an object with one key");
    assertThat(error(reader, "{\"int\":1,\"long\":2}").detail())
        .isEqualTo("a union value must be an object with one key; after \"int\" got the key \"long\"");
    assertThat(error("[\"int\",\"string\"]", "null").detail())
        .isEqualTo("null is not a value of the union [int, string], which has no null branch");
  }

  @Test
  void errorsNameTheLineColumnAndFieldPath() {
    RecordSchema schema = (RecordSchema) Schema.parse("""
        {"type":"record","name":"Order","fields":[
          {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
            {"name":"qty","type":"int"},
            {"name":"attrs","type":{"type":"map","values":["null","long"]}}]}}}]}
        """);
    String json = """
        {"lines": [
          {"qty": 1, "attrs": {}},
          {"attrs": {"color": {"long": "red"}}, "qty": 2}
        ]}""";
    JsonDataException e = error(new JsonDatumReader(schema), json);
    assertThat(e.detail()).isEqualTo("expected a long, got the string \"red\"");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(32);
    assertThat(e.fieldPath()).isEqualTo("lines.[1].attrs.[color]");
    assertThat(e.getMessage()).isEqualTo(
        "expected a long, got the string \"red\" (line 3, column 32, field lines.[1].attrs.[color])");
    assertThat(e.withFile("orders.json").getMessage()).isEqualTo("expected a long, got the string \"red\""
        + " (line 3, column 32, file orders.json, field lines.[1].attrs.[color])");
  }

  @Test
  void wrongTypesAreTypedErrors() {
    assertThat(error("\"string\"", "5").detail()).isEqualTo("expected a string, got the number 5");
    assertThat(error("\"boolean\"", "\"true\"").detail()).isEqualTo("expected a boolean, got the string \"true\"");
    assertThat(error("\"null\"", "0").detail()).isEqualTo("expected null, got the number 0");
    assertThat(error("{\"type\":\"array\",\"items\":\"int\"}", "{}").detail()).isEqualTo("expected an array, got an object");
    assertThat(error("{\"type\":\"map\",\"values\":\"int\"}", "[]").detail()).isEqualTo("expected a map (an object), got an array");
    assertThat(error(new JsonDatumReader(PERSON), "[\"Ann\"]").detail())
        .isEqualTo("expected record ns.Person (an object), got an array");
    assertThat(error("\"int\"", "1 2").detail()).isEqualTo("expected the end of the input after one value, got the number 2");
    assertThat(error("\"int\"", "\"" + "x".repeat(100) + "\"").detail())
        .isEqualTo("expected an int, got the string \"" + "x".repeat(57) + "...\"");
  }

  @Test
  void readsAStreamOfValuesOnePerCall() throws IOException {
    JsonDatumReader reader = new JsonDatumReader(PERSON);
    String lines = "{\"name\":\"a\"}\n{\"name\":\"b\",\"age\":2}\n\n  {\"name\":\"c\"} {\"name\":\"d\"}\n";
    List<Object> names = new ArrayList<>();
    try (JsonParser p = reader.parser(new StringReader(lines))) {
      while (p.nextToken() != null) {
        names.add(((GenericRecord) reader.read(p)).get("name"));
      }
    }
    assertThat(names).containsExactly("a", "b", "c", "d");

    // A fresh parser need not be advanced first; at the end of the input, read throws EOFException.
    try (JsonParser p = reader.parser(new StringReader("{\"name\":\"x\"} {\"name\":\"y\"}"))) {
      assertThat(((GenericRecord) reader.read(p)).get("name")).isEqualTo("x");
      assertThat(((GenericRecord) reader.read(p)).get("name")).isEqualTo("y");
      assertThat(p.currentToken()).isNull();
      assertThatThrownBy(() -> reader.read(p)).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void readsValuesInsideAnEnclosingJsonDocument() throws IOException {
    JsonDatumReader reader = new JsonDatumReader(Schema.parse("\"int\""));
    List<Object> ints = new ArrayList<>();
    try (JsonParser p = reader.parser(new StringReader("{\"data\":[1,2,3],\"after\":true}"))) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(p.nextFieldName()).isEqualTo("data");
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        ints.add(reader.read(p));
      }
      assertThat(p.nextFieldName()).isEqualTo("after");
    }
    assertThat(ints).containsExactly(1, 2, 3);
  }

  @Test
  void readsRecursiveData() throws IOException {
    RecordSchema node = (RecordSchema) Schema.parse("""
        {"type":"record","name":"Node","fields":[
          {"name":"v","type":"int"},
          {"name":"kids","type":{"type":"array","items":"Node"}},
          {"name":"next","type":["null","Node"]}]}
        """);
    GenericRecord r = (GenericRecord) new JsonDatumReader(node).read(
        "{\"v\":1,\"kids\":[{\"v\":2,\"kids\":[],\"next\":null}],\"next\":{\"Node\":{\"v\":3,\"kids\":[],\"next\":null}}}");
    assertThat(((GenericRecord) ((List<?>) r.get("kids")).get(0)).get("v")).isEqualTo(2);
    assertThat(((GenericRecord) r.get("next")).get("v")).isEqualTo(3);
  }

  @Test
  void aLenientSchemasInvalidDefaultIsReportedOnlyWhenNeeded() throws IOException {
    RecordSchema schema = (RecordSchema) SchemaParser.lenient().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"i\",\"type\":\"int\",\"default\":\"one\"}]}");
    JsonDatumReader reader = new JsonDatumReader(schema);
    assertThat(((GenericRecord) reader.read("{\"i\":1}")).get("i")).isEqualTo(1);
    assertThat(error(reader, "{}").detail()).startsWith("record R is missing the field \"i\", and its default cannot be used: ");
  }

  @Test
  void withAReaderSchemaValuesResolveByTheSpecsRules() throws IOException {
    Schema writer = Schema.parse("""
        {"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"gone","type":"string"},
          {"name":"u","type":["null","string","int"]},
          {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}}]}
        """);
    RecordSchema reader = (RecordSchema) Schema.parse("""
        {"type":"record","name":"R","fields":[{"name":"a","type":"long"},{"name":"u","type":["null","string"]},
          {"name":"e","type":{"type":"enum","name":"E","symbols":["A"]}},
          {"name":"added","type":"double","default":0.5}]}
        """);
    JsonDatumReader json = new JsonDatumReader(writer, reader);
    assertThat(json.writerSchema()).isSameAs(writer);
    assertThat(json.readerSchema()).isSameAs(reader);
    GenericRecord r = (GenericRecord) json.read("{\"e\":\"A\",\"u\":{\"string\":\"s\"},\"gone\":\"x\",\"a\":3}");
    assertThat(r.schema()).isSameAs(reader);
    assertThat(r.get("a")).isEqualTo(3L);
    assertThat(r.get("u")).isEqualTo("s");
    assertThat(r.get("e")).isEqualTo(new GenericEnum((EnumSchema) reader.field("e").schema(), "A"));
    assertThat(r.get("added")).isEqualTo(0.5);

    // Values the reader cannot hold fail when they occur, as the spec says; the JSON itself is checked first.
    assertThatThrownBy(() -> json.read("{\"e\":\"A\",\"u\":{\"int\":1},\"gone\":\"x\",\"a\":3}"))
        .isInstanceOf(io.lancaster.avro.resolve.IncompatibleDataException.class);
    assertThatThrownBy(() -> json.read("{\"e\":\"B\",\"u\":null,\"gone\":\"x\",\"a\":3}"))
        .isInstanceOf(io.lancaster.avro.resolve.IncompatibleDataException.class);
    assertThatThrownBy(() -> json.read("{\"e\":\"A\",\"u\":null,\"gone\":\"x\",\"a\":3.5}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("expected an integer (int), got the number 3.5 (line 1, column 34, field a)");
    // A pair that cannot resolve fails when the reader is built.
    assertThatThrownBy(() -> new JsonDatumReader(Schema.parse("\"string\""), Schema.parse("\"int\"")))
        .isInstanceOf(io.lancaster.avro.resolve.SchemaResolutionException.class);
  }

  @Test
  void resolutionOptionsArePassedOn() throws IOException {
    Schema writer = Schema.parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    Schema reader = Schema.parse("{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    assertThatThrownBy(() -> new JsonDatumReader(writer, reader))
        .isInstanceOf(io.lancaster.avro.resolve.SchemaResolutionException.class);
    JsonDatumReader lenient = new JsonDatumReader(writer, reader,
        io.lancaster.avro.resolve.ResolutionOptions.DEFAULT.withIgnoreRecordNames(true));
    assertThat(((GenericRecord) lenient.read("{\"x\":4}")).schema()).isSameAs(reader);
  }

  @Test
  void readsWhatTheJsonWriterWritesForAHandWrittenValue() throws IOException {
    GenericRecord ann = new GenericRecord(PERSON).put("name", "Ann").put("age", 3)
        .put("tags", List.of("x", "y")).put("nick", null);
    String json = new JsonDatumWriter(PERSON).toJson(ann);
    AvroJava.assertDeepEquals(ann, new JsonDatumReader(PERSON).read(json));
  }
}
