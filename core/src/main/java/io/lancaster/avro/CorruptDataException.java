package io.lancaster.avro;

/**
 * Encoded data that cannot be valid Avro: a truncated block, a bad magic or sync marker, a negative length,
 * an out-of-range union index or enum ordinal, a checksum mismatch.
 */
public class CorruptDataException extends AvroDataException {
  public CorruptDataException(String detail) {
    super(detail);
  }

  public CorruptDataException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
