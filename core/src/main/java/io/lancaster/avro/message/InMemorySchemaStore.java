package io.lancaster.avro.message;

import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SchemaStore} filled by the application (e.g. with every version of a schema it has shipped), keyed by
 * CRC-64-AVRO fingerprint. Thread-safe: schemas may be added while decoders look them up. Schemas that differ
 * only in what the Parsing Canonical Form drops (docs, defaults, aliases, properties) share a fingerprint; the
 * first one added is kept, which is harmless for a writer schema because all of them encode alike.
 */
public final class InMemorySchemaStore implements SchemaStore {
  private final ConcurrentMap<Long, Schema> schemas = new ConcurrentHashMap<>();

  public InMemorySchemaStore() {}

  /** A store holding {@code schemas}. */
  public InMemorySchemaStore(Schema... schemas) {
    for (Schema s : schemas) {
      add(s);
    }
  }

  /** Adds {@code schema} (unless one with the same fingerprint is already held) and returns its fingerprint. */
  public long add(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    long fp = Fingerprints.crc64(schema);
    schemas.putIfAbsent(fp, schema);
    return fp;
  }

  /** How many distinct fingerprints the store holds. */
  public int size() {
    return schemas.size();
  }

  @Override
  public Schema findByFingerprint(long crc64) {
    return schemas.get(crc64);
  }
}
