package io.lancaster.avro.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import io.lancaster.avro.testing.SharedTestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON encoding against Apache Avro 1.12.1 both ways, on seeded random schemas and values: what its
 * {@code JsonEncoder} writes we read as the same values, and what we write its {@code JsonDecoder} reads as the
 * same values; and, with a reader schema, our resolution of JSON data agrees with its {@code GenericDatumReader}
 * over its {@code JsonDecoder} for the usual evolution steps.
 *
 * <p>Two known differences of Apache Avro are stepped around, each pinned by its own test: its JsonEncoder writes
 * -0.0f as 0.0, and its JsonDecoder cannot read the {@code "NaN"} and {@code "Infinity"} strings its own
 * JsonEncoder writes.
 */
class JsonInteropTest {
  private static final int SCHEMAS = 120;
  private static final int VALUES_PER_SCHEMA = 6;

  @Test
  void readsWhatApacheAvrosJsonEncoderWrites() throws IOException {
    RandomSchemas schemas = new RandomSchemas();
    RandomData data = new RandomData();
    int compared = 0;
    for (long seed = 1; seed <= SCHEMAS; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      if (schema instanceof RecordSchema r && r.fields().isEmpty()) {
        continue; // Apache Avro writes nothing at all for a top-level record without fields
      }
      org.apache.avro.Schema apacheSchema = AvroJava.toAvro(schema);
      JsonDatumReader reader = new JsonDatumReader(schema);
      for (int i = 0; i < VALUES_PER_SCHEMA; i++) {
        Object value = data.next(schema, random);
        Object apacheValue = AvroJava.readAvro(apacheSchema, AvroJava.write(schema, value));
        String json = apacheJson(apacheSchema, apacheValue);
        Object ours = reader.read(json);
        assertThat(AvroJava.difference(unsignedFloatZeros(value), ours))
            .as("seed %d, value %d of %s; Apache Avro wrote %s", seed, i, schema, json).isNull();
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(SCHEMAS * VALUES_PER_SCHEMA * 3 / 4);
  }

  @Test
  void apacheAvrosJsonDecoderReadsWhatWeWrite() throws IOException {
    RandomSchemas schemas = new RandomSchemas();
    RandomData data = new RandomData();
    for (long seed = 1; seed <= SCHEMAS; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      org.apache.avro.Schema apacheSchema = AvroJava.toAvro(schema);
      JsonDatumWriter writer = new JsonDatumWriter(schema);
      for (int i = 0; i < VALUES_PER_SCHEMA; i++) {
        Object value = finiteFloats(data.next(schema, random));
        String json = writer.toJson(value);
        Object theirs = apacheRead(apacheSchema, apacheSchema, json);
        assertThat(AvroJava.difference(value, theirs))
            .as("seed %d, value %d of %s as %s", seed, i, schema, json).isNull();
      }
    }
  }

  @Test
  void apacheAvroCannotReadTheNonFiniteStringsItWritesButWeCan() throws IOException {
    org.apache.avro.Schema apacheDouble = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
    String json = apacheJson(apacheDouble, Double.NaN);
    assertThat(json).isEqualTo("\"NaN\"");
    assertThatThrownBy(() -> apacheRead(apacheDouble, apacheDouble, json))
        .isInstanceOf(org.apache.avro.AvroTypeException.class);
    assertThat(new JsonDatumReader(Schema.parse("\"double\"")).read(json)).isEqualTo(Double.NaN);
  }

  @Test
  void apacheAvroWritesNegativeZeroFloatsAsPositiveZero() throws IOException {
    org.apache.avro.Schema apacheFloat = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
    assertThat(apacheJson(apacheFloat, -0.0f)).isEqualTo("0.0");
    assertThat(new JsonDatumWriter(Schema.parse("\"float\"")).toJson(-0.0f)).isEqualTo("-0.0");
    assertThat(Float.floatToRawIntBits((Float) apacheRead(apacheFloat, apacheFloat, "-0.0"))).isEqualTo(0x80000000);
  }

  static Stream<String[]> evolutionPairs() {
    return Stream.of(
        new String[] {"added fields with defaults", """
            {"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}
            """, """
            {"type":"record","name":"R","fields":[
              {"name":"a","type":"int"},
              {"name":"added","type":"string","default":"x"},
              {"name":"sub","type":{"type":"record","name":"Sub","fields":[{"name":"v","type":"long"},
                {"name":"w","type":{"type":"array","items":"double"},"default":[1.5]}]},"default":{"v":7}},
              {"name":"opt","type":["null","int"],"default":null},
              {"name":"e","type":{"type":"enum","name":"E","symbols":["P","Q"]},"default":"Q"},
              {"name":"fx","type":{"type":"fixed","name":"F","size":2},"default":"\\u00ffa"}]}
            """},
        new String[] {"promotions", """
            {"type":"record","name":"P","fields":[
              {"name":"i","type":"int"},{"name":"il","type":"int"},{"name":"l","type":"long"},
              {"name":"f","type":"float"},{"name":"s","type":"string"},{"name":"b","type":"bytes"},
              {"name":"ai","type":{"type":"array","items":"int"}},{"name":"mf","type":{"type":"map","values":"float"}},
              {"name":"ui","type":["null","int"]},{"name":"w","type":"int"}]}
            """, """
            {"type":"record","name":"P","fields":[
              {"name":"i","type":"double"},{"name":"il","type":"long"},{"name":"l","type":"float"},
              {"name":"f","type":"double"},{"name":"s","type":"bytes"},{"name":"b","type":"string"},
              {"name":"ai","type":{"type":"array","items":"long"}},{"name":"mf","type":{"type":"map","values":"double"}},
              {"name":"ui","type":["null","long"]},{"name":"w","type":["null","int"]}]}
            """},
        new String[] {"removed and reordered fields", """
            {"type":"record","name":"T","namespace":"n","fields":[
              {"name":"gone","type":{"type":"record","name":"G","fields":[{"name":"x","type":["null","G"]},
                {"name":"y","type":{"type":"map","values":{"type":"array","items":"string"}}}]}},
              {"name":"keep","type":"string"},
              {"name":"gone2","type":{"type":"array","items":{"type":"enum","name":"K","symbols":["A","B"]}}},
              {"name":"gone3","type":["null",{"type":"fixed","name":"X","size":3},"double"]},
              {"name":"alsoKeep","type":"long"}]}
            """, """
            {"type":"record","name":"T","namespace":"n","fields":[
              {"name":"alsoKeep","type":"long"},{"name":"keep","type":"string"}]}
            """},
        new String[] {"enums, unions and aliases", """
            {"type":"record","name":"U","fields":[
              {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}},
              {"name":"u","type":["null","string"]},
              {"name":"w","type":["int","long"]},
              {"name":"old","type":"string"}]}
            """, """
            {"type":"record","name":"U","fields":[
              {"name":"e","type":{"type":"enum","name":"E","symbols":["C","B","A"]}},
              {"name":"u","type":["string","null"]},
              {"name":"w","type":"long"},
              {"name":"renamed","aliases":["old"],"type":"string"}]}
            """},
        new String[] {"top-level promotion", "\"int\"", "[\"null\",\"double\"]"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("evolutionPairs")
  void resolvesLikeApacheAvroOverItsJsonDecoder(String name, String writerJson, String readerJson) throws IOException {
    Schema writer = Schema.parse(writerJson);
    Schema reader = Schema.parse(readerJson);
    org.apache.avro.Schema apacheWriter = new org.apache.avro.Schema.Parser().parse(writerJson);
    org.apache.avro.Schema apacheReader = new org.apache.avro.Schema.Parser().parse(readerJson);
    JsonDatumWriter jsonWriter = new JsonDatumWriter(writer);
    JsonDatumReader ours = new JsonDatumReader(writer, reader);
    assertThat(ours.readerSchema()).isSameAs(reader);
    RandomData data = new RandomData();
    Random random = new Random(name.hashCode());
    for (int i = 0; i < 60; i++) {
      Object value = finiteFloats(data.next(writer, random));
      String json = jsonWriter.toJson(value);
      Object theirs = apacheRead(apacheWriter, apacheReader, json);
      Object mine = ours.read(json);
      assertThat(AvroJava.difference(theirs, mine)).as("%s: value %d, %s", name, i, json).isNull();
    }
  }

  @Test
  void readsApachesWeatherJsonAsTheSameRecordsAsWeatherAvro() throws IOException {
    Path dir = SharedTestData.apacheAvro().resolve("data");
    List<Object> fromAvro = new ArrayList<>();
    Schema schema;
    try (DataFileReader<Object> file = DataFileReader.open(dir.resolve("weather.avro"))) {
      schema = file.schema();
      while (file.hasNext()) {
        fromAvro.add(file.next());
      }
    }
    JsonDatumReader reader = new JsonDatumReader(schema);
    List<Object> fromJson = new ArrayList<>();
    try (InputStream in = Files.newInputStream(dir.resolve("weather.json")); JsonParser p = reader.parser(in)) {
      while (p.nextToken() != null) {
        fromJson.add(reader.read(p));
      }
    }
    assertThat(fromJson).hasSize(5).isEqualTo(fromAvro);
    assertThat(((GenericRecord) fromJson.get(2)).get("temp")).isEqualTo(-11);
  }

  private static String apacheJson(org.apache.avro.Schema schema, Object apacheValue) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
    new GenericDatumWriter<Object>(schema).write(apacheValue, encoder);
    encoder.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Object apacheRead(org.apache.avro.Schema writer, org.apache.avro.Schema reader, String json)
      throws IOException {
    return new GenericDatumReader<Object>(writer, reader).read(null, DecoderFactory.get().jsonDecoder(writer, json));
  }

  /** Replaces NaN and the infinities (which Apache Avro's JsonDecoder cannot read) with finite numbers, in place. */
  private static Object finiteFloats(Object v) {
    return mapFloats(v, f -> Float.isFinite(f) ? f : 1.5f, d -> Double.isFinite(d) ? d : -2.25);
  }

  /** -0.0f as 0.0f, as Apache Avro's JsonEncoder writes it, in place. */
  private static Object unsignedFloatZeros(Object v) {
    return mapFloats(v, f -> f == 0 ? 0.0f : f, d -> d);
  }

  private static Object mapFloats(Object v, java.util.function.UnaryOperator<Float> floats,
      java.util.function.UnaryOperator<Double> doubles) {
    if (v instanceof Float f) {
      return floats.apply(f);
    } else if (v instanceof Double d) {
      return doubles.apply(d);
    } else if (v instanceof GenericRecord r) {
      for (int i = 0; i < r.size(); i++) {
        r.put(i, mapFloats(r.get(i), floats, doubles));
      }
    } else if (v instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> items = (List<Object>) list;
      items.replaceAll(item -> mapFloats(item, floats, doubles));
    } else if (v instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) map;
      values.replaceAll((k, item) -> mapFloats(item, floats, doubles));
    }
    return v;
  }
}
