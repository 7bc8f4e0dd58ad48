package io.lancaster.spark.functions;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka framings, both ways: schema-registry messages (0, a 4-byte big-endian id, the datum) and Avro
 * single-object messages (C3 01, the CRC-64-AVRO fingerprint, the datum, as Apache Avro's
 * {@code BinaryMessageEncoder} writes them), from two writer schema versions read as one reader schema; unknown
 * schemas and bad framing in both modes; writer schemas from a directory; the encoders.
 */
class KafkaFramingTest {
  static final String V1 = """
      {"type":"record","name":"User","namespace":"k","fields":[
        {"name":"id","type":"int"},
        {"name":"name","type":"string"}]}""";
  static final String V2 = """
      {"type":"record","name":"User","namespace":"k","fields":[
        {"name":"id","type":"long"},
        {"name":"name","type":"string"},
        {"name":"email","type":["null","string"],"default":null},
        {"name":"age","type":"int"}]}""";
  static final String READER = """
      {"type":"record","name":"User","namespace":"k","fields":[
        {"name":"id","type":"long"},
        {"name":"name","type":"string"},
        {"name":"email","type":["null","string"],"default":null},
        {"name":"country","type":"string","default":"NZ"}]}""";
  static final Map<Integer, String> WRITERS = Map.of(1, V1, 2, V2);
  static final Map<String, String> PERMISSIVE = Map.of("mode", "PERMISSIVE");

  @TempDir Path dir;

  static GenericRecord v1(int id, String name) {
    GenericData.Record r = new GenericData.Record(SparkAvroOracle.parse(V1));
    r.put("id", id);
    r.put("name", name);
    return r;
  }

  static GenericRecord v2(long id, String name, String email, int age) {
    GenericData.Record r = new GenericData.Record(SparkAvroOracle.parse(V2));
    r.put("id", id);
    r.put("name", name);
    r.put("email", email);
    r.put("age", age);
    return r;
  }

  static byte[] registry(int id, GenericRecord r) {
    byte[] datum = SparkAvroOracle.write(r.getSchema(), r);
    return ByteBuffer.allocate(5 + datum.length).put((byte) 0).putInt(id).put(datum).array();
  }

  static byte[] singleObject(GenericRecord r) {
    try {
      ByteBuffer b = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), r.getSchema()).encode(r);
      return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final List<String> EXPECTED = List.of("{Long:1, \"ann\", null, \"NZ\"}",
      "{Long:8589934592, \"bob\", \"b@x\", \"NZ\"}", "{Long:-3, \"\", null, \"NZ\"}",
      "{Long:4, \"dan\", null, \"NZ\"}");

  List<byte[]> registryMessages() {
    return List.of(registry(1, v1(1, "ann")), registry(2, v2(1L << 33, "bob", "b@x", 40)), registry(1, v1(-3, "")),
        registry(2, v2(4, "dan", null, 0)));
  }

  List<byte[]> singleObjectMessages() {
    return List.of(singleObject(v1(1, "ann")), singleObject(v2(1L << 33, "bob", "b@x", 40)),
        singleObject(v1(-3, "")), singleObject(v2(4, "dan", null, 0)));
  }

  // ---- schema registry

