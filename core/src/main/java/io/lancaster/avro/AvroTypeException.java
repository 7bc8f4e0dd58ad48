package io.lancaster.avro;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A value that does not fit the schema it is written with, e.g. a string where the schema says int. The field
 * path is added by the enclosing writers as the exception unwinds.
 */
public class AvroTypeException extends AvroException {
  private final String detail;
  private final Deque<String> path = new ArrayDeque<>();

  public AvroTypeException(String message) {
    super(message);
    this.detail = message;
  }

  public AvroTypeException(String message, Throwable cause) {
    super(message, cause);
    this.detail = message;
  }

  public AvroTypeException prependPath(String element) {
    path.addFirst(element);
    return this;
  }

  /** The field path inside the datum, outermost first; empty at the top level. */
  public String fieldPath() {
    return String.join(".", path);
  }

  @Override
  public String getMessage() {
    return path.isEmpty() ? detail : detail + " (field " + fieldPath() + ")";
  }
}
