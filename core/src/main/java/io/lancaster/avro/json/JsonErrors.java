package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.lancaster.avro.AvroDataException;
import java.io.IOException;

/**
 * Builds the {@link JsonDataException}s of the JSON readers: what was expected, what the parser holds instead,
 * and where; and turns Jackson's own parse errors (malformed JSON, its stream constraints) into the same type so
 * that callers have one exception to catch.
 */
final class JsonErrors {
  private static final int MAX_SHOWN = 60;

  private JsonErrors() {}

  /** An error about the value at the parser's current token. */
  static JsonDataException at(JsonParser in, String detail) {
    return new JsonDataException(detail, in.currentTokenLocation());
  }

  /** "expected {@code expected}, got ..." about the value at the parser's current token. */
  static JsonDataException mismatch(JsonParser in, String expected) throws IOException {
    return at(in, "expected " + expected + ", got " + describe(in));
  }

  /** The current token, for a message: its kind and, for scalars, its (shortened) text. */
  static String describe(JsonParser in) throws IOException {
    JsonToken t = in.currentToken();
    if (t == null) {
      return "the end of the input";
    }
    switch (t) {
      case START_OBJECT: return "an object";
      case START_ARRAY: return "an array";
      case END_OBJECT: return "the end of an object";
      case END_ARRAY: return "the end of an array";
      case FIELD_NAME: return "the key " + quote(in.currentName());
      case VALUE_STRING: return "the string " + quote(in.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return "the number " + shorten(in.getText());
      case VALUE_TRUE: return "true";
      case VALUE_FALSE: return "false";
      case VALUE_NULL: return "null";
      default: return t.toString();
    }
  }

  static String quote(String s) {
    return "\"" + shorten(s) + "\"";
  }

  static String shorten(String s) {
    return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN - 3) + "..." : s;
  }

  /** Jackson's parse error as ours, at its own location (else the parser's). */
  static JsonDataException wrap(JsonProcessingException e, JsonParser in) {
    JsonLocation where = e.getLocation() != null ? e.getLocation() : in.currentLocation();
    String what = e.getOriginalMessage();
    return new JsonDataException(what == null ? e.getClass().getSimpleName() : what.strip(), where, e);
  }

  /**
   * The exception to rethrow from an enclosing reader, with {@code element} added in front of its field path; an
   * I/O error of the underlying stream is returned unchanged.
   */
  static IOException prependPath(IOException e, String element, JsonParser in) {
    if (e instanceof AvroDataException d) {
      return d.prependPath(element);
    }
    if (e instanceof JsonProcessingException j) {
      return wrap(j, in).prependPath(element);
    }
    return e;
  }
}
