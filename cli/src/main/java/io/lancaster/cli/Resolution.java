package io.lancaster.cli;

import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.resolve.SchemaResolutionException;
import io.lancaster.avro.schema.Schema;

/**
 * Schema resolution as the commands use it: the {@code --apache-compatible} flag, read options that turn each
 * file's records into values of a reader schema, and the one-line message for a pair that cannot resolve.
 */
final class Resolution {
  static final String APACHE_COMPATIBLE = "--apache-compatible";

  private Resolution() {}

  /** The spec's rules, or with {@code --apache-compatible} Apache Avro Java's value-preserving leniencies. */
  static ResolutionOptions options(Args args) {
    return args.flag(APACHE_COMPATIBLE) ? ResolutionOptions.apacheCompatible() : ResolutionOptions.DEFAULT;
  }

  /**
   * Reads each file's records as values of {@code reader}; a file whose schema is {@code reader} is read without
   * a resolution plan. Opening a file whose schema cannot resolve throws {@link SchemaResolutionException}.
   */
  static ReadOptions<Object> readingAs(Schema reader, ResolutionOptions options) {
    return ReadOptions.defaults().withDatumReader(writer -> datumReader(writer, reader, options));
  }

  private static DatumReader<Object> datumReader(Schema writer, Schema reader, ResolutionOptions options) {
    return writer.equals(reader) ? new GenericDatumReader(writer) : new ResolvingDatumReader(writer, reader, options);
  }

  /** The message for a data file whose schema {@code readerSchema} (a name for the user) cannot read. */
  static String describe(SchemaResolutionException e, String readerSchema) {
    return e.getMessage() + " (reader schema " + readerSchema + ")";
  }
}
