package io.lancaster.cli;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.LegacyDataFileReader;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.file.SeekableFileInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens the container file a command names: a local path (seekable; an Avro 1.2 file is recognised by its magic),
 * or {@code -} for standard input, read as a forward-only stream (so a pipe works:
 * {@code cat x.avro | lancaster count -}); a path that is not a regular file (a named pipe, bash's {@code <(...)})
 * is read as a stream too. Avro 1.2 files keep their metadata at the end, so they cannot be read
 * from standard input.
 */
final class AvroFiles {
  private AvroFiles() {}

  static ContainerFile open(String file, Console console) throws IOException {
    return open(file, console, ReadOptions.defaults());
  }

  /** Opens with {@code options}: limits, or the datum reader that resolves records to a reader schema. */
  static ContainerFile open(String file, Console console, ReadOptions<Object> options) throws IOException {
    if (Inputs.isStdin(file)) {
      return ContainerFile.of(DataFileReader.open(Inputs.open(file, console), file, options));
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // a pipe (bash's <(...) gives /dev/fd/63) or a device: it cannot seek, so read it as a stream
      return ContainerFile.of(DataFileReader.open(Files.newInputStream(path), file, options));
    }
    if (isLegacy(path)) {
      return ContainerFile.of(LegacyDataFileReader.open(new SeekableFileInput(path), file, options));
    }
    return ContainerFile.of(DataFileReader.open(path, options));
  }

  private static boolean isLegacy(Path path) throws IOException {
    byte[] magic = new byte[LegacyDataFileReader.MAGIC.length];
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(magic, 0, magic.length) == magic.length && Arrays.equals(magic, LegacyDataFileReader.MAGIC);
    }
  }
}
