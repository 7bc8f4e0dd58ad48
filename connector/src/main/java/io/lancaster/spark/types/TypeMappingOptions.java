package io.lancaster.spark.types;

import java.util.Objects;

/**
 * How Avro schemas map to Spark SQL types: spark-avro's three options that change the mapping, under its names
 * (the reader's option map converts into this at the edge).
 *
 * @param stableUnionIds {@code enableStableIdentifiersForUnionType}: name the members of a union's struct after
 *     their types ({@code member_int}, {@code member_Address}) instead of their positions ({@code member0})
 * @param stableIdPrefix {@code stableIdentifierPrefixForUnionType}: the prefix of those names; may be empty
 * @param recursiveFieldMaxDepth {@code recursiveFieldMaxDepth}: how many times a record may occur inside itself
 *     before the field that recurses again is dropped; 0 or less rejects recursive schemas
 */
public record TypeMappingOptions(boolean stableUnionIds, String stableIdPrefix, int recursiveFieldMaxDepth) {

  /** The largest {@code recursiveFieldMaxDepth} spark-avro accepts. */
  public static final int MAX_RECURSIVE_FIELD_DEPTH = 15;

  /** spark-avro's defaults: positional union members, prefix {@code member_}, recursion rejected. */
  public static final TypeMappingOptions DEFAULT = new TypeMappingOptions(false, "member_", -1);

  public TypeMappingOptions {
    Objects.requireNonNull(stableIdPrefix, "stableIdPrefix");
    if (recursiveFieldMaxDepth > MAX_RECURSIVE_FIELD_DEPTH) {
      throw new IllegalArgumentException("recursiveFieldMaxDepth: should not be greater than "
          + MAX_RECURSIVE_FIELD_DEPTH + ", was " + recursiveFieldMaxDepth);
    }
  }

  public TypeMappingOptions withStableUnionIds(boolean v) {
    return new TypeMappingOptions(v, stableIdPrefix, recursiveFieldMaxDepth);
  }

  public TypeMappingOptions withStableIdPrefix(String v) {
    return new TypeMappingOptions(stableUnionIds, v, recursiveFieldMaxDepth);
  }

  public TypeMappingOptions withRecursiveFieldMaxDepth(int v) {
    return new TypeMappingOptions(stableUnionIds, stableIdPrefix, v);
  }
}
