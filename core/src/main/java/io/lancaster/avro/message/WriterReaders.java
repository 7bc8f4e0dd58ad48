package io.lancaster.avro.message;

import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The datum readers of one reader schema, one per writer fingerprint, each compiled the first time a message of
 * that writer arrives and kept for the next. The reader schema's own fingerprint is always known, whatever the
 * store holds. A fingerprint the store does not know is not remembered, so a store that learns it later (a
 * refresh) is asked again.
 */
final class WriterReaders {
  private final Schema reader;
  private final SchemaStore store;
  private final ResolutionOptions options;
  private final ConcurrentMap<Long, DatumReader<Object>> byFingerprint = new ConcurrentHashMap<>();

  WriterReaders(Schema reader, SchemaStore store, ResolutionOptions options) {
    this.reader = reader;
    this.store = store;
    this.options = options;
    byFingerprint.put(Fingerprints.crc64(reader), new GenericDatumReader(reader));
  }

  /**
   * The reader for messages written with the schema of fingerprint {@code fp}.
   *
   * @throws MissingSchemaException when neither the store nor the reader schema has that fingerprint
   * @throws io.lancaster.avro.resolve.SchemaResolutionException when the writer schema cannot be read as the
   *     reader schema
   */
  DatumReader<Object> forFingerprint(long fp) throws MissingSchemaException {
    DatumReader<Object> known = byFingerprint.get(fp);
    if (known != null) {
      return known;
    }
    Schema writer = store.findByFingerprint(fp);
    if (writer == null) {
      throw new MissingSchemaException(fp);
    }
    long actual = Fingerprints.crc64(writer);
    if (actual != fp) {
      throw new IllegalStateException("the schema store returned, for fingerprint " + SingleObjectHeader.hex(fp)
          + ", a schema whose fingerprint is " + SingleObjectHeader.hex(actual) + ": " + writer);
    }
    // Compiled outside the map's lock: two threads may both build the first reader of a writer; one is kept.
    DatumReader<Object> built = new ResolvingDatumReader(writer, reader, options);
    DatumReader<Object> raced = byFingerprint.putIfAbsent(fp, built);
    return raced != null ? raced : built;
  }

  /** How many writer schemas have a compiled reader, the reader schema's own included. */
  int size() {
    return byFingerprint.size();
  }
}
