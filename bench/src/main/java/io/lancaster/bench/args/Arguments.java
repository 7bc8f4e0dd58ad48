package io.lancaster.bench.args;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of a command line: {@code --name value}, {@code --name=value} and flags ({@code --name}). Every
 * option must be declared, so a typo fails instead of being ignored.
 */
public final class Arguments {
  private final Map<String, String> values;
  private final Set<String> flags;

  private Arguments(Map<String, String> values, Set<String> flags) {
    this.values = values;
    this.flags = flags;
  }

  /**
   * Parses {@code args}.
   *
   * @param valueOptions names (without the dashes) of the options that take a value
   * @param flagOptions names of the options that take none
   * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
   */
  public static Arguments parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flagOptions.contains(name) && value == null) {
        flags.add(name);
      } else if (valueOptions.contains(name)) {
        if (value == null) {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--" + name + " needs a value");
          }
          value = args[++i];
        }
        values.put(name, value);
      } else {
        List<String> known = new ArrayList<>();
        valueOptions.forEach(o -> known.add("--" + o + " VALUE"));
        flagOptions.forEach(o -> known.add("--" + o));
        known.sort(null);
        throw new IllegalArgumentException("unknown option \"" + arg + "\"; options: " + String.join(", ", known));
      }
    }
    return new Arguments(values, flags);
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  public String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /** A count such as {@code 1000000}, {@code 1_000_000} or {@code 1,000,000}; at least {@code min}. */
  public long count(String name, long defaultValue, long min) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    long n;
    try {
      n = Long.parseLong(v.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a whole number, got \"" + v + "\"");
    }
    if (n < min) {
      throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + n);
    }
    return n;
  }

  /** A positive number such as {@code 0.5}. */
  public double positive(String name, double defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a number, got \"" + v + "\"");
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("--" + name + " must be a positive number, got " + v);
    }
    return d;
  }

  public Path path(String name, Path defaultValue) {
    String v = values.get(name);
    return v == null ? defaultValue : Path.of(v);
  }
}
