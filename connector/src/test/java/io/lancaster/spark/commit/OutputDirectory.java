package io.lancaster.spark.commit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * What a write left in its output directory, seen from the file system: the part files, anything else (the commit
 * protocol's {@code _temporary} and {@code .spark-staging-*} directories, stray files, checksums of files that are
 * gone), a fingerprint of every file, and the ids Apache Avro Java reads from the part files.
 */
final class OutputDirectory {
  private OutputDirectory() {}

  /** The data files Spark wrote ({@code part-*}), partition directories included, sorted by path. */
  static List<Path> partFiles(Path dir) {
    return walk(dir).stream().filter(Files::isRegularFile).filter(OutputDirectory::isPart).toList();
  }

  /**
   * Everything that a finished write should not leave: directories whose names start with '_' or '.' (the commit
   * protocol's work areas), files that are neither part files, {@code _SUCCESS} nor the checksum of a file that
   * exists.
   */
  static List<Path> leftovers(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Path p : walk(dir)) {
      String name = p.getFileName().toString();
      if (p.equals(dir)) {
        continue;
      } else if (Files.isDirectory(p)) {
        if (name.startsWith("_") || name.startsWith(".")) {
          out.add(p);
        }
      } else if (name.startsWith(".") && name.endsWith(".crc")) {
        if (!Files.exists(p.resolveSibling(name.substring(1, name.length() - ".crc".length())))) {
          out.add(p);
        }
      } else if (!isPart(p) && !name.equals("_SUCCESS")) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every regular file under {@code dir} by its relative path, with the SHA-256 of its bytes. */
  static Map<String, String> snapshot(Path dir) {
    Map<String, String> out = new TreeMap<>();
    for (Path p : walk(dir)) {
      if (Files.isRegularFile(p)) {
        out.put(dir.relativize(p).toString(), sha256(p));
      }
    }
    return out;
  }

  /** The {@code id} of every record of every part file, as Apache Avro Java reads them, in file order. */
  static List<Long> apacheIds(Path dir) {
    List<Long> ids = new ArrayList<>();
    for (Path p : partFiles(dir)) {
      try (DataFileReader<GenericRecord> r = new DataFileReader<>(new File(p.toString()),
          new GenericDatumReader<>())) {
        for (GenericRecord record : r) {
          ids.add((Long) record.get("id"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(p.toString(), e);
      }
    }
    return ids;
  }

  private static boolean isPart(Path p) {
    return p.getFileName().toString().startsWith("part-");
  }

  private static List<Path> walk(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path p) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
