package io.lancaster.avro.resolve;

import static io.lancaster.avro.testing.AvroJava.assertDeepEquals;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.Decoder;
import io.lancaster.avro.io.InputStreamDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Projection, the commonest evolution in an engine (read 2 columns of 100): the reader holds two of the writer's
 * hundred fields, of which one is renamed through an alias and one promoted, and every other field, however nested
 * (records, arrays and maps of records, unions, a recursive tree), is skipped. Many records back to back: after each
 * one the decoder must stand exactly at the next record's first byte, for plain encodings and for Apache Avro's
 * blocked encoding (arrays and maps with byte sizes, which a skipper can jump over).
 */
class ProjectionTest {
  private static final int FIELDS = 100;
  private static final int KEEP_PROMOTED = 37; // an int, read as a long
  private static final int KEEP_RENAMED = 88; // an array of records, read under another name
  private static final RecordSchema WRITER = (RecordSchema) Schema.parse(writerJson());
  private static final RecordSchema READER = (RecordSchema) Schema.parse("""
      {"type": "record", "name": "Wide", "namespace": "proj", "fields": [
        {"name": "items", "aliases": ["f88"], "type": {"type": "array", "items": {"type": "record", "name": "Item",
          "fields": [{"name": "label", "type": "string"}, {"name": "weight", "type": "double"}]}}},
        {"name": "f37", "type": "long"}]}""");

  @Test
  void readsTwoOfAHundredFieldsAndConsumesEveryByteOfEachRecord() throws IOException {
    List<GenericRecord> records = records(40, new Random(7));
    List<byte[]> encoded = new ArrayList<>();
    for (GenericRecord r : records) {
      encoded.add(AvroJava.write(WRITER, r));
    }
    checkBackToBack(records, encoded);
  }

  @Test
  void skipsArrayAndMapBlocksWhoseByteSizeTheWriterGave() throws IOException {
    List<GenericRecord> records = records(40, new Random(8));
    org.apache.avro.Schema avro = AvroJava.toAvro(WRITER);
    List<byte[]> encoded = new ArrayList<>();
    for (GenericRecord r : records) {
      encoded.add(AvroJava.writeAvroBlocking(avro, AvroJava.toAvroDatum(WRITER, avro, r), 48));
    }
    checkBackToBack(records, encoded);
  }

  private static void checkBackToBack(List<GenericRecord> records, List<byte[]> encoded) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    long[] ends = new long[encoded.size()];
    for (int i = 0; i < encoded.size(); i++) {
      all.writeBytes(encoded.get(i));
      ends[i] = all.size();
    }
    byte[] bytes = all.toByteArray();
    ResolvingDatumReader projection = new ResolvingDatumReader(WRITER, READER);

    List<Decoder> decoders = List.of(new ByteArrayDecoder(bytes),
        new InputStreamDecoder(new ByteArrayInputStream(bytes), ReadLimits.DEFAULT, 64));
    for (Decoder in : decoders) {
      for (int i = 0; i < records.size(); i++) {
        GenericRecord read = (GenericRecord) projection.read(in);
        assertThat(in.position()).as("position after record %s with %s", i, in).isEqualTo(ends[i]);
        assertThat(read.schema()).isSameAs(READER);
        assertThat(read.get("f37")).isEqualTo((long) (Integer) records.get(i).get("f" + KEEP_PROMOTED));
        assertDeepEquals(projectedItems(records.get(i)), read.get("items"));
      }
      assertThat(in.isEnd()).isTrue();
    }
    ByteArrayDecoder skipping = new ByteArrayDecoder(bytes);
    for (int i = 0; i < records.size(); i++) {
      projection.skip(skipping);
      assertThat(skipping.position()).as("position after skipping record %s", i).isEqualTo(ends[i]);
    }
  }

  /** The writer's items as the reader sees them: label and weight, without the tags. */
  private static List<GenericRecord> projectedItems(GenericRecord written) {
    RecordSchema item = (RecordSchema) ((ArraySchema) READER.field("items").schema()).items();
    List<GenericRecord> out = new ArrayList<>();
    for (Object o : (List<?>) written.get("f" + KEEP_RENAMED)) {
      GenericRecord w = (GenericRecord) o;
      out.add(new GenericRecord(item).put("label", w.get("label")).put("weight", w.get("weight")));
    }
    return out;
  }

  private static List<GenericRecord> records(int n, Random random) {
    RandomData data = new RandomData(6, 6);
    List<GenericRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add((GenericRecord) data.next(WRITER, random));
    }
    return out;
  }

  /** A hundred fields of every kind; named types are defined once and used again by name. */
  private static String writerJson() {
    String[] kinds = {
        "\"int\"", "\"long\"", "\"string\"", "\"bytes\"", "\"double\"", "\"float\"", "\"boolean\"", "\"null\"",
        "{\"type\": \"enum\", \"name\": \"Color\", \"symbols\": [\"RED\", \"GREEN\", \"BLUE\"]}",
        "{\"type\": \"fixed\", \"name\": \"Hash\", \"size\": 16}",
        "{\"type\": \"array\", \"items\": \"string\"}",
        "{\"type\": \"map\", \"values\": \"long\"}",
        "[\"null\", \"string\", \"Color\"]",
        "{\"type\": \"record\", \"name\": \"Nested\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"},"
            + " {\"name\": \"b\", \"type\": {\"type\": \"map\", \"values\": {\"type\": \"array\", \"items\": \"Hash\"}}}]}",
        "{\"type\": \"map\", \"values\": \"Nested\"}",
        "{\"type\": \"record\", \"name\": \"Tree\", \"fields\": [{\"name\": \"value\", \"type\": \"string\"},"
            + " {\"name\": \"children\", \"type\": {\"type\": \"array\", \"items\": \"Tree\"}},"
            + " {\"name\": \"parent\", \"type\": [\"null\", \"Tree\"]}]}",
        "{\"type\": \"array\", \"items\": [\"null\", \"Nested\", \"double\"]}"};
    String item = "{\"type\": \"array\", \"items\": {\"type\": \"record\", \"name\": \"Item\", \"fields\": ["
        + "{\"name\": \"label\", \"type\": \"string\"}, {\"name\": \"weight\", \"type\": \"double\"},"
        + " {\"name\": \"tags\", \"type\": {\"type\": \"map\", \"values\": \"Tree\"}}]}}";
    StringJoiner fields = new StringJoiner(",\n");
    boolean[] defined = new boolean[kinds.length];
    for (int i = 0; i < FIELDS; i++) {
      String type;
      if (i == KEEP_PROMOTED) {
        type = "\"int\"";
      } else if (i == KEEP_RENAMED) {
        type = item;
      } else {
        int k = i % kinds.length;
        type = kinds[k];
        if (defined[k] && type.startsWith("{\"type\": \"") && type.contains("\"name\": \"")) {
          type = "\"" + type.replaceAll(".*?\"name\": \"([A-Za-z]+)\".*", "$1") + "\""; // the named type again
        }
        defined[k] = true;
      }
      fields.add("{\"name\": \"f" + i + "\", \"type\": " + type + "}");
    }
    return "{\"type\": \"record\", \"name\": \"Wide\", \"namespace\": \"proj\", \"fields\": [\n" + fields + "]}";
  }
}
