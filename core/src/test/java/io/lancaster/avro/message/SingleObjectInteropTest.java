package io.lancaster.avro.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Single-object messages agree with Apache Avro 1.12.1's {@code BinaryMessageEncoder} and
 * {@code BinaryMessageDecoder} (over {@code GenericData.get()}, the decoder with a {@code SchemaStore.Cache}) on
 * seeded random schemas (any top-level type, recursive and logical types) and data: both write the same bytes,
 * each reads the other's messages to equal values, and messages written back to back on a stream read one by one.
 */
class SingleObjectInteropTest {
  private static final int CASES = 50;
  private static final int VALUES = 6;
  private static final RandomSchemas SCHEMAS = new RandomSchemas();
  private static final RandomData DATA = new RandomData(4, 4);

  record Case(int seed, Schema schema, List<Object> values) {
    @Override
    public String toString() {
      return "seed " + seed + ", schema " + schema;
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, CASES);
  }

  static Case newCase(int seed) {
    Random random = new Random(0x5_1A6E_0B1EL + seed);
    Schema schema = SCHEMAS.next(random);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < VALUES; i++) {
      values.add(DATA.next(schema, random));
    }
    return new Case(seed, schema, values);
  }

  private static BinaryMessageDecoder<Object> apacheDecoder(org.apache.avro.Schema avro) {
    org.apache.avro.message.SchemaStore.Cache cache = new org.apache.avro.message.SchemaStore.Cache();
    cache.addSchema(avro);
    return new BinaryMessageDecoder<>(GenericData.get(), avro, cache);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothWriteTheSameBytesAndReadEachOthersMessages(int seed) throws IOException {
    Case c = newCase(seed);
    org.apache.avro.Schema avro = AvroJava.toAvro(c.schema());
    assertThat(Fingerprints.crc64(c.schema())).as("%s", c).isEqualTo(SchemaNormalization.parsingFingerprint64(avro));
    SingleObjectEncoder ours = new SingleObjectEncoder(c.schema());
    SingleObjectDecoder ourDecoder = new SingleObjectDecoder(c.schema(), new InMemorySchemaStore());
    BinaryMessageEncoder<Object> theirs = new BinaryMessageEncoder<>(GenericData.get(), avro);
    BinaryMessageDecoder<Object> theirDecoder = apacheDecoder(avro);

    for (Object value : c.values()) {
      byte[] mine = ours.encode(value);
      byte[] apache = bytes(theirs.encode(AvroJava.toAvroDatum(c.schema(), avro, value)));
      assertThat(mine).as("%s, value %s", c, value).isEqualTo(apache);
      AvroJava.assertDeepEquals(value, theirDecoder.decode(mine));
      AvroJava.assertDeepEquals(value, ourDecoder.decode(apache));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void messagesBackToBackOnAStreamReadOneByOne(int seed) throws IOException {
    Case c = newCase(seed);
    org.apache.avro.Schema avro = AvroJava.toAvro(c.schema());
    ByteArrayOutputStream mine = new ByteArrayOutputStream();
    ByteArrayOutputStream apache = new ByteArrayOutputStream();
    SingleObjectEncoder ours = new SingleObjectEncoder(c.schema());
    BinaryMessageEncoder<Object> theirs = new BinaryMessageEncoder<>(GenericData.get(), avro);
    for (Object value : c.values()) {
      ours.encode(value, mine);
      theirs.encode(AvroJava.toAvroDatum(c.schema(), avro, value), apache);
    }
    assertThat(mine.toByteArray()).as("%s", c).isEqualTo(apache.toByteArray());

    BinaryMessageDecoder<Object> theirDecoder = apacheDecoder(avro);
    SingleObjectDecoder ourDecoder = new SingleObjectDecoder(c.schema(), new InMemorySchemaStore(c.schema()));
    InputStream forApache = new ByteArrayInputStream(mine.toByteArray());
    InputStream forUs = new ByteArrayInputStream(apache.toByteArray());
    for (Object value : c.values()) {
      AvroJava.assertDeepEquals(value, theirDecoder.decode(forApache));
      AvroJava.assertDeepEquals(value, ourDecoder.decode(forUs));
    }
    assertThat(forApache.read()).isEqualTo(-1);
    assertThat(forUs.read()).isEqualTo(-1);
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
