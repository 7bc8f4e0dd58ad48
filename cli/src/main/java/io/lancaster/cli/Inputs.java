package io.lancaster.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the FILE argument of a command: a path, or {@code -} for standard input (which is never closed). */
final class Inputs {
  static final String STDIN = "-";

  private Inputs() {}

  static boolean isStdin(String file) {
    return STDIN.equals(file);
  }

  static InputStream open(String file, Console console) throws IOException {
    if (isStdin(file)) {
      return new FilterInputStream(console.in()) {
        @Override
        public void close() {
          // standard input belongs to the process, not to the command
        }
      };
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    return Files.newInputStream(path);
  }

  static byte[] readAll(String file, Console console) throws IOException {
    try (InputStream in = open(file, console)) {
      return in.readAllBytes();
    }
  }
}
