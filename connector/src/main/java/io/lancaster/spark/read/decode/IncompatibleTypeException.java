package io.lancaster.spark.read.decode;

/**
 * An Avro type that cannot be read as the requested Spark type (for example a string column requested as int in a
 * user-given schema). Raised when a file's decoder is compiled, before any record is read.
 */
public final class IncompatibleTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public IncompatibleTypeException(String message) {
    super(message);
  }
}
