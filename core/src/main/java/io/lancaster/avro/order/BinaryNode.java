package io.lancaster.avro.order;

/**
 * One node of a compiled binary comparator: compares the encodings of one schema at two positions, or skips one.
 *
 * <p>A comparison has to tell the caller both the order and, when the two values are equal, where each of them
 * ends (the enclosing record goes on from there). To do that without allocating or keeping state, the result is
 * one {@code long}: {@link #LESS} or {@link #GREATER}, or, for equal values, both end positions packed by
 * {@link #equal(int, int)}. Positions are array indices, hence non-negative ints, so a packed result is never
 * negative. Nodes hold only final fields (a recursive reference is linked once, while its comparator is built) and
 * are shared by all threads.
 */
interface BinaryNode {
  /** The first value orders before the second. */
  long LESS = -1L;
  /** The first value orders after the second. */
  long GREATER = -2L;

  /**
   * Compares the value encoded at {@code a[ap, aEnd)} with the one at {@code b[bp, bEnd)}; the ends bound the
   * datums, not the values. Returns {@link #LESS}, {@link #GREATER} or {@link #equal(int, int)} of the positions
   * after both values.
   */
  long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd);

  /** Returns the position after the value encoded at {@code buf[pos, end)}. */
  int skip(byte[] buf, int pos, int end);

  /**
   * The fewest bytes a value takes. Zero means exactly zero: the value is always empty and always equal (null, an
   * empty fixed, records of those), so enclosing nodes leave it out.
   */
  int minBytes();

  static long equal(int aPos, int bPos) {
    return ((long) aPos << 32) | (bPos & 0xFFFF_FFFFL);
  }

  static int aPos(long equalResult) {
    return (int) (equalResult >>> 32);
  }

  static int bPos(long equalResult) {
    return (int) equalResult;
  }

  /** The result for the reversed order ({@code "order": "descending"}); equal results stay as they are. */
  static long reverse(long result) {
    return result < 0 ? -3L - result : result;
  }

  static long order(int cmp, int aPos, int bPos) {
    return cmp < 0 ? LESS : cmp > 0 ? GREATER : equal(aPos, bPos);
  }
}
