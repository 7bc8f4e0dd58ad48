package io.lancaster.bench.read;

import java.util.Objects;

/** Whether two readers' results of the same measurement agree. */
final class ResultValues {
  private ResultValues() {}

  /** Equal, except that sums of doubles may differ in the last bits (the order of additions differs). */
  static boolean agree(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    }
    return Objects.equals(a, b);
  }
}
