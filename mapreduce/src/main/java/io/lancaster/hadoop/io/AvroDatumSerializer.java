package io.lancaster.hadoop.io;

import io.lancaster.avro.generic.DatumWriter;
import io.lancaster.avro.io.OutputStreamEncoder;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.io.serializer.Serializer;

/**
 * Writes each wrapped datum in Avro's binary encoding, nothing around it. Every datum is flushed to the stream
 * before {@link #serialize} returns: Hadoop's map output buffer measures a key by where the stream stands after
 * it. One encoder (and its buffer) serves every datum of the stream.
 */
final class AvroDatumSerializer implements Serializer<AvroWrapper<?>> {
  private final DatumWriter<Object> writer;
  private OutputStream out;
  private OutputStreamEncoder encoder;

  AvroDatumSerializer(DatumWriter<Object> writer) {
    this.writer = writer;
  }

  @Override
  public void open(OutputStream out) {
    this.out = out;
    this.encoder = new OutputStreamEncoder(out);
  }

  @Override
  public void serialize(AvroWrapper<?> wrapper) throws IOException {
    writer.write(wrapper.datum(), encoder);
    encoder.flush();
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      encoder.flush();
      out.close();
    }
  }
}
