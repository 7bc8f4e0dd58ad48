package io.lancaster.avro.message;

import io.lancaster.avro.CorruptDataException;

/**
 * A payload that does not start with the single-object header: the marker {@code C3 01} is missing or the
 * payload ends before the 8-byte fingerprint. It is not Avro in this format, so no schema lookup is attempted.
 */
public class BadHeaderException extends CorruptDataException {
  public BadHeaderException(String detail) {
    super(detail);
  }
}