  @Test
  void registryMessagesOfTwoWriterVersionsReadAsTheReaderSchema() throws Exception {
    List<byte[]> messages = registryMessages();
    List<Object> generated = Frames.withConfs(Frames.GENERATED,
        () -> Frames.apply(messages, c -> AvroFunctions.from_avro_registry(c, WRITERS, READER)));
    List<Object> interpreted = Frames.withConfs(Frames.INTERPRETED,
        () -> Frames.apply(messages, c -> AvroFunctions.from_avro_registry(c, WRITERS, READER)));
    assertThat(CanonicalValues.of(generated)).containsExactlyElementsOf(EXPECTED);
    assertThat(CanonicalValues.of(interpreted)).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void registryWriterSchemasComeFromADirectoryOfIdFiles() throws Exception {
    Files.writeString(dir.resolve("1.avsc"), V1);
    Files.writeString(dir.resolve("2.avsc"), V2);
    Files.writeString(dir.resolve("notes.txt"), "not a schema");
    List<Object> ours = Frames.apply(registryMessages(),
        c -> AvroFunctions.from_avro_registry(c, dir.toString(), READER));
    assertThat(CanonicalValues.of(ours)).containsExactlyElementsOf(EXPECTED);

    Files.writeString(dir.resolve("latest.avsc"), V2);
    assertThatThrownBy(() -> AvroFunctions.from_avro_registry(col("value"), dir.toString(), READER))
        .hasMessageContaining("latest.avsc").hasMessageContaining("not named after a schema-registry id");
  }

  @Test
  void anUnknownRegistryIdFailsNamingItOrGivesNull() {
    List<byte[]> messages = List.of(registry(1, v1(1, "ann")), registry(7, v1(2, "eve")));
    assertThatThrownBy(() -> Frames.apply(messages, c -> AvroFunctions.from_avro_registry(c, WRITERS, READER)))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("MALFORMED_RECORD_IN_PARSING")
        .hasStackTraceContaining("no writer schema for schema id 7 (known: schema id 1, schema id 2)");
    List<Object> ours = Frames.apply(messages, c -> AvroFunctions.from_avro_registry(c, WRITERS, READER,
        PERMISSIVE));
    assertThat(CanonicalValues.of(ours)).containsExactly(EXPECTED.get(0), "null");
  }

  @Test
  void messagesNotInTheRegistryFormatFailOrGiveNull() {
    byte[] good = registry(1, v1(5, "eve"));
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    List<byte[]> bad = List.of(new byte[] {1, 0, 0, 0, 1, 2, 'a'}, new byte[] {0, 0, 0}, new byte[0], trailing,
        singleObject(v1(5, "eve")));
    for (byte[] message : bad) {
      assertThatThrownBy(() -> Frames.apply(List.of(message),
          c -> AvroFunctions.from_avro_registry(c, WRITERS, READER)))
          .as(Arrays.toString(message)).hasStackTraceContaining("MALFORMED_RECORD_IN_PARSING");
    }
    assertThatThrownBy(() -> Frames.apply(List.of(bad.get(0)),
        c -> AvroFunctions.from_avro_registry(c, WRITERS, READER)))
        .hasStackTraceContaining("magic byte 01");
    assertThatThrownBy(() -> Frames.apply(List.of(trailing),
        c -> AvroFunctions.from_avro_registry(c, WRITERS, READER)))
        .hasStackTraceContaining("1 byte(s) left after the datum");
    List<Object> ours = Frames.apply(bad, c -> AvroFunctions.from_avro_registry(c, WRITERS, READER, PERMISSIVE));
    assertThat(ours).containsOnlyNulls().hasSize(bad.size());
  }

  @Test
  void aWriterSchemaTheReaderCannotReadFailsWhenTheColumnIsMade() {
    String incompatible = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"k\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"string\"}]}";
    assertThatThrownBy(() -> AvroFunctions.from_avro_registry(col("value"), Map.of(1, V1, 3, incompatible), READER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema id 3").hasMessageContaining("cannot be read with the reader schema");
  }

  @Test
  void toAvroRegistryWritesTheHeaderAndSparkAvrosDatum() {
    StructType type = new StructType().add("id", DataTypes.LongType, false).add("name", DataTypes.StringType, false)
        .add("email", DataTypes.StringType, true).add("age", DataTypes.IntegerType, false);
    Dataset<Row> df = Frames.spark().createDataFrame(List.of(RowFactory.create(1L << 33, "bob", "b@x", 40),
        RowFactory.create(4L, "dan", null, 0)), type);
    List<byte[]> ours = ToAvroTest.binaries(df.select(AvroFunctions.to_avro_registry(
        org.apache.spark.sql.functions.struct(col("*")), 2, V2)));

    assertThat(ToAvroTest.hex(ours.get(0))).isEqualTo(ToAvroTest.hex(registry(2, v2(1L << 33, "bob", "b@x", 40))));
    assertThat(ToAvroTest.hex(ours.get(1))).isEqualTo(ToAvroTest.hex(registry(2, v2(4, "dan", null, 0))));
    List<Object> back = Frames.apply(ours, c -> AvroFunctions.from_avro_registry(c, WRITERS, READER));
    assertThat(CanonicalValues.of(back)).containsExactly(EXPECTED.get(1), EXPECTED.get(3));
  }

  @Test
  void aRegistryIdMustBeANonNegativeInt() {
    assertThatThrownBy(() -> AvroFunctions.to_avro_registry(col("x"), -1, V1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  // ---- single-object encoding

  @Test
  void singleObjectMessagesOfTwoWriterVersionsReadAsTheReaderSchema() throws Exception {
    List<byte[]> messages = singleObjectMessages();
    List<Object> generated = Frames.withConfs(Frames.GENERATED,
        () -> Frames.apply(messages, c -> AvroFunctions.from_avro_single_object(c, List.of(V1, V2), READER)));
    List<Object> interpreted = Frames.withConfs(Frames.INTERPRETED, () -> Frames.apply(messages,
        c -> AvroFunctions.from_avro_single_object(c, List.of(V1, V2), READER)));
    assertThat(CanonicalValues.of(generated)).containsExactlyElementsOf(EXPECTED);
    assertThat(CanonicalValues.of(interpreted)).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void singleObjectWriterSchemasComeFromADirectory() throws Exception {
    Files.writeString(dir.resolve("user-v1.avsc"), V1);
    Files.writeString(dir.resolve("user-v2.avsc"), V2);
    List<Object> ours = Frames.apply(singleObjectMessages(),
        c -> AvroFunctions.from_avro_single_object(c, dir.toString(), READER));
    assertThat(CanonicalValues.of(ours)).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void messagesOfTheReaderSchemaNeedNoWriterSchemas() {
    List<Object> ours = Frames.apply(List.of(singleObject(v2(9, "zed", "z@z", 1))),
        c -> AvroFunctions.from_avro_single_object(c, V2));
    assertThat(CanonicalValues.of(ours)).containsExactly("{Long:9, \"zed\", \"z@z\", Integer:1}");
  }

  @Test
  void anUnknownFingerprintFailsNamingItOrGivesNull() {
    long fingerprint = SchemaNormalization.parsingFingerprint64(SparkAvroOracle.parse(V1));
    List<byte[]> messages = List.of(singleObject(v2(1, "a", null, 2)), singleObject(v1(2, "b")));
    assertThatThrownBy(() -> Frames.apply(messages,
        c -> AvroFunctions.from_avro_single_object(c, List.of(V2), READER)))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("no writer schema for fingerprint " + String.format("0x%016x", fingerprint));
    List<Object> ours = Frames.apply(messages,
        c -> AvroFunctions.from_avro_single_object(c, List.of(V2), READER, PERMISSIVE));
    assertThat(CanonicalValues.of(ours)).containsExactly("{Long:1, \"a\", null, \"NZ\"}", "null");
  }

  @Test
  void messagesWithoutTheMarkerFailOrGiveNull() {
    List<byte[]> bad = List.of(registry(1, v1(1, "a")), new byte[] {(byte) 0xC3, 1, 0}, new byte[0]);
    assertThatThrownBy(() -> Frames.apply(bad.subList(0, 1),
        c -> AvroFunctions.from_avro_single_object(c, List.of(V1), READER)))
        .hasStackTraceContaining("not a single-object encoded message");
    assertThat(Frames.apply(bad, c -> AvroFunctions.from_avro_single_object(c, List.of(V1), READER, PERMISSIVE)))
        .containsOnlyNulls().hasSize(3);
  }

  @Test
  void toAvroSingleObjectWritesWhatApacheAvroReads() throws Exception {
    StructType type = new StructType().add("id", DataTypes.IntegerType, false)
        .add("name", DataTypes.StringType, false);
    Dataset<Row> df = Frames.spark().createDataFrame(List.of(RowFactory.create(1, "ann"),
        RowFactory.create(-3, "")), type);
    List<byte[]> ours = ToAvroTest.binaries(df.select(AvroFunctions.to_avro_single_object(
        org.apache.spark.sql.functions.struct(col("*")), V1)));

    BinaryMessageDecoder<GenericRecord> apache = new BinaryMessageDecoder<>(GenericData.get(),
        SparkAvroOracle.parse(V1));
    assertThat(apache.decode(ours.get(0))).isEqualTo(v1(1, "ann"));
    assertThat(apache.decode(ours.get(1))).isEqualTo(v1(-3, ""));
    assertThat(ToAvroTest.hex(ours.get(0))).isEqualTo(ToAvroTest.hex(singleObject(v1(1, "ann"))));
  }

  @Test
  void toAvroSingleObjectWithTheDerivedSchemaCarriesItsFingerprint() {
    StructType type = new StructType().add("id", DataTypes.IntegerType, false);
    Dataset<Row> df = Frames.spark().createDataFrame(List.of(RowFactory.create(5)), type);
    byte[] ours = ToAvroTest.binaries(df.select(AvroFunctions.to_avro_single_object(
        org.apache.spark.sql.functions.struct(col("*"))))).get(0);
    String derived = SparkAvroOracle.derivedSchema(type, false);
    long fingerprint = SchemaNormalization.parsingFingerprint64(SparkAvroOracle.parse(derived));

    assertThat(Arrays.copyOfRange(ours, 0, 10)).isEqualTo(
        ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN).put((byte) 0xC3).put((byte) 1)
            .putLong(fingerprint).array());
    assertThat(CanonicalValues.of(Frames.apply(List.of(ours), c -> AvroFunctions.from_avro_single_object(c, derived))))
        .containsExactly("{Integer:5}");
  }
}
