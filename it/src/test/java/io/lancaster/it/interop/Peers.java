package io.lancaster.it.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whether a peer implementation is installed. On a user's machine a missing peer skips its tests with a clear
 * message; in CI ({@code -Dlancaster.interop.required=true}, set by .ci/run, which installs every peer) it fails
 * them, so nothing is skipped silently there.
 */
public final class Peers {
  private Peers() {}

  public static boolean required() {
    return Boolean.getBoolean("lancaster.interop.required");
  }

  /** Skips (or, when peers are required, fails) the calling test unless {@code installed}. */
  public static void assumeInstalled(boolean installed, String peer, String howToInstall) {
    if (installed) {
      return;
    }
    String message = peer + " is not installed (" + howToInstall + "); skipping its interop tests";
    if (required()) {
      fail(message + " — but lancaster.interop.required is set, so this is an error");
    }
    assumeTrue(false, message);
  }
}
