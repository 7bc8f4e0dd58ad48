package io.lancaster.spark.functions;

import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;

/**
 * Decodes the messages of one {@link DecodeSpec}: reads the writer key from each message's header and runs the
 * {@link DatumDecoder} of that writer schema, compiled the first time a message of that writer arrives and kept
 * for the next. Not thread-safe, like the decoders it holds.
 */
final class MessageDecoder {
  private final Framing framing;
  private final Map<Long, String> writerSchemas;
  private final Schema reader;
  private final DataType type;
  private final DecodeOptions options;
  private final Map<Long, DatumDecoder> decoders = new HashMap<>();
  /** The decoder of the previous message: consecutive messages mostly share their writer. */
  private long lastKey;
  private DatumDecoder last;

  MessageDecoder(DecodeSpec spec, DataType type) {
    this.framing = spec.framing();
    this.writerSchemas = spec.writerSchemas();
    this.reader = Schemas.reader(spec.readerSchema());
    this.type = type;
    this.options = spec.decodeOptions();
  }

  /**
   * The value of {@code message}. A framed message must hold its datum exactly; a plain datum may be followed by
   * bytes, which are ignored as spark-avro ignores them (data written with a schema that appended fields).
   *
   * @throws UnknownWriterSchemaException when the header names a writer schema the spec lacks
   * @throws IOException when the message is not well-formed
   */
  Object decode(byte[] message) throws IOException {
    long key = framing.writerKey(message);
    if (last == null || key != lastKey) {
      DatumDecoder decoder = decoders.get(key);
      if (decoder == null) {
        decoder = compile(key);
        decoders.put(key, decoder);
      }
      last = decoder;
      lastKey = key;
    }
    return last.decode(message, framing.headerLength(), message.length, framing != Framing.PLAIN);
  }

  private DatumDecoder compile(long key) throws UnknownWriterSchemaException {
    String json = writerSchemas.get(key);
    if (json == null) {
      throw new UnknownWriterSchemaException("no writer schema for " + framing.describe(key) + " (known: "
          + writerSchemas.keySet().stream().map(framing::describe).collect(Collectors.joining(", ")) + ")");
    }
    return new DatumDecoder(Schemas.writer(json), reader, type, options);
  }
}
