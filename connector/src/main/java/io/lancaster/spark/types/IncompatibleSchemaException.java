package io.lancaster.spark.types;

/** An Avro schema that has no Spark SQL type (as spark-avro's own {@code IncompatibleSchemaException}). */
public class IncompatibleSchemaException extends IllegalArgumentException {
  public IncompatibleSchemaException(String message) {
    super(message);
  }

  public IncompatibleSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
