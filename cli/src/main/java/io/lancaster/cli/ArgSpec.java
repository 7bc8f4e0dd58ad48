package io.lancaster.cli;

import java.util.List;
import java.util.Set;

/**
 * What a command accepts: flags ({@code --pretty}), options that take a value ({@code --algorithm md5} or
 * {@code --algorithm=md5}) and named positional arguments, the last {@code optional} of them optional. When
 * {@code lastRepeats}, the last positional takes every argument left over ({@code OUT_FILE IN_FILE...}).
 */
public record ArgSpec(Set<String> flags, Set<String> valued, List<String> positionals, int optional,
    boolean lastRepeats) {
  public ArgSpec {
    flags = Set.copyOf(flags);
    valued = Set.copyOf(valued);
    positionals = List.copyOf(positionals);
    if (optional < 0 || optional > positionals.size()) {
      throw new IllegalArgumentException("optional " + optional + " of " + positionals);
    }
    if (lastRepeats && positionals.isEmpty()) {
      throw new IllegalArgumentException("no positional to repeat");
    }
  }

  /** A spec whose positionals each take one argument. */
  public ArgSpec(Set<String> flags, Set<String> valued, List<String> positionals, int optional) {
    this(flags, valued, positionals, optional, false);
  }

  /** Only positional arguments, all required. */
  public static ArgSpec positional(String... names) {
    return new ArgSpec(Set.of(), Set.of(), List.of(names), 0);
  }
}
