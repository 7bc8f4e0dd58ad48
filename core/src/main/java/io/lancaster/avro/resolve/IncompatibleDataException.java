package io.lancaster.avro.resolve;

import io.lancaster.avro.AvroDataException;

/**
 * A value that the reader schema cannot hold actually occurred in the data: a writer union branch with no
 * matching reader branch, or an enum symbol the reader does not know and has no default for. The spec makes
 * these errors only when such a value is read, so data without them reads fine.
 */
public class IncompatibleDataException extends AvroDataException {
  public IncompatibleDataException(String detail) {
    super(detail);
  }
}
