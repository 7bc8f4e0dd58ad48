package io.lancaster.spark.write;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.spark.write.encode.EncoderCompiler;
import java.util.Map;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * The driver side of a write ({@code FileFormat.prepareWrite}): parses the options, decides the output schema
 * (the user's {@code avroSchema}, else the DataFrame's converted by {@link SparkToAvro}), and compiles the row
 * writer once so that a DataFrame the schema cannot hold fails here, before any task runs, naming the field.
 */
public final class AvroWriteSupport {
  private AvroWriteSupport() {}

  public static OutputWriterFactory prepareWrite(SQLConf sql, Job job, scala.collection.Map<String, String> options,
      StructType dataSchema) {
    AvroWriteOptions parsed = AvroWriteOptions.parse(options, sql, job.getConfiguration());
    Schema avro = parsed.avroSchema() != null ? SchemaParser.lenient().parse(parsed.avroSchema())
        : SparkToAvro.convert(dataSchema, parsed.recordName(), parsed.recordNamespace());
    EncoderCompiler.compile(dataSchema, avro, parsed.encoding());
    Map<String, String> metadata = FileMetadata.of(parsed);
    return new AvroOutputWriterFactory(dataSchema, avro, parsed, metadata);
  }
}
