package io.lancaster.cli;

/**
 * A command that answers a question ({@code compat}: are these schemas compatible?) answered no. It has already
 * printed why on standard output; the launcher exits with {@link #exitCode()} and prints nothing more, so scripts
 * can tell "no" from a file that could not be read (exit 1).
 */
public final class Verdict extends Exception {
  private final int exitCode;

  public Verdict(int exitCode, String message) {
    super(message);
    if (exitCode == Main.OK) {
      throw new IllegalArgumentException("a verdict is a non-zero exit code");
    }
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
