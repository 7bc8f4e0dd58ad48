package io.lancaster.avro.message;

import static io.lancaster.avro.message.MessageSchemas.V1;
import static io.lancaster.avro.message.MessageSchemas.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The layout of the messages {@link SingleObjectEncoder} writes, its stream form, and its buffer sharing. */
class SingleObjectEncoderTest {

  @Test
  void messageIsMarkerLittleEndianFingerprintAndBinaryDatum() throws IOException {
    GenericRecord datum = v1(7, "Ada", "GREEN", "x");
    SingleObjectEncoder encoder = new SingleObjectEncoder(V1);
    byte[] message = encoder.encode(datum);

    assertThat(message[0]).isEqualTo((byte) 0xC3);
    assertThat(message[1]).isEqualTo((byte) 0x01);
    long fp = Fingerprints.crc64(V1);
    assertThat(encoder.fingerprint()).isEqualTo(fp);
    assertThat(ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).getLong(2)).isEqualTo(fp);
    assertThat(Arrays.copyOfRange(message, 2, 10)).isEqualTo(Fingerprints.fingerprint("CRC-64-AVRO", V1));
    assertThat(Arrays.copyOfRange(message, 10, message.length)).isEqualTo(AvroJava.write(V1, datum));
    assertThat(SingleObjectHeader.fingerprint(message, 0, message.length)).isEqualTo(fp);
  }

  @Test
  void anyTopLevelTypeIsEncoded() {
    Schema string = MessageSchemas.parse("\"string\"");
    byte[] message = new SingleObjectEncoder(string).encode("hé");
    assertThat(message).hasSize(10 + 1 + 3);
    assertThat(Arrays.copyOfRange(message, 10, message.length)).containsExactly(6, 'h', 0xC3 - 256, 0xA9 - 256);

    Schema nul = MessageSchemas.parse("\"null\"");
    assertThat(new SingleObjectEncoder(nul).encode(null)).hasSize(10);
  }

  @Test
  void streamFormWritesTheSameBytesAndAppends() throws IOException {
    SingleObjectEncoder encoder = new SingleObjectEncoder(V1);
    GenericRecord a = v1(1, "a", "RED", "");
    GenericRecord b = v1(-2, "bb", "BLUE", "legacy value");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder.encode(a, out);
    encoder.encode(b, out);
    byte[] expected = concat(encoder.encode(a), encoder.encode(b));
    assertThat(out.toByteArray()).isEqualTo(expected);
  }

  @Test
  void valueThatDoesNotFitLeavesNothingOnTheStream() throws IOException {
    SingleObjectEncoder encoder = new SingleObjectEncoder(V1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GenericRecord bad = v1(1, "a", "RED", "x").put("legacy", 42); // an int where the schema says string
    assertThatThrownBy(() -> encoder.encode(bad, out)).isInstanceOf(AvroTypeException.class)
        .hasMessageContaining("legacy");
    assertThat(out.size()).isZero();
    // The encoder is still usable and its buffer holds no leftovers.
    GenericRecord good = v1(1, "a", "RED", "x");
    assertThat(encoder.encode(good)).isEqualTo(new SingleObjectEncoder(V1).encode(good));
  }

  @Test
  void reusedBufferNeverLeaksBytesOfAnEarlierMessage() {
    SingleObjectEncoder encoder = new SingleObjectEncoder(V1);
    byte[] big = encoder.encode(v1(1, "x".repeat(5000), "RED", "y".repeat(3000)));
    byte[] small = encoder.encode(v1(2, "s", "GREEN", ""));
    assertThat(big).hasSize(10 + 1 + 2 + 5000 + 1 + 2 + 3000);
    assertThat(small).isEqualTo(new SingleObjectEncoder(V1).encode(v1(2, "s", "GREEN", "")));
  }

  @Test
  void oneEncoderServesManyThreads() throws Exception {
    Random random = new Random(77);
    Schema schema = new RandomSchemas(RandomSchemas.Options.DEFAULT.withRecordPercent(100)).next(random);
    RandomData data = new RandomData(6, 4);
    List<Object> values = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Object v = data.next(schema, random);
      values.add(v);
      expected.add(new SingleObjectEncoder(schema).encode(v));
    }
    SingleObjectEncoder shared = new SingleObjectEncoder(schema);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<byte[]>>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        tasks.add(() -> {
          List<byte[]> out = new ArrayList<>();
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < values.size(); i++) {
              out.add(shared.encode(values.get((i + offset * 50) % values.size())));
            }
          }
          return out;
        });
      }
      List<Future<List<byte[]>>> results = pool.invokeAll(tasks);
      for (int t = 0; t < 4; t++) {
        List<byte[]> got = results.get(t).get();
        for (int j = 0; j < got.size(); j++) {
          int i = (j % values.size() + t * 50) % values.size();
          assertThat(got.get(j)).as("thread %d, message %d", t, j).isEqualTo(expected.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
