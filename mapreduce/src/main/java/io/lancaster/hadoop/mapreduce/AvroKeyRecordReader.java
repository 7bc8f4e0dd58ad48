package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.input.InputSchemas;
import io.lancaster.hadoop.io.AvroKey;
import org.apache.hadoop.io.NullWritable;

/**
 * Each record of an Avro file as the datum of an {@link AvroKey}, generic values; the value is
 * {@link NullWritable}. The key object is reused from record to record.
 */
public class AvroKeyRecordReader<T> extends AvroRecordReaderBase<AvroKey<T>, NullWritable> {
  private final AvroKey<T> key = new AvroKey<>();

  /** @param readerSchema the schema records are resolved to, or null for each file's own */
  public AvroKeyRecordReader(Schema readerSchema) {
    super(InputSchemas.records(readerSchema));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void record(Object datum) {
    key.datum((T) datum);
  }

  @Override
  protected void ended() {
    key.datum(null);
  }

  @Override
  public AvroKey<T> getCurrentKey() {
    return key;
  }

  @Override
  public NullWritable getCurrentValue() {
    return NullWritable.get();
  }
}
