package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.output.OutputSchemas;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Writes the output keys (Avro data in {@link AvroKey}s) as the records of Avro files, one per task, like
 * avro-mapred's format of the same name. The schema is {@value AvroConfigKeys#OUTPUT_KEY_SCHEMA}; a map-only job
 * uses {@value AvroConfigKeys#MAP_OUTPUT_KEY_WRITER_SCHEMA} when set. Values are ignored.
 *
 * @param <T> the type of the data (generic values)
 */
public class AvroKeyOutputFormat<T> extends AvroOutputFormatBase<AvroKey<T>, NullWritable> {
  @Override
  public RecordWriter<AvroKey<T>, NullWritable> getRecordWriter(TaskAttemptContext context) throws IOException {
    Schema schema = OutputSchemas.outputKey(context.getConfiguration(), context.getNumReduceTasks() == 0);
    if (schema == null) {
      throw new IOException("AvroKeyOutputFormat needs the output schema: set " + AvroConfigKeys.OUTPUT_KEY_SCHEMA
          + " (AvroJob.setOutputKeySchema)");
    }
    return new AvroKeyRecordWriter<>(createSink(context, schema));
  }
}
