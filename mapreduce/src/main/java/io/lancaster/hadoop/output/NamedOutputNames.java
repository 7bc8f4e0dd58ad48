package io.lancaster.hadoop.output;

/**
 * The rules for the names of named outputs and for the base paths of their files, shared by both APIs' multiple
 * outputs. A base path must stay inside the task's work directory: a file written elsewhere would escape the output
 * committer, and a failed attempt would leave it behind.
 */
public final class NamedOutputNames {
  private NamedOutputNames() {}

  /** A named output's name: letters and digits, not "part" (the job's main output). */
  public static void checkName(String namedOutput) {
    if (namedOutput == null || namedOutput.isEmpty()) {
      throw new IllegalArgumentException("a named output needs a name");
    }
    for (char c : namedOutput.toCharArray()) {
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("named output \"" + namedOutput + "\": only letters and digits are "
            + "allowed, not '" + c + "'");
      }
    }
    if (namedOutput.equals("part")) {
      throw new IllegalArgumentException("\"part\" is the job's main output, not a named output");
    }
  }

  /** A base output path: relative, without "." or ".." parts, not "part". */
  public static void checkBasePath(String base) {
    if (base == null || base.isEmpty()) {
      throw new IllegalArgumentException("the base output path is empty");
    }
    if (base.equals("part")) {
      throw new IllegalArgumentException("base output path \"part\" belongs to the job's main output");
    }
    if (base.startsWith("/") || base.contains(":") || base.endsWith("/")) {
      throw new IllegalArgumentException("base output path \"" + base + "\" must be a relative file name");
    }
    for (String part : base.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("base output path \"" + base + "\" must stay inside the output "
            + "directory");
      }
    }
  }
}
