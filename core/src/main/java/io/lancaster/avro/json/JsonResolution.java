package io.lancaster.avro.json;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;

/**
 * Turns a value of the writer's schema into one of the reader's by the spec's resolution rules. It takes the
 * simplest correct route: encode the value in Avro binary with the writer schema, then read the bytes back with a
 * {@link ResolvingDatumReader}, so JSON resolves exactly as binary data does with no second implementation of the
 * rules. The extra copy costs little next to JSON parsing, and JSON is not a hot path. Thread-safe: each datum
 * gets its own buffer.
 */
final class JsonResolution {
  private final GenericDatumWriter writer;
  private final ResolvingDatumReader reader;
  private final ReadLimits limits;

  /** @throws io.lancaster.avro.resolve.SchemaResolutionException when the pair cannot resolve */
  JsonResolution(Schema writerSchema, Schema readerSchema, ResolutionOptions options, int maxNestingDepth) {
    this.reader = new ResolvingDatumReader(writerSchema, readerSchema, options);
    this.writer = new GenericDatumWriter(writerSchema);
    // The bytes are our own, already in memory: only the recursion depth needs a bound, and the JSON had it.
    this.limits = ReadLimits.DEFAULT.withMaxCollectionItems(Long.MAX_VALUE)
        .withMaxDataDepth(Math.max(ReadLimits.DEFAULT.maxDataDepth(), maxNestingDepth));
  }

  /** @throws io.lancaster.avro.resolve.IncompatibleDataException when the value has no reader counterpart */
  Object resolve(Object writerValue) throws IOException {
    BufferEncoder encoder = new BufferEncoder();
    writer.write(writerValue, encoder);
    return reader.read(new ByteArrayDecoder(encoder.buffer().array(), 0, encoder.size(), limits));
  }
}
