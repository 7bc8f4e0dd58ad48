package io.lancaster.bench.text;

import java.util.Locale;

/** How the demo and the benchmark print durations, throughputs and sizes. */
public final class Numbers {
  private Numbers() {}

  public static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** A rate in a readable unit: {@code 12.3 M}, {@code 456 k}. */
  public static String perSecond(double rate) {
    if (rate >= 1e9) {
      return String.format(Locale.ROOT, "%.2f G", rate / 1e9);
    }
    if (rate >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", rate / 1e6);
    }
    if (rate >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", rate / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", rate);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  public static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }
}
