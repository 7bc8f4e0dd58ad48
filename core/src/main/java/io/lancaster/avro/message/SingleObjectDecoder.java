package io.lancaster.avro.message;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.InputStreamDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads single-object encoded messages as generic values of one reader schema, whatever schema wrote them: the
 * writer schema is found in a {@link SchemaStore} by the fingerprint in the message's header and resolved
 * against the reader schema (schema evolution), once per writer; later messages of that writer only run the
 * compiled reader. Messages of the reader schema itself need nothing from the store.
 *
 * <p>Errors are typed: a payload without the marker is a {@link BadHeaderException}, an unknown fingerprint a
 * {@link MissingSchemaException}, damaged data (truncated, bytes left over) a {@link CorruptDataException} with
 * the offset in the message, a writer schema that cannot be read as the reader schema a
 * {@link io.lancaster.avro.resolve.SchemaResolutionException}, a value the reader schema cannot hold an
 * {@link io.lancaster.avro.resolve.IncompatibleDataException}.
 *
 * <p>Thread-safe: one instance may serve every thread.
 */
public final class SingleObjectDecoder {
  private final Schema readerSchema;
  private final ReadLimits limits;
  private final WriterReaders readers;

  /** Resolves by the spec's rules, with the default read limits. */
  public SingleObjectDecoder(Schema readerSchema, SchemaStore store) {
    this(readerSchema, store, ResolutionOptions.DEFAULT);
  }

  public SingleObjectDecoder(Schema readerSchema, SchemaStore store, ResolutionOptions options) {
    this(readerSchema, store, options, ReadLimits.DEFAULT);
  }

  /** {@code limits} bound what one message may ask for (string lengths, collection sizes, nesting). */
  public SingleObjectDecoder(Schema readerSchema, SchemaStore store, ResolutionOptions options, ReadLimits limits) {
    this.readerSchema = Objects.requireNonNull(readerSchema, "readerSchema");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.readers = new WriterReaders(readerSchema, Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(options, "options"));
  }

  public Schema readerSchema() {
    return readerSchema;
  }

  /** True when {@code message} is long enough for the header and starts with the marker {@code C3 01}. */
  public static boolean isSingleObject(byte[] message) {
    return SingleObjectHeader.isSingleObject(message, 0, message.length);
  }

  /** Decodes a message that fills {@code message} exactly. */
  public Object decode(byte[] message) throws IOException {
    return decode(message, 0, message.length);
  }

  /**
   * Decodes a message that fills {@code buf[off, off+len)} exactly: bytes left after the datum are a
   * {@link CorruptDataException}, since they mean the writer schema or the framing is not what it seems.
   */
  public Object decode(byte[] buf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, buf.length);
    SingleObjectHeader.check(buf, off, len);
    DatumReader<Object> reader = readers.forFingerprint(SingleObjectHeader.readFingerprint(buf, off + 2));
    ByteArrayDecoder in = new ByteArrayDecoder(buf, off, len, limits); // positions count from the message start
    in.setPos(off + SingleObjectHeader.LENGTH);
    Object datum = reader.read(in);
    if (!in.isEnd()) {
      CorruptDataException e = new CorruptDataException(in.remaining() + " trailing byte(s) after the datum: the "
          + "message is " + len + " bytes, its header and datum end at byte " + in.position());
      e.withOffset(in.position());
      throw e;
    }
    return datum;
  }

  /**
   * Decodes the message in the remaining bytes of {@code message}, which must hold it exactly; the buffer's
   * position is left unchanged.
   */
  public Object decode(ByteBuffer message) throws IOException {
    if (message.hasArray()) {
      return decode(message.array(), message.arrayOffset() + message.position(), message.remaining());
    }
    byte[] copy = new byte[message.remaining()];
    message.duplicate().get(copy);
    return decode(copy);
  }

  /**
   * Decodes one message from {@code in}. The message has no length prefix, so the stream is read ahead; a stream
   * that supports {@link InputStream#mark} (a {@link java.io.BufferedInputStream}, a
   * {@link ByteArrayInputStream}) is then moved back to just after the message, so messages written one after
   * another can be read one after another. Any other stream may have been read beyond the message: give it one
   * message only, or wrap it in a BufferedInputStream. Trailing bytes are not an error here. After an error the
   * stream's position is unspecified. The stream is not closed.
   *
   * @throws BadHeaderException also when the stream is already at its end
   */
  public Object decode(InputStream in) throws IOException {
    byte[] header = in.readNBytes(SingleObjectHeader.LENGTH);
    if (header.length == 0) {
      throw new BadHeaderException("not a single-object encoded message (marker C3 01 expected, found the end of "
          + "the stream)");
    }
    SingleObjectHeader.check(header, 0, header.length);
    DatumReader<Object> reader = readers.forFingerprint(SingleObjectHeader.readFingerprint(header, 2));
    boolean rewind = in.markSupported();
    if (rewind) {
      in.mark(Integer.MAX_VALUE);
    }
    // The header goes through the decoder too, so error offsets count from the start of the message.
    InputStreamDecoder dec = new InputStreamDecoder(new SequenceInputStream(new ByteArrayInputStream(header), in),
        limits);
    dec.skipFixed(SingleObjectHeader.LENGTH);
    Object datum = reader.read(dec);
    if (rewind) {
      in.reset();
      in.skipNBytes(dec.position() - SingleObjectHeader.LENGTH);
    }
    return datum;
  }
}
