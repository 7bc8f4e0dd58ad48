package io.lancaster.spark.write.encode;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the row encoders depend on besides the two schemas: how struct fields find their Avro fields
 * ({@code positionalFieldMatching}, {@code spark.sql.caseSensitive}) and how dates and timestamps are rebased.
 */
public record EncoderOptions(boolean positionalFieldMatching, boolean caseSensitive, WriteRebase rebase)
    implements Serializable {
  public EncoderOptions {
    Objects.requireNonNull(rebase, "rebase");
  }

  /** spark-avro's defaults: by name, case-insensitive, no rebase. */
  public static final EncoderOptions DEFAULT = new EncoderOptions(false, false, WriteRebase.CORRECTED);
}
