package io.lancaster.spark.types;

import io.lancaster.avro.schema.RecordSchema;
import java.util.HashMap;
import java.util.Map;

/**
 * The records that enclose a schema during the mapping, each with how many times it occurs on the way down:
 * what the recursion cut ({@link TypeMappingOptions#recursiveFieldMaxDepth()}) decides by. Immutable; a walk that
 * builds decoders alongside the mapping carries one so that it drops exactly the fields the mapping drops.
 */
public final class RecordPath {

  /** The path above a top-level schema. */
  public static final RecordPath EMPTY = new RecordPath(Map.of());

  private final Map<String, Integer> occurrences; // by full name

  private RecordPath(Map<String, Integer> occurrences) {
    this.occurrences = occurrences;
  }

  /** How many times a record of that full name encloses the current position. */
  public int occurrences(RecordSchema record) {
    return occurrences.getOrDefault(record.fullName(), 0);
  }

  /** This path with {@code record} entered once more. */
  public RecordPath enter(RecordSchema record) {
    Map<String, Integer> next = new HashMap<>(occurrences);
    next.merge(record.fullName(), 1, Integer::sum);
    return new RecordPath(Map.copyOf(next));
  }

  @Override
  public String toString() {
    return occurrences.toString();
  }
}
