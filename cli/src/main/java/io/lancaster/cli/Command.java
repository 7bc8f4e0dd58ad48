package io.lancaster.cli;

/**
 * One subcommand of {@code lancaster}. The launcher parses the arguments against {@link #spec()} before
 * calling {@link #run}, so a command only sees well-formed input. A problem with a file or its data is
 * reported by throwing {@link FileException}, a negative answer ({@code compat}) by {@link Verdict}; anything
 * else thrown is a bug and is reported as one.
 */
public interface Command {
  /** The word that selects the command, e.g. {@code tojson}. */
  String name();

  /** The arguments after the name, as usage text, e.g. {@code [--pretty] FILE}. */
  String usage();

  /** One line for {@code lancaster help}. */
  String summary();

  /** Further help text (may be empty), printed by {@code lancaster help NAME}. */
  default String details() {
    return "";
  }

  ArgSpec spec();

  void run(Args args, Console console) throws FileException, UsageException, Verdict;
}
