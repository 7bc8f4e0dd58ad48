package io.lancaster.hive.write;

import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;

/**
 * The converter of one Avro schema, waiting for the inspector of the Hive values it will convert: the schema is
 * compiled once per table ({@link AvroConverterCompiler}), the result bound once per inspector Hive or Spark hands
 * the SerDe (in practice, once per task).
 */
@FunctionalInterface
public interface AvroConverterFactory {
  /**
   * The converter of values seen through {@code inspector}.
   *
   * @throws IllegalArgumentException when the inspector's type cannot hold the schema's values (a list where a
   *     record is expected, a struct of the wrong size)
   */
  AvroValueConverter bind(ObjectInspector inspector);
}
