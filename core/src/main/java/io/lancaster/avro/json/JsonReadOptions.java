package io.lancaster.avro.json;

/**
 * How a {@link JsonDatumReader} treats JSON that the spec's encoding does not produce but people and other tools
 * do. {@link #DEFAULT} skips unknown record fields (as Apache Avro's {@code JsonDecoder} does) and gives a missing
 * field its schema default (Apache fails); {@link #strict()} accepts only the fields a writer of the schema
 * produces. Whatever the options, data that would lose or change a value is an error where Apache Avro lets it
 * through: a key given twice, a union object with a second key, a bytes code point above 255, a number beyond its
 * type's range. Immutable; {@code withX} returns a changed copy.
 */
public final class JsonReadOptions {
  /** Jackson's own default for {@code StreamReadConstraints.maxNestingDepth}. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 1000;

  /** Skips unknown fields, fills missing fields with defaults, nesting up to 1000 levels. */
  public static final JsonReadOptions DEFAULT = new JsonReadOptions(true, true, DEFAULT_MAX_NESTING_DEPTH);

  private final boolean ignoreUnknownFields;
  private final boolean defaultsForMissingFields;
  private final int maxNestingDepth;

  private JsonReadOptions(boolean ignoreUnknownFields, boolean defaultsForMissingFields, int maxNestingDepth) {
    if (maxNestingDepth <= 0) {
      throw new IllegalArgumentException("maxNestingDepth must be positive, got " + maxNestingDepth);
    }
    this.ignoreUnknownFields = ignoreUnknownFields;
    this.defaultsForMissingFields = defaultsForMissingFields;
    this.maxNestingDepth = maxNestingDepth;
  }

  /** Unknown and missing fields are errors, whatever the defaults. */
  public static JsonReadOptions strict() {
    return new JsonReadOptions(false, false, DEFAULT_MAX_NESTING_DEPTH);
  }

  /** True: a record's key that names no field is skipped with its value; false: it is an error. */
  public boolean ignoreUnknownFields() {
    return ignoreUnknownFields;
  }

  /** True: a field missing from a record's object takes the schema's default (an error if it has none). */
  public boolean defaultsForMissingFields() {
    return defaultsForMissingFields;
  }

  /**
   * Deepest nesting of JSON objects and arrays read. It bounds the reader's recursion, so hostile JSON cannot
   * overflow the stack; a parser built elsewhere also has its own {@code StreamReadConstraints}.
   */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  public JsonReadOptions withIgnoreUnknownFields(boolean v) {
    return new JsonReadOptions(v, defaultsForMissingFields, maxNestingDepth);
  }

  public JsonReadOptions withDefaultsForMissingFields(boolean v) {
    return new JsonReadOptions(ignoreUnknownFields, v, maxNestingDepth);
  }

  public JsonReadOptions withMaxNestingDepth(int v) {
    return new JsonReadOptions(ignoreUnknownFields, defaultsForMissingFields, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonReadOptions r && r.ignoreUnknownFields == ignoreUnknownFields
        && r.defaultsForMissingFields == defaultsForMissingFields && r.maxNestingDepth == maxNestingDepth;
  }

  @Override
  public int hashCode() {
    return (ignoreUnknownFields ? 1 : 0) + (defaultsForMissingFields ? 2 : 0) + 4 * maxNestingDepth;
  }

  @Override
  public String toString() {
    return "JsonReadOptions{ignoreUnknownFields=" + ignoreUnknownFields + ", defaultsForMissingFields="
        + defaultsForMissingFields + ", maxNestingDepth=" + maxNestingDepth + "}";
  }
}
