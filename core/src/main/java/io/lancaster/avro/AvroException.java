package io.lancaster.avro;

/** Base of Lancaster's unchecked errors: a schema or a datum that breaks the Avro specification. */
public class AvroException extends RuntimeException {
  public AvroException(String message) {
    super(message);
  }

  public AvroException(String message, Throwable cause) {
    super(message, cause);
  }
}
