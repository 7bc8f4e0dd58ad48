package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads the schema file ({@code .avsc}, or {@code -} for standard input) an option or argument names. */
final class SchemaFiles {
  private SchemaFiles() {}

  /** The schema in {@code file}; a file that cannot be read or is not a schema is a {@link FileException}. */
  static Schema read(String file, Console console) throws FileException {
    try {
      return new SchemaParser().parse(new String(Inputs.readAll(file, console), StandardCharsets.UTF_8));
    } catch (IOException | AvroException e) {
      throw new FileException(file, e);
    }
  }
}
