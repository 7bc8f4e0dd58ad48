package io.lancaster.avro.generic;

import io.lancaster.avro.io.Decoder;
import java.io.IOException;

/** Reads (or skips) one value of a fixed schema; a datum reader is a tree of these, built once per schema. */
public interface ValueReader {
  Object read(Decoder in) throws IOException;

  void skip(Decoder in) throws IOException;
}
