package io.lancaster.avro.message;

import static io.lancaster.avro.message.MessageSchemas.V1;
import static io.lancaster.avro.message.MessageSchemas.V2;
import static io.lancaster.avro.message.MessageSchemas.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.schema.Fingerprints;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link SingleObjectDecoder} on well-formed messages in every input form, and the typed error for each way a
 * payload can be wrong: no marker, short header, unknown fingerprint, truncated datum, trailing bytes, limits.
 */
class SingleObjectDecoderTest {
  private static final GenericRecord ADA = v1(7, "Ada", "GREEN", "x");
  private static final byte[] MESSAGE = new SingleObjectEncoder(V1).encode(ADA);

  private static SingleObjectDecoder decoder() {
    return new SingleObjectDecoder(V1, new InMemorySchemaStore());
  }

  @Test
  void decodesFromArraySliceByteBufferAndStream() throws IOException {
    SingleObjectDecoder decoder = decoder();
    assertThat(decoder.decode(MESSAGE)).isEqualTo(ADA);

    byte[] padded = new byte[MESSAGE.length + 7];
    System.arraycopy(MESSAGE, 0, padded, 3, MESSAGE.length);
    padded[0] = 99;
    padded[padded.length - 1] = 42;
    assertThat(decoder.decode(padded, 3, MESSAGE.length)).isEqualTo(ADA);

    ByteBuffer heap = ByteBuffer.wrap(padded, 3, MESSAGE.length).slice();
    assertThat(decoder.decode(heap)).isEqualTo(ADA);
    assertThat(heap.position()).isZero();
    ByteBuffer direct = ByteBuffer.allocateDirect(MESSAGE.length).put(MESSAGE).flip();
    assertThat(decoder.decode(direct)).isEqualTo(ADA);
    assertThat(direct.remaining()).isEqualTo(MESSAGE.length);

    assertThat(decoder.decode(new ByteArrayInputStream(MESSAGE))).isEqualTo(ADA);
    assertThat(decoder.decode(new NoMark(new ByteArrayInputStream(MESSAGE)))).isEqualTo(ADA);
  }

  @Test
  void decodedRecordHasTheReaderSchema() throws IOException {
    GenericRecord r = (GenericRecord) decoder().decode(MESSAGE);
    assertThat(r.schema()).isSameAs(V1);
    assertThat(r.get("id")).isEqualTo(7);
    assertThat(r.get("name")).isEqualTo("Ada");
    assertThat(r.get("color").toString()).isEqualTo("GREEN");
  }

