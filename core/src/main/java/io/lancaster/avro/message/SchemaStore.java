package io.lancaster.avro.message;

import io.lancaster.avro.schema.Schema;

/**
 * Where a {@link SingleObjectDecoder} finds the writer schema of a message, by the CRC-64-AVRO fingerprint the
 * message carries. Implementations must be safe to call from several threads.
 */
@FunctionalInterface
public interface SchemaStore {
  /** The schema whose Parsing Canonical Form has this CRC-64-AVRO fingerprint, or null when unknown. */
  Schema findByFingerprint(long crc64);
}
