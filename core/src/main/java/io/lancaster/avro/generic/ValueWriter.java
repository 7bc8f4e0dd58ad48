package io.lancaster.avro.generic;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;

/** Writes one value of a fixed schema; a datum writer is a tree of these, built once per schema. */
public interface ValueWriter {
  void write(Object datum, Encoder out) throws IOException;
}
