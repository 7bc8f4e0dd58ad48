package io.lancaster.avro.generic;

import io.lancaster.avro.io.Decoder;
import java.io.IOException;

/** Reads one datum from a decoder. Implementations are built once per schema and reused for every datum. */
public interface DatumReader<T> {
  T read(Decoder in) throws IOException;

  /** Skips one datum without materialising it. */
  void skip(Decoder in) throws IOException;
}
