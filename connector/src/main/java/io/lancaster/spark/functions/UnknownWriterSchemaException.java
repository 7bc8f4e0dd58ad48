package io.lancaster.spark.functions;

import io.lancaster.avro.AvroDataException;

/**
 * A well-framed message whose header names a writer schema (a schema-registry id, a fingerprint) the function was
 * not given. The data may be fine: the function needs that schema among its writer schemas.
 */
public class UnknownWriterSchemaException extends AvroDataException {
  public UnknownWriterSchemaException(String detail) {
    super(detail);
  }
}