  @Test
  void markableStreamIsLeftJustAfterEachMessage() throws IOException {
    SingleObjectEncoder encoder = new SingleObjectEncoder(V1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GenericRecord[] records = new GenericRecord[20];
    for (int i = 0; i < records.length; i++) {
      records[i] = v1(i * 1000, "user " + i, i % 2 == 0 ? "RED" : "BLUE", "z".repeat(i * 300));
      encoder.encode(records[i], out);
    }
    out.write(0x7F); // not a message: must still be in the stream after the last one
    SingleObjectDecoder decoder = decoder();
    // A small buffer forces BufferedInputStream to grow while the mark is held.
    for (InputStream in : new InputStream[] {new ByteArrayInputStream(out.toByteArray()),
        new BufferedInputStream(new ByteArrayInputStream(out.toByteArray()), 16)}) {
      for (GenericRecord expected : records) {
        assertThat(decoder.decode(in)).isEqualTo(expected);
      }
      assertThat(in.read()).isEqualTo(0x7F);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void isSingleObjectChecksMarkerAndLength() {
    assertThat(SingleObjectDecoder.isSingleObject(MESSAGE)).isTrue();
    assertThat(SingleObjectDecoder.isSingleObject(Arrays.copyOf(MESSAGE, 10))).isTrue();
    assertThat(SingleObjectDecoder.isSingleObject(Arrays.copyOf(MESSAGE, 9))).isFalse();
    assertThat(SingleObjectDecoder.isSingleObject(new byte[0])).isFalse();
    byte[] v2marker = MESSAGE.clone();
    v2marker[1] = 2;
    assertThat(SingleObjectDecoder.isSingleObject(v2marker)).isFalse();
    assertThat(SingleObjectDecoder.isSingleObject("{\"id\": 7, \"name\": \"Ada\"}".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void payloadWithoutMarkerIsBadHeader() {
    byte[] json = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decoder().decode(json)).isInstanceOf(BadHeaderException.class)
        .isInstanceOf(CorruptDataException.class)
        .hasMessage("not a single-object encoded message (marker C3 01 expected, found 7B 22)");
    assertThatThrownBy(() -> decoder().decode(new ByteArrayInputStream(json))).isInstanceOf(BadHeaderException.class)
        .hasMessageContaining("found 7B 22");
    assertThatThrownBy(() -> decoder().decode(new byte[0])).isInstanceOf(BadHeaderException.class)
        .hasMessageContaining("not a single-object encoded message").hasMessageContaining("empty payload");
    assertThatThrownBy(() -> decoder().decode(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(BadHeaderException.class).hasMessageContaining("found the end of the stream");
    byte[] version2 = MESSAGE.clone();
    version2[1] = 2;
    assertThatThrownBy(() -> decoder().decode(version2)).isInstanceOf(BadHeaderException.class)
        .hasMessageContaining("found C3 02");
    byte[] containerFile = {'O', 'b', 'j', 1, 0, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> decoder().decode(containerFile)).isInstanceOf(BadHeaderException.class)
        .hasMessageContaining("found 4F 62");
  }

  @Test
  void headerCutShortIsBadHeader() {
    for (int len = 1; len < SingleObjectHeader.LENGTH; len++) {
      byte[] cut = Arrays.copyOf(MESSAGE, len);
      assertThatThrownBy(() -> decoder().decode(cut)).as("%d bytes", len).isInstanceOf(BadHeaderException.class)
          .hasMessageContaining(len == 1 ? "truncated single-object header: 1 byte(s)" : "truncated single-object");
      assertThatThrownBy(() -> decoder().decode(new ByteArrayInputStream(cut))).as("stream of %d bytes", len)
          .isInstanceOf(BadHeaderException.class).hasMessageContaining("truncated single-object header");
    }
  }

  @Test
  void unknownFingerprintIsMissingSchemaNamingItInHex() {
    byte[] v2message = new SingleObjectEncoder(V2).encode(MessageSchemas.v2(1, "b", null, "RED"));
    long fp = Fingerprints.crc64(V2);
    assertThatThrownBy(() -> decoder().decode(v2message)).isInstanceOf(MissingSchemaException.class)
        .hasMessageContaining(String.format("0x%016x", fp))
        .asInstanceOf(type(MissingSchemaException.class))
        .extracting(MissingSchemaException::fingerprint).isEqualTo(fp);
    assertThatThrownBy(() -> decoder().decode(new ByteArrayInputStream(v2message)))
        .isInstanceOf(MissingSchemaException.class);
  }

  @Test
  void truncatedDatumIsCorruptDataAtAnOffsetInTheMessage() {
    for (int len = SingleObjectHeader.LENGTH; len < MESSAGE.length; len++) {
      byte[] cut = Arrays.copyOf(MESSAGE, len);
      int n = len;
      assertThatThrownBy(() -> decoder().decode(cut)).as("%d of %d bytes", len, MESSAGE.length)
          .isExactlyInstanceOf(CorruptDataException.class).hasMessageContaining("truncated")
          .asInstanceOf(type(CorruptDataException.class))
          .satisfies(e -> assertThat(e.offset()).isBetween((long) SingleObjectHeader.LENGTH, (long) n));
      assertThatThrownBy(() -> decoder().decode(new ByteArrayInputStream(cut))).as("stream of %d bytes", len)
          .isExactlyInstanceOf(CorruptDataException.class).hasCauseInstanceOf(EOFException.class)
          .asInstanceOf(type(CorruptDataException.class))
          .satisfies(e -> assertThat(e.offset()).isBetween((long) SingleObjectHeader.LENGTH, (long) n));
    }
  }

  @Test
  void trailingBytesAreCorruptData() {
    byte[] longer = Arrays.copyOf(MESSAGE, MESSAGE.length + 3);
    assertThatThrownBy(() -> decoder().decode(longer)).isExactlyInstanceOf(CorruptDataException.class)
        .hasMessageContaining("3 trailing byte(s) after the datum")
        .asInstanceOf(type(CorruptDataException.class))
        .extracting(CorruptDataException::offset).isEqualTo((long) MESSAGE.length);
    assertThatThrownBy(() -> decoder().decode(longer, 0, MESSAGE.length + 1))
        .hasMessageContaining("1 trailing byte(s)");
  }

  @Test
  void readLimitsApplyToTheDatum() {
    SingleObjectDecoder strict = new SingleObjectDecoder(V1, new InMemorySchemaStore(), ResolutionOptions.DEFAULT,
        ReadLimits.DEFAULT.withMaxStringLength(2));
    assertThatThrownBy(() -> strict.decode(MESSAGE)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("maxStringLength");
  }

  @Test
  void storeIsNotAskedForTheReaderSchemaOwnFingerprint() throws IOException {
    SchemaStore failing = fp -> {
      throw new AssertionError("store asked for " + fp);
    };
    assertThat(new SingleObjectDecoder(V1, failing).decode(MESSAGE)).isEqualTo(ADA);
  }

  @Test
  void storeReturningTheWrongSchemaIsReported() {
    byte[] v2message = new SingleObjectEncoder(V2).encode(MessageSchemas.v2(1, "b", null, "RED"));
    SchemaStore wrong = fp -> MessageSchemas.V1_READER;
    assertThatThrownBy(() -> new SingleObjectDecoder(V1, wrong).decode(v2message))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(String.format("0x%016x", Fingerprints.crc64(V2)))
        .hasMessageContaining(String.format("0x%016x", Fingerprints.crc64(MessageSchemas.V1_READER)));
  }

  /** A stream that cannot mark, as a socket's. */
  private static final class NoMark extends FilterInputStream {
    NoMark(InputStream in) {
      super(in);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
