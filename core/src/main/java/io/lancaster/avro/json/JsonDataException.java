package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonLocation;
import io.lancaster.avro.AvroDataException;

/**
 * JSON-encoded data that does not fit its schema, or is not JSON at all: a string where the schema says int, an
 * int out of range, a union branch the schema does not have, a missing field, nesting that is too deep. A JSON
 * file has no blocks or byte offsets worth giving, so besides the field path (set by the enclosing readers as the
 * exception unwinds) it names the line and column where the offending value starts, both one-based as editors
 * count them.
 */
public class JsonDataException extends AvroDataException {
  private final int line;
  private final int column;
  private final long charOffset;

  public JsonDataException(String detail, JsonLocation where) {
    this(detail, where, null);
  }

  public JsonDataException(String detail, JsonLocation where, Throwable cause) {
    super(detail, cause);
    this.line = where == null ? -1 : where.getLineNr();
    this.column = where == null ? -1 : where.getColumnNr();
    this.charOffset = where == null ? -1 : where.getCharOffset();
  }

  /** One-based line where the offending value starts, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** One-based column where the offending value starts, or -1 when unknown. */
  public int column() {
    return column;
  }

  /** Zero-based character offset of the offending value in the JSON text, or -1 when unknown. */
  public long charOffset() {
    return charOffset;
  }

  /** The detail, then the line and column, the file when known and the field path, e.g. {@code ... (line 3, column 9, field a.b)}. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    if (line < 0) {
      return message;
    }
    String where = "line " + line + ", column " + column;
    String detail = detail();
    if (message.length() > detail.length() && message.startsWith(detail + " (")) {
      return detail + " (" + where + ", " + message.substring(detail.length() + 2);
    }
    return message + " (" + where + ")";
  }
}
