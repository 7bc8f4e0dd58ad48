/**
 * Avro functions on DataFrame columns, for Kafka pipelines: spark-avro's {@code from_avro}, {@code to_avro} and
 * {@code schema_of_avro} (same arguments, options, types and bytes), and the two framings Kafka values use, the
 * Confluent schema-registry wire format and Avro's single-object encoding, where each message names its writer
 * schema and every writer schema is resolved against one reader schema.
 *
 * <ul>
 *   <li>{@link io.lancaster.spark.functions.AvroFunctions}: the Java and Scala API (static methods returning
 *       columns);
 *   <li>{@link io.lancaster.spark.functions.AvroFunctionRegistry}: the same as SQL functions
 *       ({@code lancaster_from_avro}, ...), which Python calls through {@code expr} or {@code spark.sql}, e.g.
 *       {@code df.select(expr("lancaster_from_avro_registry(value, map(1, '...', 2, '...'), '...')"))};
 *   <li>{@link io.lancaster.spark.functions.DecodeAvro} and {@link io.lancaster.spark.functions.EncodeAvro}: the
 *       Catalyst expressions behind both, written in Java ({@link io.lancaster.spark.functions.AvroExpression});
 *       each fixes its schemas in an immutable spec on the driver and compiles its decoder or encoder once per
 *       instance in the task: the read path's vectorized decoder tree into a one-row vector, the write path's
 *       encoder tree.
 * </ul>
 */
package io.lancaster.spark.functions;
