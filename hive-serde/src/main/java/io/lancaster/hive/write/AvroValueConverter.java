package io.lancaster.hive.write;

/**
 * Turns one Hive value, as its object inspector presents it, into the generic Avro value of the column's schema
 * (what the core's datum writer takes). Bound to one inspector by an {@link AvroConverterFactory}.
 */
@FunctionalInterface
public interface AvroValueConverter {
  /** The Avro value of {@code hive}, which may be null. */
  Object convert(Object hive);
}
