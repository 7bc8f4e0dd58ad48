package io.lancaster.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command writes a whole file: standard output ({@code -}), or a path written under a temporary name in
 * the same directory and renamed over it by {@link #commit()}. Until then the path keeps its old content, so a
 * failed command leaves no half-written file and the path may also be one of the command's inputs. Closing an
 * uncommitted target deletes the temporary file.
 */
final class OutputTarget implements Closeable {
  private final OutputStream stream;
  private final Path temp;
  private final Path target;
  private boolean committed;

  private OutputTarget(OutputStream stream, Path temp, Path target) {
    this.stream = stream;
    this.temp = temp;
    this.target = target;
  }

  static OutputTarget open(String file, Console console) throws IOException {
    if (Inputs.isStdin(file)) {
      return new OutputTarget(BinaryOutput.of(console), null, null);
    }
    Path target = Path.of(file).toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new IOException("is a directory");
    }
    Path temp = target.resolveSibling("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new OutputTarget(out, temp, target);
  }

  /** The stream to write; whoever writes it closes it. */
  OutputStream stream() {
    return stream;
  }

  /** Puts the written file in place (after its stream was closed). */
  void commit() throws IOException {
    if (temp != null) {
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (temp != null && !committed) {
      stream.close();
      Files.deleteIfExists(temp);
    }
  }
}
