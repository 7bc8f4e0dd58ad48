package io.lancaster.avro.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds {@code ../shared} beside the repository root. Maven runs tests in the module's directory, so the root
 * is taken from the {@code lancaster.repo.root} system property (set by the build) or found by walking up to
 * the directory that holds the parent pom. Tests that need the shared files call {@link #require()}, which skips
 * the test (not fails it) on a clone without them.
 */
public final class SharedTestData {
  private SharedTestData() {}

  public static Path repoRoot() {
    String prop = System.getProperty("lancaster.repo.root");
    if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop, "core"))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the repository root from " + Paths.get("").toAbsolutePath());
  }

  /** The shared directory, or null when this checkout has none beside it. */
  public static Path sharedOrNull() {
    Path shared = repoRoot().resolve("..").resolve("shared").normalize();
    return Files.isDirectory(shared) ? shared : null;
  }

  /** The shared directory; skips the calling test when it is absent. */
  public static Path require() {
    Path shared = sharedOrNull();
    assumeTrue(shared != null, "../shared is not beside this checkout; skipping a test that needs it");
    return shared;
  }

  /** {@code ../shared/testdata/apache-avro}; skips the calling test when it is absent. */
  public static Path apacheAvro() {
    return require().resolve("testdata").resolve("apache-avro");
  }
}
