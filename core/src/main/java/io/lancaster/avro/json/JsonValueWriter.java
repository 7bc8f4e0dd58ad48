package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one value of a fixed schema in the JSON encoding; a {@link JsonDatumWriter} is a tree of these. */
interface JsonValueWriter {
  void write(Object datum, JsonGenerator out) throws IOException;
}
