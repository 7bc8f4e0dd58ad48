package io.lancaster.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Draws the CSV report as a bar chart (rows per second per case and reader) with python3 and matplotlib, when
 * both are installed; without them there is no chart and nothing is said.
 */
public final class ChartPlotter {
  private static final String SCRIPT = "plot_read_benchmark.py";

  private ChartPlotter() {}

  /** Writes {@code png} from {@code csv}; returns whether it did. */
  public static boolean plot(Path csv, Path png) throws IOException, InterruptedException {
    if (!succeeds(List.of("python3", "-c", "import matplotlib"))) {
      return false;
    }
    Path script = Files.createTempFile("lancaster-plot-", ".py");
    try {
      try (InputStream in = ChartPlotter.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IOException("resource " + SCRIPT + " is missing from the classpath");
        }
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!succeeds(List.of("python3", script.toString(), csv.toString(), png.toString()))) {
        throw new IOException("python3 " + SCRIPT + " failed to draw " + png);
      }
      return true;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static boolean succeeds(List<String> command) throws InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      return false; // no python3
    }
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }
}
