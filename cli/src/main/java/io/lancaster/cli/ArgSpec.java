package io.lancaster.cli;

import java.util.List;
import java.util.Set;

/**
 * What a command accepts: flags ({@code --pretty}), options that take a value ({@code --algorithm md5} or
 * {@code --algorithm=md5}) and named positional arguments, the last {@code optional} of them optional.
 */
public record ArgSpec(Set<String> flags, Set<String> valued, List<String> positionals, int optional) {
  public ArgSpec {
    flags = Set.copyOf(flags);
    valued = Set.copyOf(valued);
    positionals = List.copyOf(positionals);
    if (optional < 0 || optional > positionals.size()) {
      throw new IllegalArgumentException("optional " + optional + " of " + positionals);
    }
  }

  /** Only positional arguments, all required. */
  public static ArgSpec positional(String... names) {
    return new ArgSpec(Set.of(), Set.of(), List.of(names), 0);
  }
}
