package io.lancaster.cli;

/** A command line that does not fit the command's usage; the launcher prints it with the usage and exits 2. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
