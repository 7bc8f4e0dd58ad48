package io.lancaster.spark.functions;

/**
 * Spark's error builders return Scala exceptions that Java counts as checked (AnalysisException, SparkException);
 * Scala code throws them freely, and so must this package, so that users see Spark's own error classes.
 */
final class SparkErrors {
  private SparkErrors() {}

  /** Throws {@code t} unchecked; declared to return so callers can write {@code throw SparkErrors.raise(t)}. */
  static RuntimeException raise(Throwable t) {
    return SparkErrors.<RuntimeException>sneaky(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
