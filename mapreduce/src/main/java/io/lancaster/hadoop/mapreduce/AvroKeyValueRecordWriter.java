package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.hadoop.output.AvroFileSink;
import io.lancaster.hadoop.output.OutputDatums;
import io.lancaster.hadoop.output.Syncable;
import java.io.IOException;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Writes each key/value pair as one {@code KeyValuePair} record ({@link io.lancaster.hadoop.output.KeyValuePairSchema})
 * of an Avro file. Keys and values are Avro data in wrappers or basic Writables ({@link OutputDatums}).
 */
public final class AvroKeyValueRecordWriter<K, V> extends RecordWriter<K, V> implements Syncable {
  private final AvroFileSink sink;
  private final GenericRecord pair;

  /** A writer of pairs into {@code sink}, whose schema must be a KeyValuePair record. */
  public AvroKeyValueRecordWriter(AvroFileSink sink) {
    this.sink = sink;
    this.pair = new GenericRecord((RecordSchema) sink.schema());
  }

  @Override
  public void write(K key, V value) throws IOException {
    pair.put(0, OutputDatums.toDatum(key));
    pair.put(1, OutputDatums.toDatum(value));
    sink.append(pair);
  }

  @Override
  public long sync() throws IOException {
    return sink.sync();
  }

  @Override
  public void close(TaskAttemptContext context) throws IOException {
    sink.close();
  }
}
