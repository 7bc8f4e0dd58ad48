package io.lancaster.avro.message;

import io.lancaster.avro.AvroDataException;

/**
 * A well-formed message whose writer-schema fingerprint the {@link SchemaStore} does not know. The data may be
 * fine: the store may need the schema added (or a refresh), so the fingerprint is kept for the caller.
 */
public class MissingSchemaException extends AvroDataException {
  private final long fingerprint;

  public MissingSchemaException(long fingerprint) {
    super("no schema with fingerprint " + SingleObjectHeader.hex(fingerprint)
        + " (CRC-64-AVRO) in the schema store, nor is it the reader schema's");
    this.fingerprint = fingerprint;
  }

  /** The CRC-64-AVRO fingerprint the message named. */
  public long fingerprint() {
    return fingerprint;
  }
}
