package io.lancaster.hive.testing;

import io.lancaster.avro.file.DataFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;

/** The Avro files of a table's directory, and their records as read by Lancaster's core and by Apache Avro. */
public final class TableFiles {
  private TableFiles() {}

  /** The data files under {@code dir} (partition directories included), without Hadoop's hidden files. */
  public static List<Path> of(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record of the files, read by Lancaster's core, in {@link Plain} form. */
  public static List<Object> readWithLancaster(List<Path> files) throws IOException {
    List<Object> out = new ArrayList<>();
    for (Path f : files) {
      try (DataFileReader<Object> reader = DataFileReader.open(f)) {
        reader.forEach(r -> out.add(Plain.of(r)));
      }
    }
    return out;
  }

  /** Every record of the files, read by Apache Avro Java, in {@link Plain} form. */
  public static List<Object> readWithApacheAvro(List<Path> files) throws IOException {
    List<Object> out = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f);
          DataFileStream<Object> reader = new DataFileStream<>(in, new GenericDatumReader<>())) {
        reader.forEach(r -> out.add(Plain.of(r)));
      }
    }
    return out;
  }

  /** The codec named in a file's header. */
  public static String codec(Path file) throws IOException {
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      return reader.codecName();
    }
  }
}
