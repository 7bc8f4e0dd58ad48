package io.lancaster.hive.read;

/**
 * Turns one generic Avro value (as the core's readers make them) into the standard Java object Hive's inspectors
 * expect for the column's Hive type. Built once per schema by {@link HiveConverterCompiler}; stateless.
 */
@FunctionalInterface
public interface HiveValueConverter {
  /** The Hive value of {@code avro}, which may be null where the schema allows it. */
  Object convert(Object avro);
}
