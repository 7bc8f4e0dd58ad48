package io.lancaster.avro.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonDatumWriter} then {@link JsonDatumReader} gives back equal values, for seeded random schemas covering
 * the whole spec and values biased towards the hard cases: NaN, infinities and -0.0 (compared bit for bit, NaNs
 * alike), every byte value in bytes and fixed, astral-plane strings, int and long extremes, recursion.
 */
class JsonRoundTripTest {
  private static final int SCHEMAS = 150;
  private static final int VALUES_PER_SCHEMA = 10;

  @Test
  void randomValuesOfRandomSchemasSurviveTheRoundTrip() throws IOException {
    RandomSchemas schemas = new RandomSchemas();
    RandomData data = new RandomData();
    for (long seed = 1; seed <= SCHEMAS; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      JsonDatumWriter writer = new JsonDatumWriter(schema);
      JsonDatumReader reader = new JsonDatumReader(schema);
      for (int i = 0; i < VALUES_PER_SCHEMA; i++) {
        Object value = data.next(schema, random);
        String json = writer.toJson(value);
        Object back = reader.read(json);
        String diff = AvroJava.difference(value, back);
        assertThat(diff).as("seed %d, value %d of %s as %s", seed, i, schema, json).isNull();
        assertThat(writer.toJson(back)).as("seed %d, value %d written again", seed, i).isEqualTo(json);
      }
    }
  }

  @Test
  void aPrettyPrintedStreamOfValuesReadsBackInOrder() throws IOException {
    RandomSchemas schemas = new RandomSchemas();
    RandomData data = new RandomData();
    for (long seed = 1000; seed < 1030; seed++) {
      Random random = new Random(seed);
      Schema schema = schemas.next(random);
      JsonDatumWriter writer = new JsonDatumWriter(schema);
      JsonDatumReader reader = new JsonDatumReader(schema);
      List<Object> values = new ArrayList<>();
      StringWriter text = new StringWriter();
      try (JsonGenerator g = Json.factory().createGenerator(text)) {
        g.setPrettyPrinter(new DefaultPrettyPrinter());
        for (int i = 0; i < 12; i++) {
          Object value = data.next(schema, random);
          values.add(value);
          writer.write(value, g);
        }
      }
      List<Object> back = new ArrayList<>();
      try (JsonParser p = reader.parser(new StringReader(text.toString()))) {
        while (p.nextToken() != null) {
          back.add(reader.read(p));
        }
      }
      assertThat(back).hasSameSizeAs(values);
      for (int i = 0; i < values.size(); i++) {
        assertThat(AvroJava.difference(values.get(i), back.get(i))).as("seed %d, value %d", seed, i).isNull();
      }
    }
  }

  @Test
  void nonFiniteAndSignedZeroFloatsSurviveBitForBit() throws IOException {
    Schema schema = Schema.parse("{\"type\":\"array\",\"items\":[\"float\",\"double\"]}");
    List<Object> values = List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f,
        Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
        -Double.MAX_VALUE, 0.1);
    String json = new JsonDatumWriter(schema).toJson(values);
    List<?> back = (List<?>) new JsonDatumReader(schema).read(json);
    assertThat(back).hasSameSizeAs(values);
    for (int i = 0; i < values.size(); i++) {
      assertThat(back.get(i)).as("item %d of %s", i, json).isInstanceOf(values.get(i).getClass());
      assertThat(AvroJava.difference(values.get(i), back.get(i))).as("item %d of %s", i, json).isNull();
    }
  }
}
