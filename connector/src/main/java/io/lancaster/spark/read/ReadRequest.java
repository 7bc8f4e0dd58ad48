package io.lancaster.spark.read;

import java.io.Serializable;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * What every task of one scan reads: the columns the query requests, the partition columns, the filters Spark
 * pushed down, whether it wants columnar batches, and the options. Built on the driver, shipped with the reader
 * function.
 *
 * @param readSchema the Avro read schema (JSON) every file resolves against: the avroSchema option, or the merged
 *     schema of {@code mergeSchema}; null to read each file with its own writer schema
 */
public record ReadRequest(StructType required, StructType partition, Filter[] filters, boolean returningBatch,
    AvroReadOptions options, String readSchema) implements Serializable {}
