package io.lancaster.avro.message;

import static io.lancaster.avro.message.MessageSchemas.V1;
import static io.lancaster.avro.message.MessageSchemas.V1_READER;
import static io.lancaster.avro.message.MessageSchemas.V2;
import static io.lancaster.avro.message.MessageSchemas.v1;
import static io.lancaster.avro.message.MessageSchemas.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.resolve.IncompatibleDataException;
import io.lancaster.avro.resolve.SchemaResolutionException;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * Messages written with an older or newer schema, decoded through a {@link SchemaStore} into the reader schema
 * (spec schema resolution), by Lancaster and by Apache Avro 1.12.1 alike; readers are compiled once per writer.
 */
class SingleObjectEvolutionTest {

  @Test
  void v1MessageReadsAsV2() throws IOException {
    byte[] message = new SingleObjectEncoder(V1).encode(v1(42, "Bill", "BLUE", "old"));
    SingleObjectDecoder decoder = new SingleObjectDecoder(V2, new InMemorySchemaStore(V1));

    GenericRecord r = (GenericRecord) decoder.decode(message);
    assertThat(r.schema()).isSameAs(V2);
    assertThat(r).isEqualTo(v2(42L, "Bill", null, "BLUE"));
    assertThat(r.get("id")).isInstanceOf(Long.class);
    assertThat(((GenericEnum) r.get("color")).schema()).isSameAs(V2.field("color").schema());
    assertThat(decoder.decode(new ByteArrayInputStream(message))).isEqualTo(r);
  }

  @Test
  void v2MessageReadsAsV1WithDefaultsUnlessItHoldsASymbolV1Lacks() throws IOException {
    SingleObjectEncoder encoder = new SingleObjectEncoder(V2);
    SingleObjectDecoder decoder = new SingleObjectDecoder(V1_READER, new InMemorySchemaStore(V2));

    GenericRecord r = (GenericRecord) decoder.decode(encoder.encode(v2(-5L, "Eve", "eve@example.com", "RED")));
    assertThat(r.schema()).isSameAs(V1_READER);
    assertThat(r.get("id")).isEqualTo(-5L);
    assertThat(r.get("name")).isEqualTo("Eve");
    assertThat(r.get("color")).isEqualTo(new GenericEnum((EnumSchema) V1_READER.field("color").schema(), "RED"));
    assertThat(r.get("legacy")).isEqualTo("n/a");

    // The pair resolves; only a message that actually holds CYAN fails, when it is read (spec).
    byte[] cyan = encoder.encode(v2(1L, "C", null, "CYAN"));
    assertThatThrownBy(() -> decoder.decode(cyan)).isInstanceOf(IncompatibleDataException.class)
        .hasMessageContaining("CYAN");
    // The decoder goes on with the next message.
    assertThat(((GenericRecord) decoder.decode(encoder.encode(v2(2L, "D", null, "GREEN")))).get("id")).isEqualTo(2L);
  }

  @Test
  void writerThatCannotResolveIsASchemaResolutionErrorNamingTheField() {
    // Without a default for legacy, a reader cannot read v2 data, which lacks the field.
    Schema noDefault = MessageSchemas.parse(MessageSchemas.V1_READER_JSON.replace(",\"default\":\"n/a\"", ""));
    byte[] message = new SingleObjectEncoder(V2).encode(v2(1L, "x", null, "RED"));
    SingleObjectDecoder decoder = new SingleObjectDecoder(noDefault, new InMemorySchemaStore(V2));
    assertThatThrownBy(() -> decoder.decode(message)).isInstanceOf(SchemaResolutionException.class)
        .hasMessageContaining("legacy");
  }

  @Test
  void readerIsCompiledOncePerWriterFingerprint() throws IOException {
    AtomicInteger lookups = new AtomicInteger();
    InMemorySchemaStore store = new InMemorySchemaStore(V1, V2);
    SchemaStore counting = fp -> {
      lookups.incrementAndGet();
      return store.findByFingerprint(fp);
    };
    SingleObjectDecoder decoder = new SingleObjectDecoder(V2, counting);
    SingleObjectEncoder v1 = new SingleObjectEncoder(V1);
    SingleObjectEncoder v2 = new SingleObjectEncoder(V2);
    for (int i = 0; i < 5; i++) {
      assertThat(((GenericRecord) decoder.decode(v1.encode(v1(i, "n" + i, "RED", "")))).get("id")).isEqualTo((long) i);
      assertThat(((GenericRecord) decoder.decode(v2.encode(v2(i, "m" + i, "e", "CYAN"))))
          .get("email")).isEqualTo("e");
    }
    assertThat(lookups).as("only v1 is looked up, once; v2 is the reader's own").hasValue(1);
  }

