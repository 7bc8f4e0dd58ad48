package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.output.KeyValuePairSchema;
import io.lancaster.hadoop.output.OutputDatums;
import io.lancaster.hadoop.output.OutputSchemas;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Writes key/value pairs as Avro files of {@code org.apache.avro.mapreduce.KeyValuePair} records (fields "key" and
 * "value"), the same files as avro-mapred's format of the same name. The key's schema is
 * {@value AvroConfigKeys#OUTPUT_KEY_SCHEMA} and the value's {@value AvroConfigKeys#OUTPUT_VALUE_SCHEMA} (in a map-only
 * job the map output schemas when set); without one, the job's output key or value class must be a basic Writable
 * (Text, IntWritable, LongWritable, ...), which gives the schema as in avro-mapred.
 */
public class AvroKeyValueOutputFormat<K, V> extends AvroOutputFormatBase<K, V> {
  @Override
  public RecordWriter<K, V> getRecordWriter(TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    boolean mapOnly = context.getNumReduceTasks() == 0;
    Schema key = OutputDatums.schemaFor(context.getOutputKeyClass(), OutputSchemas.outputKey(conf, mapOnly),
        "key (set " + AvroConfigKeys.OUTPUT_KEY_SCHEMA + ")");
    Schema value = OutputDatums.schemaFor(context.getOutputValueClass(), OutputSchemas.outputValue(conf, mapOnly),
        "value (set " + AvroConfigKeys.OUTPUT_VALUE_SCHEMA + ")");
    return new AvroKeyValueRecordWriter<>(createSink(context, KeyValuePairSchema.of(key, value)));
  }
}
