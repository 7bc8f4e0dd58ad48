package io.lancaster.bench.read;

import java.util.SplittableRandom;

/**
 * Random strings to draw column values from: making a fresh random string per value would cost more than
 * writing it. The pools are the same in every run, so cached data sets stay valid.
 */
final class StringPool {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_ ".toCharArray();

  /** 100,000 strings of 4 to 24 characters: a column with many distinct values. */
  static final String[] WIDE_RANGE = make(100_000, 4, 24, 1);
  /** 10,000 strings of 4 to 16 characters: a column with fewer distinct values. */
  static final String[] NARROW_RANGE = make(10_000, 4, 16, 2);

  private StringPool() {}

  static String pick(String[] pool, SplittableRandom random) {
    return pool[random.nextInt(pool.length)];
  }

  private static String[] make(int n, int minLength, int maxLength, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] pool = new String[n];
    char[] chars = new char[maxLength];
    for (int i = 0; i < n; i++) {
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      for (int j = 0; j < length; j++) {
        chars[j] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      pool[i] = new String(chars, 0, length);
    }
    return pool;
  }
}
