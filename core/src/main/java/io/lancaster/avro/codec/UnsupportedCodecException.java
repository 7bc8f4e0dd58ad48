package io.lancaster.avro.codec;

import io.lancaster.avro.AvroException;

/** A codec name that Lancaster does not know, in a file's {@code avro.codec} metadata or in a user option. */
public class UnsupportedCodecException extends AvroException {
  private final String codecName;

  public UnsupportedCodecException(String codecName, String message) {
    super(message);
    this.codecName = codecName;
  }

  /** The name that was not recognised. */
  public String codecName() {
    return codecName;
  }
}
