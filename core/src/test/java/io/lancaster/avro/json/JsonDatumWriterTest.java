package io.lancaster.avro.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON encoding against Apache Avro's {@code JsonEncoder} (with its {@code GenericDatumWriter}) on seeded
 * random values for schemas covering every type, plus hand-checked outputs and error reporting.
 */
class JsonDatumWriterTest {
  private static final int VALUES_PER_SCHEMA = 150;

  static Stream<String> schemas() {
    return Stream.of(
        "\"null\"", "\"boolean\"", "\"int\"", "\"long\"", "\"float\"", "\"double\"", "\"string\"", "\"bytes\"",
        "{\"type\":\"fixed\",\"name\":\"F16\",\"namespace\":\"a.b\",\"size\":16}",
        "{\"type\":\"fixed\",\"name\":\"Empty\",\"size\":0}",
        "{\"type\":\"enum\",\"name\":\"Suit\",\"symbols\":[\"SPADES\",\"HEARTS\",\"DIAMONDS\",\"CLUBS\"]}",
        "{\"type\":\"array\",\"items\":\"double\"}",
        "{\"type\":\"map\",\"values\":[\"null\",\"float\"]}",
        "[\"null\",\"string\"]",
        "[\"string\",\"null\"]",
        "[\"int\",\"long\",\"float\",\"double\",\"boolean\",\"bytes\",\"null\"]",
        "[\"null\",{\"type\":\"array\",\"items\":\"int\"},{\"type\":\"map\",\"values\":\"string\"}]",
        """
        {"type":"record","name":"AllPrimitives","namespace":"org.example","fields":[
          {"name":"n","type":"null"},{"name":"b","type":"boolean"},{"name":"i","type":"int"},
          {"name":"l","type":"long"},{"name":"f","type":"float"},{"name":"d","type":"double"},
          {"name":"s","type":"string"},{"name":"y","type":"bytes"}]}
        """,
        """
        {"type":"record","name":"Outer","namespace":"com.acme","fields":[
          {"name":"id","type":{"type":"fixed","name":"Id","size":4}},
          {"name":"kind","type":{"type":"enum","name":"Kind","namespace":"other.ns","symbols":["A","B","C"]}},
          {"name":"inner","type":{"type":"record","name":"Inner","fields":[
            {"name":"tags","type":{"type":"array","items":"string"}},
            {"name":"attrs","type":{"type":"map","values":{"type":"array","items":["null","long"]}}}]}},
          {"name":"choice","type":["null","Inner","other.ns.Kind","Id","string",
            {"type":"record","name":"Elsewhere","namespace":"x.y","fields":[{"name":"v","type":"int"}]}]},
          {"name":"again","type":"Inner"},
          {"name":"maybeKind","type":["other.ns.Kind","null"]},
          {"name":"list","type":{"type":"array","items":["null","com.acme.Inner","x.y.Elsewhere"]}}]}
        """,
        """
        {"type":"record","name":"Logical","fields":[
          {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
          {"name":"decFixed","type":{"type":"fixed","name":"D8","size":8,"logicalType":"decimal","precision":18,"scale":4}},
          {"name":"uuid","type":{"type":"string","logicalType":"uuid"}},
          {"name":"date","type":{"type":"int","logicalType":"date"}},
          {"name":"timeMillis","type":{"type":"int","logicalType":"time-millis"}},
          {"name":"timeMicros","type":{"type":"long","logicalType":"time-micros"}},
          {"name":"tsMillis","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"tsMicros","type":["null",{"type":"long","logicalType":"timestamp-micros"}]},
          {"name":"localTs","type":{"type":"long","logicalType":"local-timestamp-millis"}},
          {"name":"duration","type":{"type":"fixed","name":"Dur","size":12,"logicalType":"duration"}}]}
        """,
        """
        {"type":"record","name":"Node","fields":[
          {"name":"value","type":"long"},
          {"name":"children","type":{"type":"array","items":"Node"}},
          {"name":"next","type":["null","Node"]}]}
        """,
        """
        {"type":"record","name":"HasEmpty","fields":[
          {"name":"e","type":{"type":"record","name":"Nothing","fields":[]}},
          {"name":"u","type":["null","Nothing"]}]}
        """);
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void matchesApacheAvroJsonEncoder(String schemaJson) throws IOException {
    Schema schema = new SchemaParser().parse(schemaJson);
    org.apache.avro.Schema apacheSchema = new org.apache.avro.Schema.Parser().parse(schemaJson);
    JsonDatumWriter writer = new JsonDatumWriter(schema);
    GenericDatumWriter<Object> apacheWriter = new GenericDatumWriter<>(apacheSchema);
    RandomData data = new RandomData();
    long seed = schemaJson.hashCode();
    Random random = new Random(seed);
    for (int i = 0; i < VALUES_PER_SCHEMA; i++) {
      Object value = data.next(schema, random);
      String ours = writer.toJson(value);
      String theirs = apache(apacheWriter, apacheSchema,
          compactBuffers(AvroJava.toAvroDatum(schema, apacheSchema, value)));
      assertThat(positiveZeros(Json.parse(ours)))
          .as("value %d of seed %d: ours %s, Apache Avro %s", i, seed, ours, theirs)
          .isEqualTo(positiveZeros(Json.parse(theirs)));
    }
  }

  @Test
  void matchesApacheAvroOnRandomSchemasAndValues() throws IOException {
    RandomSchemas schemas = new RandomSchemas();
    RandomData data = new RandomData();
    for (long seed = 1; seed <= 120; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      org.apache.avro.Schema apacheSchema = AvroJava.toAvro(schema);
      JsonDatumWriter writer = new JsonDatumWriter(schema);
      GenericDatumWriter<Object> apacheWriter = new GenericDatumWriter<>(apacheSchema);
      for (int i = 0; i < 8; i++) {
        Object value = data.next(schema, random);
        String ours = writer.toJson(value);
        if (schema instanceof RecordSchema r && r.fields().isEmpty()) {
          assertThat(ours).isEqualTo("{}"); // Apache Avro writes nothing here; see anEmptyRecordIs...
          continue;
        }
        String theirs = apache(apacheWriter, apacheSchema,
            compactBuffers(AvroJava.toAvroDatum(schema, apacheSchema, value)));
        assertThat(positiveZeros(Json.parse(ours)))
            .as("seed %d, value %d of %s: ours %s, Apache Avro %s", seed, i, schema, ours, theirs)
            .isEqualTo(positiveZeros(Json.parse(theirs)));
      }
    }
  }

  /** Apache Avro's JsonEncoder prints a heap buffer from index 0 of its array, ignoring its array offset. */
  private static Object compactBuffers(Object v) {
    if (v instanceof ByteBuffer b) {
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      return ByteBuffer.wrap(copy);
    } else if (v instanceof org.apache.avro.generic.GenericData.Record r) {
      for (int i = 0; i < r.getSchema().getFields().size(); i++) {
        r.put(i, compactBuffers(r.get(i)));
      }
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(item -> out.add(compactBuffers(item)));
      return out;
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, item) -> out.put(k, compactBuffers(item)));
      return out;
    }
    return v;
  }

  /** Apache Avro prints -0.0f as 0.0 (we keep the sign, see floatsPrint...); compare zeros without their sign. */
  private static Object positiveZeros(Object tree) {
    if (tree instanceof Double d && d == 0.0) {
      return 0.0;
    } else if (tree instanceof List<?> l) {
      return l.stream().map(JsonDatumWriterTest::positiveZeros).toList();
    } else if (tree instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, item) -> out.put(k, positiveZeros(item)));
      return out;
    }
    return tree;
  }

  private static String apache(GenericDatumWriter<Object> writer, org.apache.avro.Schema schema, Object value)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
    writer.write(value, encoder);
    encoder.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheSpecsJsonEncodingOfEachType() {
    RecordSchema schema = (RecordSchema) Schema.parse("""
        {"type":"record","name":"R","namespace":"ns","fields":[
          {"name":"e","type":{"type":"enum","name":"E","symbols":["X","Y"]}},
          {"name":"fx","type":{"type":"fixed","name":"F","size":3}},
          {"name":"by","type":"bytes"},
          {"name":"u1","type":["null","string"]},
          {"name":"u2","type":["null","string"]},
          {"name":"u3","type":["null","E","F",{"type":"map","values":"int"}]},
          {"name":"f","type":"float"},
          {"name":"d","type":"double"},
          {"name":"d2","type":"double"},
          {"name":"m","type":{"type":"map","values":"long"}},
          {"name":"a","type":{"type":"array","items":"boolean"}}]}
        """);
    EnumSchema e = (EnumSchema) schema.field("e").schema();
    FixedSchema fx = (FixedSchema) schema.field("fx").schema();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("one", 1L);
    m.put("two", 2);
    GenericRecord r = new GenericRecord(schema)
        .put("e", new GenericEnum(e, "Y"))
        .put("fx", new GenericFixed(fx, new byte[] {0, (byte) 0x7f, (byte) 0xff}))
        .put("by", new byte[] {'h', (byte) 0xe9})
        .put("u1", null)
        .put("u2", "hi")
        .put("u3", new GenericEnum(e, "X"))
        .put("f", Float.NaN)
        .put("d", Double.NEGATIVE_INFINITY)
        .put("d2", Double.POSITIVE_INFINITY)
        .put("m", m)
        .put("a", List.of(true, false));

    assertThat(new JsonDatumWriter(schema).toJson(r)).isEqualTo(
        "{\"e\":\"Y\",\"fx\":\"\\u0000\u007f\u00ff\",\"by\":\"h\u00e9\",\"u1\":null,\"u2\":{\"string\":\"hi\"},"
            + "\"u3\":{\"ns.E\":\"X\"},\"f\":\"NaN\",\"d\":\"-Infinity\",\"d2\":\"Infinity\","
            + "\"m\":{\"one\":1,\"two\":2},\"a\":[true,false]}");
  }

  @Test
  void floatsPrintTheirExactValueAsApacheAvroDoesButKeepTheSignOfZero() {
    JsonDatumWriter floats = new JsonDatumWriter(Schema.parse("\"float\""));
    assertThat(floats.toJson(0.1f)).isEqualTo("0.10000000149011612");
    assertThat(floats.toJson(1.5f)).isEqualTo("1.5");
    assertThat(floats.toJson(Float.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
    // Apache Avro writes f + 0.0, which turns -0.0f into 0.0; the sign is part of the value, so we keep it.
    assertThat(floats.toJson(-0.0f)).isEqualTo("-0.0");
    assertThat(new JsonDatumWriter(Schema.parse("\"double\"")).toJson(-0.0)).isEqualTo("-0.0");
  }

  @Test
  void anEmptyRecordIsAnEmptyObjectEvenAtTheTopLevel() {
    // Apache Avro's JsonEncoder writes nothing at all for a top-level record without fields.
    RecordSchema empty = (RecordSchema) Schema.parse("{\"type\":\"record\",\"name\":\"E\",\"fields\":[]}");
    assertThat(new JsonDatumWriter(empty).toJson(new GenericRecord(empty))).isEqualTo("{}");
  }

  @Test
  void fixedAndMapBranchesAreNamedInUnions() {
    Schema schema = Schema.parse("[\"null\",{\"type\":\"fixed\",\"name\":\"q.F\",\"size\":1},"
        + "{\"type\":\"map\",\"values\":\"int\"},{\"type\":\"array\",\"items\":\"int\"}]");
    FixedSchema f = (FixedSchema) ((UnionSchema) schema).branch(1);
    JsonDatumWriter writer = new JsonDatumWriter(schema);
    assertThat(writer.toJson(new GenericFixed(f, new byte[] {'z'}))).isEqualTo("{\"q.F\":\"z\"}");
    assertThat(writer.toJson(Map.of("k", 7))).isEqualTo("{\"map\":{\"k\":7}}");
    assertThat(writer.toJson(List.of(1, 2))).isEqualTo("{\"array\":[1,2]}");
    assertThat(writer.toJson(null)).isEqualTo("null");
  }

  @Test
  void bytesUseOnlyTheBuffersRemainingBytesAndLeaveItsPositionAlone() {
    JsonDatumWriter writer = new JsonDatumWriter(Schema.parse("\"bytes\""));
    ByteBuffer heap = ByteBuffer.wrap(new byte[] {'a', 'b', 'c', 'd'});
    heap.position(1).limit(3);
    assertThat(writer.toJson(heap)).isEqualTo("\"bc\"");
    assertThat(heap.position()).isEqualTo(1);

    ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {'x', (byte) 0x80, 'y'});
    direct.flip().position(1);
    assertThat(writer.toJson(direct)).isEqualTo("\"\u0080y\"");
    assertThat(direct.position()).isEqualTo(1);
  }

  @Test
  void everyByteValueRoundTripsThroughTheLatin1String() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String json = new JsonDatumWriter(Schema.parse("\"bytes\"")).toJson(all);
    String decoded = (String) Json.parse(json);
    assertThat(decoded.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
  }

  @Test
  void writesDeepRecursiveValues() {
    RecordSchema node = (RecordSchema) Schema.parse(
        "{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"},"
            + "{\"name\":\"next\",\"type\":[\"null\",\"L\"]}]}");
    GenericRecord head = null;
    for (int i = 0; i < 1000; i++) {
      head = new GenericRecord(node).put("v", i).put("next", head);
    }
    String json = new JsonDatumWriter(node).toJson(head); // 2000 levels of JSON objects
    assertThat(json).startsWith("{\"v\":999,\"next\":{\"L\":{\"v\":998,\"next\":{\"L\":");
    assertThat(json).endsWith("{\"v\":0,\"next\":null}" + "}}".repeat(999));
  }

  @Test
  void writesManyDataThroughOneCallersGenerator() throws IOException {
    Schema schema = Schema.parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    JsonDatumWriter writer = new JsonDatumWriter(schema);
    StringWriter text = new StringWriter();
    try (JsonGenerator g = Json.factory().createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      for (int i = 0; i < 3; i++) {
        writer.write(new GenericRecord((RecordSchema) schema).put("x", i), g);
      }
    }
    assertThat(text.toString()).isEqualTo("{\n  \"x\" : 0\n} {\n  \"x\" : 1\n} {\n  \"x\" : 2\n}");
  }

  @Test
  void typeErrorsNameTheFieldPath() {
    RecordSchema schema = (RecordSchema) Schema.parse("""
        {"type":"record","name":"Order","fields":[
          {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
            {"name":"qty","type":"int"}]}}}]}
        """);
    RecordSchema line = (RecordSchema) ((io.lancaster.avro.schema.ArraySchema) schema.field("lines").schema()).items();
    List<Object> lines = new ArrayList<>();
    lines.add(new GenericRecord(line).put("qty", 1));
    lines.add(new GenericRecord(line).put("qty", "two"));
    GenericRecord order = new GenericRecord(schema).put("lines", lines);

    assertThatThrownBy(() -> new JsonDatumWriter(schema).toJson(order))
        .isInstanceOf(AvroTypeException.class)
        .hasMessage("expected int, got java.lang.String two (field lines.[1].qty)");
  }

  @Test
  void rejectsValuesNoUnionBranchHoldsAndUnknownSymbols() {
    JsonDatumWriter union = new JsonDatumWriter(Schema.parse("[\"null\",\"int\"]"));
    assertThatThrownBy(() -> union.toJson("text"))
        .isInstanceOf(AvroTypeException.class)
        .hasMessageContaining("no branch of union");

    JsonDatumWriter enums = new JsonDatumWriter(
        Schema.parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}"));
    assertThat(enums.toJson("A")).isEqualTo("\"A\"");
    assertThatThrownBy(() -> enums.toJson("B"))
        .isInstanceOf(AvroTypeException.class)
        .hasMessage("\"B\" is not a symbol of enum E [A]");

    JsonDatumWriter fixed = new JsonDatumWriter(
        Schema.parse("{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}"));
    assertThatThrownBy(() -> fixed.toJson(new byte[3]))
        .isInstanceOf(AvroTypeException.class)
        .hasMessage("fixed F holds 2 bytes, got 3");
  }
}
