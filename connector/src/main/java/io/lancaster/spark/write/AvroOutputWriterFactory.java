package io.lancaster.spark.write;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.spark.write.encode.EncoderCompiler;
import io.lancaster.spark.write.encode.RowDatumWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * What every task of a write needs, made on the driver and shipped to the tasks: the DataFrame's schema, the
 * output Avro schema (as JSON), the options and the header metadata. In a task, the schema is parsed and the row
 * writer compiled once, then shared by the task's files (a task writes one file per partition directory, all on
 * its own thread).
 */
final class AvroOutputWriterFactory extends OutputWriterFactory {
  private static final long serialVersionUID = 1L;

  private final StructType dataSchema;
  private final String avroSchemaJson;
  private final AvroWriteOptions options;
  private final Map<String, String> metadata;

  private transient Schema avroSchema;
  private transient RowDatumWriter rows;
  private transient Thread rowsThread;

  AvroOutputWriterFactory(StructType dataSchema, Schema avroSchema, AvroWriteOptions options,
      Map<String, String> metadata) {
    this.dataSchema = dataSchema;
    this.avroSchemaJson = avroSchema.toString();
    this.options = options;
    this.metadata = metadata;
  }

  @Override
  public String getFileExtension(TaskAttemptContext context) {
    return options.compression().fileExtension();
  }

  @Override
  public OutputWriter newInstance(String path, StructType schema, TaskAttemptContext context) {
    try {
      return new AvroOutputWriter(path, context.getConfiguration(), avroSchema(), rowWriter(), options, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Avro file " + path, e);
    }
  }

  private Schema avroSchema() {
    if (avroSchema == null) {
      avroSchema = SchemaParser.lenient().parse(avroSchemaJson);
    }
    return avroSchema;
  }

  /** The row writer, compiled once per thread (it keeps scratch buffers). */
  private RowDatumWriter rowWriter() {
    if (rows == null || rowsThread != Thread.currentThread()) {
      rows = EncoderCompiler.compile(dataSchema, avroSchema(), options.encoding());
      rowsThread = Thread.currentThread();
    }
    return rows;
  }
}
