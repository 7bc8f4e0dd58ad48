package io.lancaster.avro.resolve;

/** One reason why a reader schema may fail to read data of a writer schema, with where it is. */
public record Incompatibility(Kind kind, String path, String message) {

  /** The kinds of incompatibility; the first six are those of Apache Avro's SchemaCompatibility. */
  public enum Kind {
    /** Types differ and no promotion applies. */
    TYPE_MISMATCH,
    /** Named types (record, enum, fixed) whose names differ, with no reader alias naming the writer's. */
    NAME_MISMATCH,
    /** Fixed types of different sizes. */
    FIXED_SIZE_MISMATCH,
    /** A writer enum symbol the reader lacks, and the reader's enum has no default. */
    MISSING_ENUM_SYMBOL,
    /** A reader field without default that the writer's record lacks. */
    MISSING_DEFAULT,
    /** A writer type (or union branch) that matches no branch of the reader's union. */
    MISSING_UNION_BRANCH,
    /** Decimals whose precision or scale differ. */
    DECIMAL_MISMATCH,
    /** A reader field default that is not a valid value of the field's type. */
    INVALID_DEFAULT
  }

  @Override
  public String toString() {
    return kind + (path.isEmpty() ? "" : " at " + path) + ": " + message;
  }
}
