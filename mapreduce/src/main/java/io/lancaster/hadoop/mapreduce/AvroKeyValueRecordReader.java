package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.input.InputSchemas;
import io.lancaster.hadoop.input.KeyValuePairs;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;

/**
 * Each key/value pair record ({@link KeyValuePairs}) of an Avro file as an {@link AvroKey} and an
 * {@link AvroValue}, both reused from record to record.
 */
public class AvroKeyValueRecordReader<K, V> extends AvroRecordReaderBase<AvroKey<K>, AvroValue<V>> {
  private final AvroKey<K> key = new AvroKey<>();
  private final AvroValue<V> value = new AvroValue<>();

  /** The reader schemas of the key and the value, each null for the file's own. */
  public AvroKeyValueRecordReader(Schema keyReaderSchema, Schema valueReaderSchema) {
    super(InputSchemas.keyValuePairs(keyReaderSchema, valueReaderSchema));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void record(Object datum) {
    GenericRecord pair = (GenericRecord) datum;
    key.datum((K) KeyValuePairs.key(pair));
    value.datum((V) KeyValuePairs.value(pair));
  }

  @Override
  protected void ended() {
    key.datum(null);
    value.datum(null);
  }

  @Override
  public AvroKey<K> getCurrentKey() {
    return key;
  }

  @Override
  public AvroValue<V> getCurrentValue() {
    return value;
  }
}
