package io.lancaster.avro.resolve;

/**
 * Compatibility levels as schema registries define them, for a new schema against the earlier versions of a
 * subject (oldest first): BACKWARD, the new schema reads data written with the latest earlier one; FORWARD, the
 * latest earlier one reads data written with the new one; FULL, both; the TRANSITIVE forms check against every
 * earlier version, not only the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** The new schema must read data written with earlier schemas. */
  public boolean newReadsOld() {
    return newReadsOld;
  }

  /** Earlier schemas must read data written with the new schema. */
  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  /** Every earlier schema counts, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** The level of that name, case-insensitive, accepting "-" or "_" (e.g. {@code full-transitive}). */
  public static CompatibilityLevel parse(String name) {
    String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    try {
      return valueOf(n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown compatibility level " + name + "; one of "
          + java.util.Arrays.toString(values()));
    }
  }
}
