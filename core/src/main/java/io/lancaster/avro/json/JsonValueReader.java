package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one value of a fixed schema in the JSON encoding; a {@link JsonDatumReader} is a tree of these. */
interface JsonValueReader {
  /**
   * Reads the value whose first token is the parser's current token, leaving the parser on the value's last token
   * (the token itself for a scalar, the closing bracket or brace otherwise).
   */
  Object read(JsonParser in) throws IOException;
}
