package io.lancaster.hadoop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.RandomDatums;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.serializer.Deserializer;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerializationTest {
  /** Ends with an int, so a decoder that reads ahead (a varint needs up to five bytes) would hit the end. */
  static final Schema EVENT = new SchemaParser().parse("""
      {"type": "record", "name": "Event", "namespace": "test", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attrs", "type": {"type": "map", "values": ["null", "int", "bytes"]}},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
        {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 3}},
        {"name": "score", "type": ["null", "double", "float"]},
        {"name": "ok", "type": "boolean"},
        {"name": "n", "type": "int"}
      ]}""");

  static final Schema LONG = Schema.parse("\"long\"");

  private Configuration conf;
  private List<Object> datums;
  private byte[] all;
  /** boundaries[i] is where datum i starts in {@link #all}; the last entry is all.length. */
  private int[] boundaries;

  @BeforeEach
  void setUp() throws IOException {
    conf = new Configuration(false);
    AvroSerialization.setKeyWriterSchema(conf, EVENT);
    AvroSerialization.setValueWriterSchema(conf, LONG);
    AvroSerialization.addToConfiguration(conf);
    RandomDatums random = new RandomDatums(20240611L);
    datums = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      datums.add(random.next(EVENT));
    }
    DataOutputBuffer out = new DataOutputBuffer();
    Serializer<AvroKey<Object>> serializer = new SerializationFactory(conf).getSerializer(keyClass());
    serializer.open(out);
    boundaries = new int[datums.size() + 1];
    for (int i = 0; i < datums.size(); i++) {
      boundaries[i] = out.getLength();
      serializer.serialize(new AvroKey<>(datums.get(i)));
    }
    boundaries[datums.size()] = out.getLength();
    all = Arrays.copyOf(out.getData(), out.getLength());
  }

  @SuppressWarnings("unchecked")
  private static Class<AvroKey<Object>> keyClass() {
    return (Class<AvroKey<Object>>) (Class<?>) AvroKey.class;
  }

  @SuppressWarnings("unchecked")
  private static Class<AvroValue<Object>> valueClass() {
    return (Class<AvroValue<Object>>) (Class<?>) AvroValue.class;
  }

  private Deserializer<AvroKey<Object>> keyDeserializer() {
    return new SerializationFactory(conf).getDeserializer(keyClass());
  }

  private static byte[] encode(Schema schema, Object datum) throws IOException {
    BufferEncoder encoder = new BufferEncoder();
    new GenericDatumWriter(schema).write(datum, encoder);
    return encoder.toByteArray();
  }

  @Test
  void eachDatumIsInTheStreamAsItsBinaryEncodingWhenSerializeReturns() throws IOException {
    for (int i = 0; i < datums.size(); i++) {
      byte[] written = Arrays.copyOfRange(all, boundaries[i], boundaries[i + 1]);
      assertThat(written).as("datum %d", i).isEqualTo(encode(EVENT, datums.get(i)));
    }
  }

  @Test
  void backToBackDatumsAreReadOneAtATimeLeavingTheBufferJustPastEach() throws IOException {
    DataInputBuffer in = new DataInputBuffer();
    in.reset(all, all.length);
    Deserializer<AvroKey<Object>> deserializer = keyDeserializer();
    deserializer.open(in);
    for (int i = 0; i < datums.size(); i++) {
      AvroKey<Object> key = deserializer.deserialize(null);
      assertThat(key.datum()).as("datum %d", i).isEqualTo(datums.get(i));
      assertThat(in.getPosition()).as("position after datum %d", i).isEqualTo(boundaries[i + 1]);
    }
  }

  /** As Hadoop's reduce side does: one open, then the buffer is pointed at each record's bytes in turn. */
  @Test
  void aBufferResetToEachRecordInTurnIsReadWithoutReopening() throws IOException {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < datums.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(7));
    DataInputBuffer in = new DataInputBuffer();
    Deserializer<AvroKey<Object>> deserializer = keyDeserializer();
    deserializer.open(in);
    AvroKey<Object> reused = new AvroKey<>();
    for (int i : order) {
      in.reset(all, boundaries[i], boundaries[i + 1] - boundaries[i]);
      AvroKey<Object> key = deserializer.deserialize(reused);
      assertThat(key).isSameAs(reused);
      assertThat(key.datum()).as("datum %d", i).isEqualTo(datums.get(i));
      assertThat(in.getPosition()).isEqualTo(boundaries[i + 1]);
    }
  }

  @Test
  void aTruncatedRecordFailsInsteadOfReadingTheNextOne() throws IOException {
    DataInputBuffer in = new DataInputBuffer();
    Deserializer<AvroKey<Object>> deserializer = keyDeserializer();
    deserializer.open(in);
    in.reset(all, boundaries[3], boundaries[4] - boundaries[3] - 1); // the bytes after it are datum 4's
    assertThatThrownBy(() -> deserializer.deserialize(null)).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aMarkableStreamIsLeftExactlyPastEachDatum() throws IOException {
    InputStream in = new BufferedInputStream(new ByteArrayInputStream(all), 100);
    Deserializer<AvroKey<Object>> deserializer = keyDeserializer();
    deserializer.open(in);
    for (int i = 0; i < datums.size(); i++) {
      assertThat(deserializer.deserialize(null).datum()).as("datum %d", i).isEqualTo(datums.get(i));
      assertThat(all.length - in.available()).as("position after datum %d", i).isEqualTo(boundaries[i + 1]);
    }
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void aStreamThatCanNeitherBeReadInPlaceNorMarkedIsRejected() {
    Deserializer<AvroKey<Object>> deserializer = keyDeserializer();
    assertThatThrownBy(() -> deserializer.open(InputStream.nullInputStream()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mark/reset");
  }

  @Test
  void keysAndValuesUseTheirOwnSchemasAndWrappers() throws IOException {
    DataOutputBuffer out = new DataOutputBuffer();
    Serializer<AvroValue<Object>> serializer = new SerializationFactory(conf).getSerializer(valueClass());
    serializer.open(out);
    serializer.serialize(new AvroValue<>(-3L));
    serializer.serialize(new AvroValue<>(1L << 40));
    assertThat(Arrays.copyOf(out.getData(), out.getLength()))
        .isEqualTo(new byte[] {5, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40});

    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    Deserializer<AvroValue<Object>> deserializer = new SerializationFactory(conf).getDeserializer(valueClass());
    deserializer.open(in);
    AvroValue<Object> first = deserializer.deserialize(null);
    assertThat(first).isExactlyInstanceOf(AvroValue.class);
    assertThat(first.datum()).isEqualTo(-3L);
    assertThat(deserializer.deserialize(first).datum()).isEqualTo(1L << 40);

    Deserializer<AvroKey<Object>> keys = keyDeserializer();
    in.reset(all, all.length);
    keys.open(in);
    assertThat(keys.deserialize(null)).isExactlyInstanceOf(AvroKey.class);
  }

  @Test
  void aReaderSchemaResolvesTheWrittenKeys() throws IOException {
    Schema v1 = Schema.parse("""
        {"type": "record", "name": "User", "fields": [{"name": "id", "type": "int"},
         {"name": "name", "type": "string"}]}""");
    Schema v2 = Schema.parse("""
        {"type": "record", "name": "User", "fields": [{"name": "id", "type": "long"},
         {"name": "country", "type": "string", "default": "NZ"}]}""");
    AvroSerialization.setKeyWriterSchema(conf, v1);
    AvroSerialization.setKeyReaderSchema(conf, v2);
    DataOutputBuffer out = new DataOutputBuffer();
    Serializer<AvroKey<Object>> serializer = new SerializationFactory(conf).getSerializer(keyClass());
    serializer.open(out);
    GenericRecord user = new GenericRecord((RecordSchema) v1).put("id", 42).put("name", "Ann");
    serializer.serialize(new AvroKey<>(user));

    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    Deserializer<AvroKey<Object>> deserializer = keyDeserializer();
    deserializer.open(in);
    GenericRecord read = (GenericRecord) deserializer.deserialize(null).datum();
    assertThat(read.schema()).isEqualTo(v2);
    assertThat(read.get("id")).isEqualTo(42L);
    assertThat(read.get("country")).isEqualTo("NZ");
    assertThat(in.getPosition()).isEqualTo(out.getLength());
  }

  @Test
  void aDatumThatDoesNotMatchTheSchemaFailsNamingTheField() throws IOException {
    Serializer<AvroKey<Object>> serializer = new SerializationFactory(conf).getSerializer(keyClass());
    serializer.open(new DataOutputBuffer());
    GenericRecord bad = (GenericRecord) new RandomDatums(3).next(EVENT);
    bad.put("name", 17);
    assertThatThrownBy(() -> serializer.serialize(new AvroKey<>(bad))).isInstanceOf(AvroTypeException.class)
        .hasMessageContaining("name");
  }

  @Test
  void acceptsAvroKeysAndValuesOnly() {
    AvroSerialization serialization = new AvroSerialization();
    assertThat(serialization.accept(AvroKey.class)).isTrue();
    assertThat(serialization.accept(AvroValue.class)).isTrue();
    assertThat(serialization.accept(new AvroKey<String>() {}.getClass())).isTrue();
    assertThat(serialization.accept(AvroWrapper.class)).isFalse();
    assertThat(serialization.accept(Text.class)).isFalse();
  }

  @Test
  void aMissingSchemaNamesTheKeyToSet() {
    Configuration empty = new Configuration(false);
    AvroSerialization.addToConfiguration(empty);
    SerializationFactory factory = new SerializationFactory(empty);
    assertThatThrownBy(() -> factory.getSerializer(keyClass())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA)
        .hasMessageContaining("AvroJob.setMapOutputKeySchema");
    assertThatThrownBy(() -> factory.getDeserializer(valueClass())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(AvroConfigKeys.MAP_OUTPUT_VALUE_WRITER_SCHEMA);
  }

  @Test
  void anOldApiPairSchemaSuppliesKeyAndValueSchemas() {
    Configuration old = new Configuration(false);
    old.set(AvroConfigKeys.OUTPUT_SCHEMA, ConfSchemas.pair(EVENT, LONG).toString());
    assertThat(AvroSerialization.getKeyWriterSchema(old)).isEqualTo(EVENT);
    assertThat(AvroSerialization.getValueWriterSchema(old)).isEqualTo(LONG);
    old.set(AvroConfigKeys.OUTPUT_SCHEMA, "\"string\""); // a map-only job's output schema: no pair, no shuffle schema
    assertThat(AvroSerialization.getKeyWriterSchema(old)).isNull();
    old.set(AvroConfigKeys.MAP_OUTPUT_SCHEMA, "\"string\"");
    assertThatThrownBy(() -> AvroSerialization.getKeyWriterSchema(old)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a pair schema");
  }

  /**
   * avro-mapred's serialization, configured by the same keys, reads our bytes, and what it writes back (its maps in
   * another entry order) reads as the same values with ours.
   */
  @Test
  void avroMapredReadsWhatWeWriteAndWeReadWhatItWrites() throws IOException {
    org.apache.avro.hadoop.io.AvroSerialization<Object> apache = new org.apache.avro.hadoop.io.AvroSerialization<>();
    apache.setConf(conf);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<org.apache.avro.mapred.AvroWrapper<Object>> apacheKey = (Class) org.apache.avro.mapred.AvroKey.class;
    Deserializer<org.apache.avro.mapred.AvroWrapper<Object>> apacheIn = apache.getDeserializer(apacheKey);
    Serializer<org.apache.avro.mapred.AvroWrapper<Object>> apacheOut = apache.getSerializer(apacheKey);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(all, all.length);
    apacheIn.open(in);
    DataOutputBuffer rewritten = new DataOutputBuffer();
    apacheOut.open(rewritten);
    for (int i = 0; i < datums.size(); i++) {
      apacheOut.serialize(apacheIn.deserialize(null));
    }
    in.reset(rewritten.getData(), rewritten.getLength());
    Deserializer<AvroKey<Object>> ours = keyDeserializer();
    ours.open(in);
    for (int i = 0; i < datums.size(); i++) {
      assertThat(ours.deserialize(null).datum()).as("datum %d", i).isEqualTo(datums.get(i));
    }
    assertThat(in.getPosition()).isEqualTo(rewritten.getLength());
  }
}
