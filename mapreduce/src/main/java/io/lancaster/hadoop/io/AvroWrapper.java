package io.lancaster.hadoop.io;

import java.util.Objects;

/**
 * Holds one Avro datum (a generic value) where Hadoop wants an object: a key or value of a record reader, a
 * record writer, or the shuffle. Equality is the datum's.
 */
public class AvroWrapper<T> {
  private T datum;

  public AvroWrapper() {
    this(null);
  }

  public AvroWrapper(T datum) {
    this.datum = datum;
  }

  public T datum() {
    return datum;
  }

  public void datum(T datum) {
    this.datum = datum;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Objects.equals(datum, ((AvroWrapper<?>) o).datum);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(datum);
  }

  @Override
  public String toString() {
    return String.valueOf(datum);
  }
}
