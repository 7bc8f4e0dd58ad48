package io.lancaster.avro.generic;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;

/** Writes one datum to an encoder. Implementations are built once per schema and reused for every datum. */
public interface DatumWriter<T> {
  void write(T datum, Encoder out) throws IOException;
}
