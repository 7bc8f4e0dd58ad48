package io.lancaster.hadoop.io;

/** An Avro datum as a MapReduce key (of input, map output and output), as avro-mapred's {@code AvroKey}. */
public class AvroKey<T> extends AvroWrapper<T> {
  public AvroKey() {
    super();
  }

  public AvroKey(T datum) {
    super(datum);
  }
}
