package io.lancaster.spark.functions;

import io.lancaster.spark.testing.Canonical;
import java.util.List;


/**
 * External Spark values (what {@code collect} returns) as text that spells each one exactly: binary as hex, floats
 * with their sign of zero and NaN, decimals with their scale, the Java class of other leaves, map entries sorted.
 * Two values are the same value when their texts are equal.
 */
final class CanonicalValues {
  private CanonicalValues() {}

  static List<String> of(List<?> values) {
    return Canonical.values(values);
  }

  static String of(Object v) {
    return Canonical.value(v);
  }
}
