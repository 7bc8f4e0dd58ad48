package io.lancaster.avro.file;

import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.Schema;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link DataFileReader} reads: the limits that guard against hostile files, and how records are
 * materialised. The datum reader is made from the file's writer schema, once per file, by a factory: generic
 * records by default; a reader schema (schema resolution), a projection or an engine's row format plugs in by
 * giving another factory. Immutable; change a setting with a {@code withX} copy.
 *
 * @param <D> the type of the records read
 */
public final class ReadOptions<D> {
  private static final ReadOptions<Object> DEFAULTS =
      new ReadOptions<>(ReadLimits.DEFAULT, GenericDatumReader::new);

  private final ReadLimits limits;
  private final Function<? super Schema, ? extends DatumReader<D>> datumReaders;

  private ReadOptions(ReadLimits limits, Function<? super Schema, ? extends DatumReader<D>> datumReaders) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.datumReaders = Objects.requireNonNull(datumReaders, "datumReaders");
  }

  /** Default limits, generic records. */
  public static ReadOptions<Object> defaults() {
    return DEFAULTS;
  }

  public ReadLimits limits() {
    return limits;
  }

  public ReadOptions<D> withLimits(ReadLimits newLimits) {
    return new ReadOptions<>(newLimits, datumReaders);
  }

  /** Records are read by the datum reader that {@code factory} makes from each file's writer schema. */
  public <T> ReadOptions<T> withDatumReader(Function<? super Schema, ? extends DatumReader<T>> factory) {
    return new ReadOptions<>(limits, factory);
  }

  /** Records are read by {@code reader}, which must expect data of the files' writer schema. */
  public <T> ReadOptions<T> withDatumReader(DatumReader<T> reader) {
    Objects.requireNonNull(reader, "reader");
    return new ReadOptions<>(limits, schema -> reader);
  }

  /** The datum reader for a file written with {@code writerSchema}. */
  DatumReader<D> datumReaderFor(Schema writerSchema) {
    return Objects.requireNonNull(datumReaders.apply(writerSchema), "the datum reader factory returned null");
  }
}
