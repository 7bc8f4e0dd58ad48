package io.lancaster.hadoop.mapreduce;

import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.output.AvroFileSink;
import io.lancaster.hadoop.output.Syncable;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/** Writes each key's datum as a record of an Avro file; the values (NullWritable) are ignored. */
public final class AvroKeyRecordWriter<T> extends RecordWriter<AvroKey<T>, NullWritable> implements Syncable {
  private final AvroFileSink sink;

  public AvroKeyRecordWriter(AvroFileSink sink) {
    this.sink = sink;
  }

  @Override
  public void write(AvroKey<T> key, NullWritable value) throws IOException {
    sink.append(key.datum());
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
