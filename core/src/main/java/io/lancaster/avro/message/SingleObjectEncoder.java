package io.lancaster.avro.message;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes generic values of one schema in the spec's single-object encoding: {@code C3 01}, the schema's 8-byte
 * little-endian CRC-64-AVRO fingerprint, then the datum's binary encoding. The writer tree and the header are
 * built once.
 *
 * <p>Thread-safe: one instance may serve every thread (as a Kafka serializer must). A message is encoded into a
 * reusable buffer that a call borrows; a call that finds it in use by another thread encodes into a fresh one,
 * so threads never wait on each other. A buffer grown past {@value #MAX_KEPT_BUFFER} bytes by an unusually large
 * datum is not kept.
 */
public final class SingleObjectEncoder {
  /** The largest buffer kept for reuse between calls. */
  static final int MAX_KEPT_BUFFER = 1 << 20;

  private final Schema schema;
  private final long fingerprint;
  private final byte[] header;
  private final GenericDatumWriter writer;
  private final AtomicReference<BufferEncoder> spare = new AtomicReference<>();

  public SingleObjectEncoder(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.fingerprint = Fingerprints.crc64(schema);
    this.header = SingleObjectHeader.of(fingerprint);
    this.writer = new GenericDatumWriter(schema);
  }

  public Schema schema() {
    return schema;
  }

  /** The CRC-64-AVRO fingerprint every message of this encoder carries. */
  public long fingerprint() {
    return fingerprint;
  }

  /**
   * The single-object message of {@code datum}, a generic value of {@link #schema()}.
   *
   * @throws io.lancaster.avro.AvroTypeException when the value does not fit the schema (naming the field)
   */
  public byte[] encode(Object datum) {
    BufferEncoder enc = borrow();
    try {
      writeMessage(datum, enc);
      return enc.toByteArray();
    } finally {
      giveBack(enc);
    }
  }

  /**
   * Writes the single-object message of {@code datum} to {@code out}, in one write call and only once the whole
   * message is encoded, so a value that does not fit the schema leaves nothing on the stream. Does not flush or
   * close {@code out}.
   */
  public void encode(Object datum, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    BufferEncoder enc = borrow();
    try {
      writeMessage(datum, enc);
      enc.buffer().writeTo(out);
    } finally {
      giveBack(enc);
    }
  }

  private void writeMessage(Object datum, BufferEncoder enc) {
    enc.reset();
    enc.buffer().write(header, 0, header.length);
    try {
      writer.write(datum, enc);
    } catch (IOException e) {
      throw new UncheckedIOException("unexpected I/O error while encoding into memory", e);
    }
  }

  private BufferEncoder borrow() {
    BufferEncoder enc = spare.getAndSet(null);
    return enc != null ? enc : new BufferEncoder(new GrowableBytes(256));
  }

  private void giveBack(BufferEncoder enc) {
    if (enc.buffer().array().length <= MAX_KEPT_BUFFER) {
      spare.set(enc);
    }
  }
}
