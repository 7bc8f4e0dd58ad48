package io.lancaster.avro.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.SharedTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The single-object message of Apache Avro's cross-language test files ({@code data/messageV1}, written by
 * Apache Avro Java): it decodes to the record its README describes, and encoding that record gives the same bytes.
 */
class ApacheMessageFileTest {

  static Path dir() {
    return SharedTestData.apacheAvro().resolve("data").resolve("messageV1");
  }

  static byte[] testMessage() {
    try {
      return Files.readAllBytes(dir().resolve("test_message.bin"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RecordSchema testSchema() throws IOException {
    return (RecordSchema) new SchemaParser().parse(dir().resolve("test_schema.avsc"));
  }

  @Test
  void decodesToTheReadmeRecord() throws IOException {
    RecordSchema schema = testSchema();
    byte[] message = testMessage();
    assertThat(SingleObjectDecoder.isSingleObject(message)).isTrue();
    assertThat(SingleObjectHeader.fingerprint(message, 0, message.length)).isEqualTo(Fingerprints.crc64(schema));

    GenericRecord r = (GenericRecord) new SingleObjectDecoder(schema, new InMemorySchemaStore()).decode(message);
    assertThat(r.schema().fullName()).isEqualTo("org.apache.avro.TestMessage");
    assertThat(r.get("id")).isEqualTo(42L);
    assertThat(r.get("name")).isEqualTo("Bill");
    assertThat(r.get("tags")).isEqualTo(List.of("dog_lover", "cat_hater"));
  }

  @Test
  void decodesThroughADirectoryStoreWithAnotherReaderSchema() throws IOException {
    // The writer schema comes from the test directory itself; the reader adds an optional field.
    String reader = "{\"type\":\"record\",\"namespace\":\"org.apache.avro\",\"name\":\"TestMessage\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    SingleObjectDecoder decoder = new SingleObjectDecoder(new SchemaParser().parse(reader),
        new DirectorySchemaStore(dir()));
    GenericRecord r = (GenericRecord) decoder.decode(testMessage());
    assertThat(r.get("id")).isEqualTo(42L);
    assertThat(r.get("name")).isEqualTo("Bill");
    assertThat(r.get("note")).isNull();
  }

  @Test
  void encodingTheRecordGivesTheSameBytes() throws IOException {
    RecordSchema schema = testSchema();
    GenericRecord r = new GenericRecord(schema).put("id", 42L).put("name", "Bill")
        .put("tags", List.of("dog_lover", "cat_hater"));
    assertThat(new SingleObjectEncoder(schema).encode(r)).isEqualTo(testMessage());
  }
}
