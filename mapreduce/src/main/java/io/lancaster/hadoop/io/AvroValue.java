package io.lancaster.hadoop.io;

/** An Avro datum as a MapReduce value, as avro-mapred's {@code AvroValue}. */
public class AvroValue<T> extends AvroWrapper<T> {
  public AvroValue() {
    super();
  }

  public AvroValue(T datum) {
    super(datum);
  }
}
