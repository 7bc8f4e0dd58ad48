package io.lancaster.avro;

/** A schema text that is not a valid Avro schema; the message names the offending name, field or attribute. */
public class SchemaParseException extends AvroException {
  public SchemaParseException(String message) {
    super(message);
  }

  public SchemaParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
