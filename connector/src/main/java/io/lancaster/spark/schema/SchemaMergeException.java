package io.lancaster.spark.schema;

/**
 * Two files' writer schemas that cannot be merged into one reader schema: at {@link #path()} one file has a type
 * that no merge rule of {@link AvroSchemaMerger} reconciles with another file's type there.
 */
public class SchemaMergeException extends IllegalArgumentException {
  private final String path;
  private final String firstType;
  private final String secondType;

  /**
   * @param path the field path where the types meet ({@code a.b}, {@code a[]} for array items, {@code a{}} for map
   *     values), empty at the top level
   * @param firstType the type as one file has it, described for people ({@code int}, {@code record x.R})
   * @param secondType the type as another file has it
   * @param reason why they do not merge, or null when their kinds simply differ
   */
  public SchemaMergeException(String path, String firstType, String secondType, String reason) {
    super("cannot merge the files' schemas at " + (path.isEmpty() ? "the top level" : "field " + path) + ": "
        + firstType + " and " + secondType + (reason == null ? " do not merge" : " do not merge (" + reason + ")"));
    this.path = path;
    this.firstType = firstType;
    this.secondType = secondType;
  }

  /** The field path where the types conflict; empty at the top level. */
  public String path() {
    return path;
  }

  public String firstType() {
    return firstType;
  }

  public String secondType() {
    return secondType;
  }
}
