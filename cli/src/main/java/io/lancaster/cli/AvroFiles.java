package io.lancaster.cli;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.LegacyDataFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens the container file a command names: a local path (seekable; an Avro 1.2 file is recognised by its magic),
 * or {@code -} for standard input, read as a forward-only stream (so a pipe works:
 * {@code cat x.avro | lancaster count -}). Avro 1.2 files keep their metadata at the end, so they cannot be read
 * from standard input.
 */
final class AvroFiles {
  private AvroFiles() {}

  static ContainerFile open(String file, Console console) throws IOException {
    if (Inputs.isStdin(file)) {
      return ContainerFile.of(DataFileReader.open(Inputs.open(file, console), file));
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    if (isLegacy(path)) {
      return ContainerFile.of(LegacyDataFileReader.open(path));
    }
    return ContainerFile.of(DataFileReader.open(path));
  }

  private static boolean isLegacy(Path path) throws IOException {
    byte[] magic = new byte[LegacyDataFileReader.MAGIC.length];
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(magic, 0, magic.length) == magic.length && Arrays.equals(magic, LegacyDataFileReader.MAGIC);
    }
  }
}
