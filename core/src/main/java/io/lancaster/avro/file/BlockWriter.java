package io.lancaster.avro.file;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.io.Varints;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes data blocks to a container file's output: compresses the encoded records, then writes the record count,
 * the byte size, the data and the sync marker. Counts the bytes written, so the writer knows where each block
 * starts.
 */
final class BlockWriter {
  private final OutputStream out;
  private final Codec codec;
  private final boolean nullCodec;
  private final byte[] sync;
  private final GrowableBytes compressed = new GrowableBytes(64 * 1024);
  private final byte[] head = new byte[2 * Varints.MAX_LONG_BYTES];
  private long position;

  BlockWriter(OutputStream out, Codec codec, byte[] sync, long position) {
    this.out = out;
    this.codec = codec;
    this.nullCodec = CodecFactory.NULL.equals(codec.name());
    this.sync = sync.clone();
    this.position = position;
  }

  /** Bytes written to the file so far (including what preceded this writer, when appending). */
  long position() {
    return position;
  }

  /** Writes raw bytes that are not a block: the header. */
  void writeRaw(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    position += len;
  }

  /** Writes one block of {@code count} records encoded in {@code data[0, len)}. */
  void writeBlock(long count, byte[] data, int len) throws IOException {
    byte[] body = data;
    int size = len;
    if (!nullCodec) {
      codec.compress(data, 0, len, compressed);
      body = compressed.array();
      size = compressed.size();
    }
    int h = Varints.writeLong(head, 0, count);
    h = Varints.writeLong(head, h, size);
    out.write(head, 0, h);
    out.write(body, 0, size);
    out.write(sync);
    position += h + size + sync.length;
  }

  void flush() throws IOException {
    out.flush();
  }

  void close() throws IOException {
    try {
      out.close();
    } finally {
      codec.close();
    }
  }
}
