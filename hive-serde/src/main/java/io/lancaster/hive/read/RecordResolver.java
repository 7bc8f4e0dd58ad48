package io.lancaster.hive.read;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.schema.RecordSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The slow path: brings a record the input format could not resolve to the table's schema (because it did not know
 * it, or knew another version of it) into the table's schema, by encoding it and decoding it with the core's
 * resolving reader. The pair of schemas is resolved once, the first time it is seen; Spark, whose readers always
 * know the table's schema, never comes here.
 *
 * <p>Not thread-safe: one per SerDe.
 */
final class RecordResolver {
  private final RecordSchema table;
  private final Map<Key, Reencoder> reencoders = new HashMap<>();
  private Key lastKey;
  private Reencoder last;

  RecordResolver(RecordSchema table) {
    this.table = table;
  }

  /**
   * {@code record} in the table's schema.
   *
   * @param resolvedTo the schema the reader resolved the record to (of which the record may hold only some fields),
   *     or null when the record is in its file's own schema
   */
  GenericRecord toTable(GenericRecord record, Schema resolvedTo) {
    RecordSchema schema = record.schema();
    if (lastKey == null || lastKey.record != schema || lastKey.resolvedTo != resolvedTo) {
      Key key = new Key(schema, resolvedTo);
      last = reencoders.computeIfAbsent(key, k -> new Reencoder(schema, target(schema, resolvedTo)));
      lastKey = key;
    }
    return last.apply(record);
  }

  /**
   * What the record can be resolved to: the table's schema, without the columns the reader left out on purpose (those
   * its schema has and the record lacks), which the query does not read; columns the reader's schema lacks take
   * their defaults.
   */
  private RecordSchema target(RecordSchema record, Schema resolvedTo) {
    if (!(resolvedTo instanceof RecordSchema reader)) {
      return table;
    }
    return RecordSchemas.subset(table, f -> reader.field(f.name()) == null || record.field(f.name()) != null);
  }

  /** Identity of a (record schema, resolved-to schema) pair. */
  private record Key(Schema record, Schema resolvedTo) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.record == record && k.resolvedTo == resolvedTo;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(record) * 31 + System.identityHashCode(resolvedTo);
    }
  }

  private static final class Reencoder {
    private final GenericDatumWriter writer;
    private final ResolvingDatumReader reader;
    private final BufferEncoder buffer = new BufferEncoder();
    private final ByteArrayDecoder decoder = new ByteArrayDecoder(new byte[0]);

    Reencoder(RecordSchema writerSchema, RecordSchema target) {
      this.writer = new GenericDatumWriter(writerSchema);
      this.reader = new ResolvingDatumReader(writerSchema, target, ResolutionOptions.apacheCompatible());
    }

    GenericRecord apply(GenericRecord record) {
      try {
        buffer.reset();
        writer.write(record, buffer);
        decoder.reset(buffer.buffer().array(), 0, buffer.size());
        return (GenericRecord) reader.read(decoder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
