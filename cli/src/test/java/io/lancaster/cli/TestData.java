package io.lancaster.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds {@code ../shared/testdata/apache-avro} beside the repository root (a copy of core's
 * {@code SharedTestData} lookup, whose test classes are not on this module's classpath). Tests that need the
 * shared files call {@link #apacheAvro()}, which skips the test (not fails it) on a clone without them.
 */
final class TestData {
  private TestData() {}

  static Path repoRoot() {
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

  /** {@code ../shared/testdata/apache-avro}; skips the calling test when it is absent. */
  static Path apacheAvro() {
    Path shared = repoRoot().resolve("..").resolve("shared").normalize();
    assumeTrue(Files.isDirectory(shared), "../shared is not beside this checkout; skipping a test that needs it");
    return shared.resolve("testdata").resolve("apache-avro");
  }
}
