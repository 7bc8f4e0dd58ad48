package io.lancaster.hive.schema;

/**
 * The table's Avro schema cannot be determined or mapped to Hive types: a missing or invalid schema property, an
 * unreachable schema URL, a type Hive cannot hold. The message names the property or the column.
 */
public class TableSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TableSchemaException(String message) {
    super(message);
  }

  public TableSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
