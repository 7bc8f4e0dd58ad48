package io.lancaster.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line. Options may come before or after positionals; {@code --} ends options, and a lone
 * {@code -} is a positional (standard input). Anything that does not fit the {@link ArgSpec} is a
 * {@link UsageException} saying what is wrong.
 */
public final class Args {
  private final Set<String> flags;
  private final Map<String, String> values;
  private final Map<String, String> positionals;
  private final List<String> repeated;

  private Args(Set<String> flags, Map<String, String> values, Map<String, String> positionals,
      List<String> repeated) {
    this.flags = flags;
    this.values = values;
    this.positionals = positionals;
    this.repeated = repeated;
  }

  public static Args parse(List<String> argv, ArgSpec spec) throws UsageException {
    Set<String> flags = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    List<String> rest = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < argv.size(); i++) {
      String a = argv.get(i);
      if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
        rest.add(a);
      } else if (a.equals("--")) {
        optionsEnded = true;
      } else {
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        if (spec.flags().contains(name)) {
          if (eq >= 0) {
            throw new UsageException("option " + name + " takes no value");
          }
          flags.add(name);
        } else if (spec.valued().contains(name)) {
          String value;
          if (eq >= 0) {
            value = a.substring(eq + 1);
          } else if (i + 1 < argv.size()) {
            value = argv.get(++i);
          } else {
            throw new UsageException("option " + name + " needs a value");
          }
          if (values.put(name, value) != null) {
            throw new UsageException("option " + name + " given twice");
          }
        } else {
          throw new UsageException("unknown option " + name);
        }
      }
    }
    List<String> names = spec.positionals();
    int required = names.size() - spec.optional();
    if (rest.size() < required) {
      throw new UsageException("missing " + names.get(rest.size()));
    }
    if (rest.size() > names.size() && !spec.lastRepeats()) {
      throw new UsageException("unexpected argument " + rest.get(names.size()));
    }
    Map<String, String> positionals = new HashMap<>();
    for (int i = 0; i < Math.min(rest.size(), names.size()); i++) {
      positionals.put(names.get(i), rest.get(i));
    }
    List<String> repeated = spec.lastRepeats() && rest.size() >= names.size()
        ? List.copyOf(rest.subList(names.size() - 1, rest.size())) : List.of();
    return new Args(flags, values, positionals, repeated);
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** The option's value, or {@code dflt} when it was not given. */
  public String value(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  /** The positional argument of that name (the first, for a repeating one), or null when it was not given. */
  public String positional(String name) {
    return positionals.get(name);
  }

  /** Every argument the repeating last positional took, in order; empty when it was not given. */
  public List<String> repeated() {
    return repeated;
  }
}
