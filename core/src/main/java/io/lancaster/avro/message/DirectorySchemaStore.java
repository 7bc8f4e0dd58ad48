package io.lancaster.avro.message;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link SchemaStore} over a directory of {@code *.avsc} files (one schema per file, e.g. every version of a
 * topic's schema checked into a repository): the files are parsed once, at construction, and again only on
 * {@link #refresh()}. Lookups read an immutable snapshot, so they are thread-safe and never touch the disk.
 * Subdirectories are not searched; each file is parsed on its own, by a fresh parser.
 */
public final class DirectorySchemaStore implements SchemaStore {
  private final Path dir;
  private final Supplier<SchemaParser> parsers;
  private volatile Map<Long, Schema> schemas;

  /** Loads every {@code *.avsc} in {@code dir} with a default (strict) {@link SchemaParser}. */
  public DirectorySchemaStore(Path dir) throws IOException {
    this(dir, SchemaParser::new);
  }

  /**
   * Loads every {@code *.avsc} in {@code dir}, each with a parser from {@code parsers} (e.g.
   * {@code SchemaParser::lenient} for schemas written by tools that skip name validation).
   *
   * @throws SchemaParseException naming the file when one does not hold a valid schema
   * @throws IOException when the directory or a file cannot be read
   */
  public DirectorySchemaStore(Path dir, Supplier<SchemaParser> parsers) throws IOException {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.parsers = Objects.requireNonNull(parsers, "parsers");
    this.schemas = load();
  }

  /**
   * Reads the directory again, so schema files added (or removed) since are seen. When a file fails, the
   * schemas loaded before stay in use and the error is thrown.
   */
  public void refresh() throws IOException {
    schemas = load();
  }

  public Path directory() {
    return dir;
  }

  /** How many distinct fingerprints the store holds. */
  public int size() {
    return schemas.size();
  }

  @Override
  public Schema findByFingerprint(long crc64) {
    return schemas.get(crc64);
  }

  private Map<Long, Schema> load() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("schema directory " + dir + " does not exist or is not a directory");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.avsc")) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    Collections.sort(files); // the first file in name order wins a shared fingerprint, whatever the listing order
    Map<Long, Schema> loaded = new HashMap<>();
    for (Path file : files) {
      Schema schema = parse(file);
      loaded.putIfAbsent(Fingerprints.crc64(schema), schema);
    }
    return Map.copyOf(loaded);
  }

  private Schema parse(Path file) throws IOException {
    try {
      return parsers.get().parse(file);
    } catch (AvroException e) {
      throw new SchemaParseException("schema file " + file + " does not hold a valid schema: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("cannot read schema file " + file + ": " + e, e);
    }
  }
}
