package io.lancaster.avro.resolve;

import io.lancaster.avro.AvroException;

/**
 * A writer schema that cannot be read with a reader schema: raised when the plan is built, before any data is
 * read. Names the field path (empty at the top level) and the rule of the spec that is broken.
 */
public class SchemaResolutionException extends AvroException {
  private final String path;
  private final String rule;

  public SchemaResolutionException(String path, String rule) {
    super((path.isEmpty() ? "cannot resolve the writer schema against the reader schema: "
        : "cannot resolve field " + path + ": ") + rule);
    this.path = path;
    this.rule = rule;
  }

  /** The field path, outermost first, e.g. {@code address.street}; empty at the top level. */
  public String path() {
    return path;
  }

  /** What does not match, e.g. "writer type string cannot be read as int". */
  public String rule() {
    return rule;
  }
}
