package io.lancaster.avro.resolve;

/**
 * How schema resolution treats the cases where Apache Avro Java departs from the specification. The default is
 * the spec; each {@code withX} enables one documented leniency that real producers' data may need (see
 * docs/COMPATIBILITY.md). None of them can change a value silently.
 */
public final class ResolutionOptions {
  /** The specification's rules. */
  public static final ResolutionOptions DEFAULT = new ResolutionOptions(false, false, false);

  private final boolean ignoreRecordNames;
  private final boolean preferExactUnionBranch;
  private final boolean decimalPrecisionWidening;

  private ResolutionOptions(boolean ignoreRecordNames, boolean preferExactUnionBranch,
      boolean decimalPrecisionWidening) {
    this.ignoreRecordNames = ignoreRecordNames;
    this.preferExactUnionBranch = preferExactUnionBranch;
    this.decimalPrecisionWidening = decimalPrecisionWidening;
  }

  /**
   * Options that resolve like Apache Avro Java wherever that cannot change a value: records match whatever their
   * names, and a non-union value picks the reader union's branch of exactly its type before an earlier branch
   * that needs a promotion. Decimals of different scale still do not resolve (Apache reinterprets their bytes).
   */
  public static ResolutionOptions apacheCompatible() {
    return new ResolutionOptions(true, true, false);
  }

  /** The spec matches records by (unqualified) name or reader alias; with this, any two records match. */
  public boolean ignoreRecordNames() {
    return ignoreRecordNames;
  }

  /**
   * The spec resolves a non-union writer value to the first reader-union branch it matches (promotions
   * included); with this, a branch of exactly the writer's type wins first, as in Apache Avro Java.
   */
  public boolean preferExactUnionBranch() {
    return preferExactUnionBranch;
  }

  /**
   * The spec matches two decimals only when precision and scale are equal; with this, a reader decimal of the
   * same scale and a larger precision matches too (every value keeps its meaning).
   */
  public boolean decimalPrecisionWidening() {
    return decimalPrecisionWidening;
  }

  public ResolutionOptions withIgnoreRecordNames(boolean v) {
    return new ResolutionOptions(v, preferExactUnionBranch, decimalPrecisionWidening);
  }

  public ResolutionOptions withPreferExactUnionBranch(boolean v) {
    return new ResolutionOptions(ignoreRecordNames, v, decimalPrecisionWidening);
  }

  public ResolutionOptions withDecimalPrecisionWidening(boolean v) {
    return new ResolutionOptions(ignoreRecordNames, preferExactUnionBranch, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolutionOptions r && r.ignoreRecordNames == ignoreRecordNames
        && r.preferExactUnionBranch == preferExactUnionBranch
        && r.decimalPrecisionWidening == decimalPrecisionWidening;
  }

  @Override
  public int hashCode() {
    return (ignoreRecordNames ? 1 : 0) + (preferExactUnionBranch ? 2 : 0) + (decimalPrecisionWidening ? 4 : 0);
  }

  @Override
  public String toString() {
    return "ResolutionOptions{ignoreRecordNames=" + ignoreRecordNames + ", preferExactUnionBranch="
        + preferExactUnionBranch + ", decimalPrecisionWidening=" + decimalPrecisionWidening + "}";
  }
}
