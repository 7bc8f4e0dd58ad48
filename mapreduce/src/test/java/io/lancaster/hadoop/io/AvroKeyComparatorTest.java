package io.lancaster.hadoop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.order.GenericComparator;
import io.lancaster.avro.order.UncomparableException;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.RandomDatums;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryData;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.util.ReflectionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroKeyComparatorTest {
  /** Every field order, a map inside an ignored field, and types whose binary order is not their byte order. */
  static final Schema KEY = Schema.parse("""
      {"type": "record", "name": "Key", "namespace": "test", "fields": [
        {"name": "country", "type": "string"},
        {"name": "device", "type": {"type": "enum", "name": "Device", "symbols": ["DESKTOP", "MOBILE", "TABLET"]},
         "order": "descending"},
        {"name": "sample", "type": {"type": "map", "values": "long"}, "order": "ignore"},
        {"name": "score", "type": ["null", "int", "double"]},
        {"name": "raw", "type": "bytes", "order": "descending"},
        {"name": "tags", "type": {"type": "array", "items": "long"}},
        {"name": "id", "type": {"type": "fixed", "name": "Id", "size": 1}}
      ]}""");

  private Configuration conf;
  private AvroKeyComparator<Object> comparator;
  private final List<Object> keys = new ArrayList<>();
  private byte[] bytes;
  private int[] starts;

  @BeforeEach
  void setUp() throws IOException {
    conf = new Configuration(false);
    AvroSerialization.setKeyWriterSchema(conf, KEY);
    AvroSerialization.addToConfiguration(conf);
    comparator = newComparator(conf);
    RandomDatums random = new RandomDatums(42);
    for (int i = 0; i < 160; i++) {
      GenericRecord key = (GenericRecord) random.next(KEY);
      keys.add(key);
      if (i % 8 == 0) { // a tie: equal but for the ignored field
        keys.add(copy(key).put("sample", Map.of("other" + i, (long) i)));
      }
    }
    serializeKeys();
  }

  private void serializeKeys() throws IOException {
    // serialized back to back, as in a map output buffer: every key but the first at a non-zero offset
    DataOutputBuffer out = new DataOutputBuffer();
    @SuppressWarnings({"unchecked", "rawtypes"})
    Serializer<AvroKey<Object>> serializer = new SerializationFactory(conf).getSerializer((Class) AvroKey.class);
    serializer.open(out);
    starts = new int[keys.size() + 1];
    for (int i = 0; i < keys.size(); i++) {
      starts[i] = out.getLength();
      serializer.serialize(new AvroKey<>(keys.get(i)));
    }
    starts[keys.size()] = out.getLength();
    bytes = out.getData();
  }

  @SuppressWarnings("unchecked")
  private static AvroKeyComparator<Object> newComparator(Configuration conf) {
    return ReflectionUtils.newInstance(AvroKeyComparator.class, conf);
  }

  private int raw(int i, int j) {
    return comparator.compare(bytes, starts[i], starts[i + 1] - starts[i], bytes, starts[j], starts[j + 1] - starts[j]);
  }

  @Test
  void serializedKeysCompareAsTheirValues() {
    GenericComparator generic = new GenericComparator(KEY);
    int equal = 0;
    for (int i = 0; i < keys.size(); i++) {
      for (int j = 0; j < keys.size(); j++) {
        int expected = Integer.signum(generic.compare(keys.get(i), keys.get(j)));
        assertThat(raw(i, j)).as("raw %d vs %d", i, j).isEqualTo(expected);
        assertThat(comparator.compare(new AvroKey<>(keys.get(i)), new AvroKey<>(keys.get(j))))
            .as("objects %d vs %d", i, j).isEqualTo(expected);
        equal += expected == 0 && i != j ? 1 : 0;
      }
    }
    assertThat(equal).as("pairs of distinct keys that tie (the data must exercise ties)").isPositive();
  }

  /**
   * The shuffle orders keys as avro-mapred's comparator does, on data without bytes above 0x7F, which Apache Avro
   * 1.12.1 orders as signed bytes against the spec (AVRO-4210, docs/COMPATIBILITY.md).
   */
  @Test
  void serializedKeysCompareAsApacheAvroComparesThem() throws IOException {
    keys.clear();
    RandomDatums random = new RandomDatums(43, true);
    for (int i = 0; i < 160; i++) {
      keys.add(random.next(KEY));
    }
    serializeKeys();
    org.apache.avro.Schema apacheKey = new org.apache.avro.Schema.Parser().parse(KEY.toString());
    for (int i = 0; i < keys.size(); i++) {
      for (int j = 0; j < keys.size(); j++) {
        int apache = BinaryData.compare(bytes, starts[i], starts[i + 1] - starts[i], bytes, starts[j],
            starts[j + 1] - starts[j], apacheKey);
        assertThat(raw(i, j)).as("%d vs %d", i, j).isEqualTo(Integer.signum(apache));
      }
    }
  }

  @Test
  void stringsOrderByCodePointAsTheSpecSays() throws IOException {
    Schema string = Schema.parse("\"string\"");
    Configuration strings = new Configuration(false);
    AvroSerialization.setKeyWriterSchema(strings, string);
    byte[] z = {2, 'z'};
    byte[] eAcute = {4, (byte) 0xC3, (byte) 0xA9};
    assertThat(newComparator(strings).compare(z, 0, 2, eAcute, 0, 3)).isEqualTo(-1);
  }

  @Test
  void sortingTheSerializedKeysOrdersThemAsTheSpecSays() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      order.add(i);
    }
    order.sort(this::raw);
    Comparator<Object> generic = new GenericComparator(KEY);
    for (int k = 1; k < order.size(); k++) {
      assertThat(generic.compare(keys.get(order.get(k - 1)), keys.get(order.get(k)))).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void descendingFieldsAreReversedAndIgnoredFieldsSkipped() {
    RecordSchema schema = (RecordSchema) KEY;
    EnumSchema device = (EnumSchema) schema.field("device").schema();
    GenericRecord desktop = (GenericRecord) new RandomDatums(1).next(KEY);
    desktop.put("device", new GenericEnum(device, "DESKTOP"));
    GenericRecord mobile = copy(desktop).put("device", new GenericEnum(device, "MOBILE"));
    Map<String, Object> otherSample = new HashMap<>();
    otherSample.put("url", 7L);
    GenericRecord otherSampleDesktop = copy(desktop).put("sample", otherSample);

    assertThat(comparator.compare(new AvroKey<>(mobile), new AvroKey<>(desktop))).isEqualTo(-1);
    assertThat(comparator.compare(new AvroKey<>(otherSampleDesktop), new AvroKey<>(desktop))).isZero();
    byte[][] encoded = {encode(desktop), encode(mobile), encode(otherSampleDesktop)};
    assertThat(comparator.compare(encoded[1], 0, encoded[1].length, encoded[0], 0, encoded[0].length)).isEqualTo(-1);
    assertThat(comparator.compare(encoded[2], 0, encoded[2].length, encoded[0], 0, encoded[0].length)).isZero();
    assertThat(encoded[2]).isNotEqualTo(encoded[0]);
  }

  private static GenericRecord copy(GenericRecord r) {
    GenericRecord c = new GenericRecord(r.schema());
    for (int i = 0; i < r.size(); i++) {
      c.put(i, r.get(i));
    }
    return c;
  }

  private static byte[] encode(Object datum) {
    try {
      io.lancaster.avro.io.BufferEncoder encoder = new io.lancaster.avro.io.BufferEncoder();
      new io.lancaster.avro.generic.GenericDatumWriter(KEY).write(datum, encoder);
      return encoder.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void deserializedKeysCompareInTheReaderSchema() {
    Schema reader = Schema.parse("""
        {"type": "record", "name": "Key", "namespace": "test", "fields": [
          {"name": "country", "type": "string", "order": "descending"}]}""");
    AvroSerialization.setKeyReaderSchema(conf, reader);
    AvroKeyComparator<Object> withReader = newComparator(conf);
    GenericRecord a = new GenericRecord((RecordSchema) reader).put("country", "AT");
    GenericRecord b = new GenericRecord((RecordSchema) reader).put("country", "BE");
    assertThat(withReader.compare(new AvroKey<>(a), new AvroKey<>(b))).isEqualTo(1);
  }

  @Test
  void aKeySchemaWithAMapThatIsNotIgnoredCannotBeSorted() {
    Configuration maps = new Configuration(false);
    AvroSerialization.setKeyWriterSchema(maps, Schema.parse("""
        {"type": "record", "name": "K", "fields": [{"name": "m", "type": {"type": "map", "values": "int"}}]}"""));
    assertThatThrownBy(() -> newComparator(maps)).isInstanceOf(UncomparableException.class)
        .hasMessageContaining("maps cannot be compared");
  }

  @Test
  void withoutAKeySchemaItSaysWhatToSet() {
    assertThatThrownBy(() -> newComparator(new Configuration(false))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA);
    AvroKeyComparator<Object> unconfigured = new AvroKeyComparator<>();
    assertThatThrownBy(() -> unconfigured.compare(bytes, 0, 1, bytes, 0, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured");
  }
}
