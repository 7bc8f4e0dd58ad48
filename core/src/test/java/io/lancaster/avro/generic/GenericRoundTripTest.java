package io.lancaster.avro.generic;

import static io.lancaster.avro.testing.AvroJava.assertDeepEquals;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.InputStreamDecoder;
import io.lancaster.avro.io.OutputStreamEncoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of the generic writer and reader on random schemas and data: our writer and reader agree with
 * each other, write the very bytes Apache Avro Java writes for the same datum, read what Apache Avro writes, and
 * skip exactly one datum. Each seed is a reproducible case.
 */
class GenericRoundTripTest {
  private static final RandomSchemas SCHEMAS = new RandomSchemas();
  private static final RandomData DATA = new RandomData();

  static IntStream manySeeds() {
    return IntStream.range(0, 300);
  }

  static IntStream someSeeds() {
    return IntStream.range(1000, 1080);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("manySeeds")
  void writesApacheAvroBytesAndReadsThemBack(int seed) throws IOException {
    Random random = new Random(seed);
    Schema schema = SCHEMAS.next(random);
    org.apache.avro.Schema avro = AvroJava.toAvroStrict(schema);
    GenericDatumWriter writer = new GenericDatumWriter(schema);
    GenericDatumReader reader = new GenericDatumReader(schema);
    for (int i = 0; i < 4; i++) {
      Object datum = DATA.next(schema, random);
      byte[] ours = write(writer, datum);

      ByteArrayDecoder in = new ByteArrayDecoder(ours);
      assertDeepEquals(datum, reader.read(in));
      assertThat(in.isEnd()).as("our reader consumed the whole datum of %s", schema).isTrue();

      Object avroDatum = AvroJava.toAvroDatum(schema, avro, datum);
      byte[] direct = AvroJava.writeAvro(avro, avroDatum, true);
      assertThat(ours).as("our bytes vs Apache Avro's for %s", schema).isEqualTo(direct);
      assertThat(AvroJava.writeAvro(avro, avroDatum, false)).isEqualTo(direct);

      Object readByAvro = AvroJava.readAvro(avro, ours);
      assertDeepEquals(datum, readByAvro);
      // And back: Apache Avro's value, written by Apache Avro, read by us.
      byte[] rewritten = AvroJava.writeAvro(avro, readByAvro, true);
      assertDeepEquals(readByAvro, reader.read(new ByteArrayDecoder(rewritten)));
      assertDeepEquals(datum, AvroJava.fromAvroDatum(schema, avro, readByAvro));
    }
  }

  /** Data made by Apache Avro's own generator (independent of ours), written by Apache Avro, read by us. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("someSeeds")
  void readsDataApacheAvroGenerated(int seed) throws IOException {
    Random random = new Random(seed);
    Schema schema = SCHEMAS.next(random);
    if (SchemaVisitor.isRecursive(schema)) {
      schema = new RandomSchemas(SCHEMAS.options().withRecursion(false)).next(random);
    }
    org.apache.avro.Schema avro = AvroJava.toAvroStrict(schema);
    GenericDatumReader reader = new GenericDatumReader(schema);
    GenericDatumWriter writer = new GenericDatumWriter(schema);
    for (Object avroDatum : new org.apache.avro.util.RandomData(avro, 5, seed)) {
      byte[] theirs = AvroJava.writeAvro(avro, avroDatum, true);
      Object ours = reader.read(new ByteArrayDecoder(theirs));
      assertDeepEquals(avroDatum, ours);
      // Maps may come out in another order, so compare what Apache Avro reads from our bytes, not the bytes.
      assertDeepEquals(avroDatum, AvroJava.readAvro(avro, write(writer, ours)));
    }
  }

  /** Apache Avro's blocking encoder writes arrays and maps as sized blocks with negative counts: read and skip them. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("someSeeds")
  void readsAndSkipsSizedBlocks(int seed) throws IOException {
    Random random = new Random(seed);
    Schema schema = SCHEMAS.next(random);
    org.apache.avro.Schema avro = AvroJava.toAvroStrict(schema);
    GenericDatumReader reader = new GenericDatumReader(schema);
    for (int i = 0; i < 4; i++) {
      Object datum = DATA.next(schema, random);
      byte[] blocked = AvroJava.writeAvroBlocking(avro, AvroJava.toAvroDatum(schema, avro, datum), 64);
      ByteArrayDecoder in = new ByteArrayDecoder(blocked);
      assertDeepEquals(datum, reader.read(in));
      assertThat(in.isEnd()).isTrue();
      ByteArrayDecoder skipping = new ByteArrayDecoder(blocked);
      reader.skip(skipping);
      assertThat(skipping.isEnd()).isTrue();
      InputStreamDecoder stream = new InputStreamDecoder(new Trickle(blocked, random), ReadLimits.DEFAULT, 64);
      reader.skip(stream);
      assertThat(stream.isEnd()).isTrue();
    }
  }

  /** Many datums back to back through the stream encoder and decoder, with small buffers and a trickling stream. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("someSeeds")
  void streamsManyDatumsBackToBack(int seed) throws IOException {
    Random random = new Random(seed);
    Schema schema = SCHEMAS.next(random);
    GenericDatumWriter writer = new GenericDatumWriter(schema);
    List<Object> datums = new ArrayList<>();
    BufferEncoder concatenated = new BufferEncoder();
    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    OutputStreamEncoder out = new OutputStreamEncoder(streamed, 64);
    for (int i = 0; i < 25; i++) {
      Object datum = DATA.next(schema, random);
      datums.add(datum);
      writer.write(datum, concatenated);
      writer.write(datum, out);
    }
    out.flush();
    assertThat(streamed.toByteArray()).isEqualTo(concatenated.toByteArray());

    GenericDatumReader reader = new GenericDatumReader(schema);
    InputStreamDecoder in = new InputStreamDecoder(new Trickle(streamed.toByteArray(), random), ReadLimits.DEFAULT,
        64);
    for (Object datum : datums) {
      assertDeepEquals(datum, reader.read(in));
    }
    assertThat(in.isEnd()).isTrue();
    assertThat(in.position()).isEqualTo((long) concatenated.size());
  }

  /** skip() consumes exactly one datum: alternate skips and reads over concatenated datums, both decoders. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("manySeeds")
  void skipConsumesExactlyOneDatum(int seed) throws IOException {
    Random random = new Random(seed);
    Schema schema = SCHEMAS.next(random);
    GenericDatumWriter writer = new GenericDatumWriter(schema);
    GenericDatumReader reader = new GenericDatumReader(schema);
    List<Object> datums = new ArrayList<>();
    List<Long> ends = new ArrayList<>();
    BufferEncoder enc = new BufferEncoder();
    for (int i = 0; i < 6; i++) {
      Object datum = DATA.next(schema, random);
      datums.add(datum);
      writer.write(datum, enc);
      ends.add((long) enc.size());
    }
    byte[] bytes = enc.toByteArray();

    ByteArrayDecoder array = new ByteArrayDecoder(bytes);
    for (int i = 0; i < datums.size(); i++) {
      reader.skip(array);
      assertThat(array.position()).as("after skipping datum %d of %s", i, schema).isEqualTo(ends.get(i));
    }

    InputStreamDecoder stream = new InputStreamDecoder(new Trickle(bytes, random), ReadLimits.DEFAULT, 64);
    for (int i = 0; i < datums.size(); i++) {
      if (i % 2 == 0) {
        reader.skip(stream);
      } else {
        assertDeepEquals(datums.get(i), reader.read(stream));
      }
      assertThat(stream.position()).as("after datum %d of %s", i, schema).isEqualTo(ends.get(i));
    }
    assertThat(stream.isEnd()).isTrue();
  }

  private static byte[] write(GenericDatumWriter writer, Object datum) throws IOException {
    BufferEncoder enc = new BufferEncoder();
    writer.write(datum, enc);
    return enc.toByteArray();
  }

  /** A stream that hands out at most a few bytes per read, as sockets do. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream in;
    private final Random random;

    Trickle(byte[] bytes, Random random) {
      this.in = new ByteArrayInputStream(bytes);
      this.random = random;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1 + random.nextInt(7)));
    }
  }
}
