package io.lancaster.hadoop.io;

import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.InputStreamDecoder;
import io.lancaster.avro.io.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.serializer.Deserializer;

/**
 * Reads one datum per call and leaves the stream just past it, never further: Hadoop may read the stream itself
 * between calls, and its shuffle points one {@link DataInputBuffer} at each record in turn without reopening the
 * deserializer.
 *
 * <p>The core's {@link InputStreamDecoder} reads ahead into its own buffer, so it is not used on the stream
 * directly. A {@link DataInputBuffer} (what Hadoop's shuffle, combiner and SequenceFile reader pass) is decoded in
 * place from its array by a reused {@link ByteArrayDecoder}, bounded by the buffer's end, and then advanced by
 * exactly the bytes the datum took. Any other stream must support mark/reset: it is marked, decoded, reset and
 * advanced by the bytes consumed.
 */
final class AvroDatumDeserializer implements Deserializer<AvroWrapper<?>> {
  private final DatumReader<Object> reader;
  private final boolean key;
  private final ByteArrayDecoder arrayDecoder = new ByteArrayDecoder(new byte[0]);
  private InputStream in;

  AvroDatumDeserializer(DatumReader<Object> reader, boolean key) {
    this.reader = reader;
    this.key = key;
  }

  @Override
  public void open(InputStream in) {
    if (!(in instanceof DataInputBuffer) && !in.markSupported()) {
      throw new IllegalArgumentException("Avro map output is read one datum at a time, so the stream must be a"
          + " DataInputBuffer or support mark/reset (wrap it in a BufferedInputStream); "
          + in.getClass().getName() + " does neither");
    }
    this.in = in;
  }

  @Override
  @SuppressWarnings("unchecked")
  public AvroWrapper<?> deserialize(AvroWrapper<?> reuse) throws IOException {
    Object datum = in instanceof DataInputBuffer buffer ? readInPlace(buffer) : readMarked(in);
    AvroWrapper<Object> wrapper = (AvroWrapper<Object>) reuse;
    if (wrapper == null) {
      wrapper = key ? new AvroKey<>() : new AvroValue<>();
    }
    wrapper.datum(datum);
    return wrapper;
  }

  private Object readInPlace(DataInputBuffer buffer) throws IOException {
    int start = buffer.getPosition();
    arrayDecoder.reset(buffer.getData(), start, buffer.getLength() - start);
    Object datum = reader.read(arrayDecoder);
    buffer.skipBytes((int) arrayDecoder.position());
    return datum;
  }

  private Object readMarked(InputStream stream) throws IOException {
    stream.mark(Integer.MAX_VALUE);
    InputStreamDecoder decoder = new InputStreamDecoder(stream, ReadLimits.DEFAULT, 512);
    Object datum = reader.read(decoder);
    stream.reset();
    stream.skipNBytes(decoder.position());
    return datum;
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
