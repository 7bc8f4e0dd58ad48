package io.lancaster.it.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer's command line with a time limit, capturing its output; a peer that hangs is killed. */
public final class Processes {
  private Processes() {}

  /** What a finished process left: exit code, standard output and standard error (UTF-8). */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** Throws with the command and its stderr unless the exit code is 0. */
    public Result orThrow() {
      if (exitCode != 0) {
        throw new AssertionError("peer command failed with exit code " + exitCode + ": " + String.join(" ", command)
            + "\n--- stderr ---\n" + stderr + "\n--- stdout ---\n" + abbreviate(stdout));
      }
      return this;
    }

    public List<String> stdoutLines() {
      return stdout.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  public static Result run(List<String> command, Path workDir, Duration timeout) throws IOException {
    Path out = Files.createTempFile(workDir, "peer", ".out");
    Path err = Files.createTempFile(workDir, "peer", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("peer command did not finish in " + timeout + ": " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command, e);
    }
    return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  public static Result run(List<String> command, Path workDir) throws IOException {
    return run(command, workDir, Duration.ofMinutes(2));
  }

  /** True when the command runs and exits 0 (used to probe whether a peer is installed). */
  public static boolean succeeds(List<String> command) {
    try {
      Path dir = Files.createTempDirectory("probe");
      return run(command, dir, Duration.ofSeconds(30)).exitCode() == 0;
    } catch (IOException | AssertionError e) {
      return false;
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String abbreviate(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
  }
}