  @Test
  void sameCanonicalFormNeedsNoResolution() throws IOException {
    // This reader differs from V1 only by a default and a doc, which the Parsing Canonical Form drops.
    Schema reader = MessageSchemas.parse(MessageSchemas.V1_JSON
        .replace("{\"name\":\"legacy\",\"type\":\"string\"}",
            "{\"name\":\"legacy\",\"type\":\"string\",\"default\":\"\",\"doc\":\"unused\"}"));
    assertThat(reader).isNotEqualTo(V1);
    assertThat(Fingerprints.crc64(reader)).isEqualTo(Fingerprints.crc64(V1));
    byte[] message = new SingleObjectEncoder(V1).encode(v1(3, "c", "GREEN", "kept"));
    SchemaStore empty = fp -> {
      throw new AssertionError("store asked for " + fp);
    };
    GenericRecord r = (GenericRecord) new SingleObjectDecoder(reader, empty).decode(message);
    assertThat(r.schema()).isSameAs(reader);
    assertThat(r.get("legacy")).isEqualTo("kept");
  }

  @Test
  void apacheAvroV1MessagesReadAsV2InLancaster() throws IOException {
    org.apache.avro.Schema avroV1 = AvroJava.toAvroStrict(V1);
    BinaryMessageEncoder<Object> apache = new BinaryMessageEncoder<>(GenericData.get(), avroV1);
    SingleObjectDecoder decoder = new SingleObjectDecoder(V2, new InMemorySchemaStore(V1));
    for (int i = 0; i < 10; i++) {
      GenericRecord written = v1(i * 977 - 3000, "name " + i, i % 3 == 0 ? "RED" : "BLUE", "l" + i);
      ByteBuffer theirs = apache.encode(AvroJava.toAvroDatum(V1, avroV1, written));
      assertThat(decoder.decode(theirs)).isEqualTo(v2(i * 977 - 3000, "name " + i, null, i % 3 == 0 ? "RED" : "BLUE"));
    }
  }

  @Test
  void lancasterV1MessagesReadAsV2InApacheAvroThroughItsSchemaStore() throws IOException {
    org.apache.avro.Schema avroV2 = AvroJava.toAvroStrict(V2);
    org.apache.avro.message.SchemaStore.Cache cache = new org.apache.avro.message.SchemaStore.Cache();
    cache.addSchema(AvroJava.toAvroStrict(V1));
    BinaryMessageDecoder<Object> apache = new BinaryMessageDecoder<>(GenericData.get(), avroV2, cache);
    SingleObjectEncoder encoder = new SingleObjectEncoder(V1);
    SingleObjectDecoder ours = new SingleObjectDecoder(V2, new InMemorySchemaStore(V1));
    for (int i = 0; i < 10; i++) {
      byte[] message = encoder.encode(v1(-i, "n" + i, i % 2 == 0 ? "GREEN" : "RED", "old " + i));
      Object theirs = apache.decode(message);
      AvroJava.assertDeepEquals(ours.decode(message), theirs);
      assertThat(((org.apache.avro.generic.GenericRecord) theirs).get("id")).isEqualTo((long) -i);
    }
  }

  @Test
  void apacheTestMessageReadsIntoTheReadmeSchemaOnlyWithADefaultForScores() throws IOException {
    // The messageV1 README shows a "scores" map the message's schema lacks: without a default it cannot resolve.
    String base = "{\"type\":\"record\",\"namespace\":\"org.apache.avro\",\"name\":\"TestMessage\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}";
    Schema writer = MessageSchemas.parse(base + "]}");
    Schema readme = MessageSchemas.parse(base
        + ",{\"name\":\"scores\",\"type\":{\"type\":\"map\",\"values\":\"double\"}}]}");
    Schema withDefault = MessageSchemas.parse(base
        + ",{\"name\":\"scores\",\"type\":{\"type\":\"map\",\"values\":\"double\"},\"default\":{\"x\":1.5}}]}");
    byte[] message = ApacheMessageFileTest.testMessage();

    assertThatThrownBy(() -> new SingleObjectDecoder(readme, new InMemorySchemaStore(writer)).decode(message))
        .isInstanceOf(SchemaResolutionException.class).hasMessageContaining("scores");
    GenericRecord r = (GenericRecord) new SingleObjectDecoder(withDefault, new InMemorySchemaStore(writer))
        .decode(message);
    assertThat(r.get("id")).isEqualTo(42L);
    assertThat(r.get("scores")).isEqualTo(Map.of("x", 1.5));
  }
}
