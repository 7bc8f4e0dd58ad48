package io.lancaster.hadoop.input;

import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.Schema;

/**
 * How the input formats read records: {@link ReadOptions} that apply the reader schemas a job sets for its input
 * (read from the configuration by {@link io.lancaster.hadoop.ConfSchemas}): with a reader schema
 * each file is resolved from its own writer schema (schema evolution, so files written with different versions
 * read as one), without one records come in each file's own schema. The datum reader is built once per file.
 */
public final class InputSchemas {
  private InputSchemas() {}

  /** Generic records, resolved to {@code readerSchema} when it is not null. */
  public static ReadOptions<Object> records(Schema readerSchema) {
    return ReadOptions.defaults().withDatumReader(writer -> datumReader(writer, readerSchema));
  }

  /**
   * Key/value pair records ({@link KeyValuePairs}), their key resolved to {@code keySchema} and their value
   * to {@code valueSchema} where these are not null; each file's own field schema otherwise.
   */
  public static ReadOptions<Object> keyValuePairs(Schema keySchema, Schema valueSchema) {
    return ReadOptions.defaults().withDatumReader(writer -> {
      KeyValuePairs.check(writer);
      if (keySchema == null && valueSchema == null) {
        return new GenericDatumReader(writer);
      }
      return new ResolvingDatumReader(writer, KeyValuePairs.readerFor(writer, keySchema, valueSchema));
    });
  }

  private static DatumReader<Object> datumReader(Schema writer, Schema reader) {
    return reader == null ? new GenericDatumReader(writer) : new ResolvingDatumReader(writer, reader);
  }
}
