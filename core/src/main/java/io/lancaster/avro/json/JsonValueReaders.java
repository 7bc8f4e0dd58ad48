package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of JSON-encoding value readers for all types but records and unions ({@link JsonRecordReader},
 * {@link JsonUnionReader}). They produce the generic values the binary readers produce (Integer, Long, Float,
 * Double, String, ByteBuffer, {@link GenericEnum}, {@link GenericFixed}, List, Map with String keys) and reject
 * what the schema cannot hold with a {@link JsonDataException} at the value's location:
 *
 * <ul>
 *   <li>int and long: a JSON integer in range, or a number with an integral value ({@code 1e3}, {@code 2.0}), as
 *       Apache Avro reads them; a fraction or a value out of range is an error, never truncated.
 *   <li>float and double: any JSON number, rounded once from its decimal text (so {@code -0} keeps its sign), and
 *       the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} that the writers use for the values JSON
 *       lacks. A finite number beyond the type's range is an error rather than an infinity.
 *   <li>bytes and fixed: a string of code points 0-255, one per byte; a larger code point is an error (Apache Avro
 *       silently turns it into {@code '?'}), and so is a fixed of the wrong length.
 *   <li>enum: one of its symbols; arrays: a JSON array; maps: a JSON object whose keys are unique.
 * </ul>
 */
final class JsonValueReaders {
  private JsonValueReaders() {}

  private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final JsonValueReader NULLS = in -> {
    if (in.currentToken() != JsonToken.VALUE_NULL) {
      throw JsonErrors.mismatch(in, "null");
    }
    return null;
  };

  private static final JsonValueReader BOOLEANS = in -> {
    JsonToken t = in.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    } else if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    throw JsonErrors.mismatch(in, "a boolean");
  };

  private static final JsonValueReader INTS = in -> {
    JsonToken t = in.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (in.getNumberType() == JsonParser.NumberType.INT) {
        return in.getIntValue();
      }
      throw outOfRange(in, "int");
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      long v = integral(in, "int");
      if (v != (int) v) {
        throw outOfRange(in, "int");
      }
      return (int) v;
    }
    throw JsonErrors.mismatch(in, "an int");
  };

  private static final JsonValueReader LONGS = in -> {
    JsonToken t = in.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = in.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return in.getLongValue();
      }
      throw outOfRange(in, "long");
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return integral(in, "long");
    }
    throw JsonErrors.mismatch(in, "a long");
  };

  private static final JsonValueReader FLOATS = in -> {
    JsonToken t = in.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (in.isNaN()) { // NaN or an infinity, from a parser that allows them as bare tokens
        return (float) in.getDoubleValue();
      }
      float v = Float.parseFloat(in.getText());
      if (Float.isInfinite(v)) {
        throw outOfRange(in, "float");
      }
      return v;
    } else if (t == JsonToken.VALUE_STRING) {
      Double special = nonFinite(in.getText());
      if (special != null) {
        return special.floatValue();
      }
    }
    throw JsonErrors.mismatch(in, "a float (a number, \"NaN\", \"Infinity\" or \"-Infinity\")");
  };

  private static final JsonValueReader DOUBLES = in -> {
    JsonToken t = in.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (in.isNaN()) {
        return in.getDoubleValue();
      }
      double v = Double.parseDouble(in.getText());
      if (Double.isInfinite(v)) {
        throw outOfRange(in, "double");
      }
      return v;
    } else if (t == JsonToken.VALUE_STRING) {
      Double special = nonFinite(in.getText());
      if (special != null) {
        return special;
      }
    }
    throw JsonErrors.mismatch(in, "a double (a number, \"NaN\", \"Infinity\" or \"-Infinity\")");
  };

  private static final JsonValueReader STRINGS = in -> {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      throw JsonErrors.mismatch(in, "a string");
    }
    return in.getText();
  };

  private static final JsonValueReader BYTES = in -> {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      throw JsonErrors.mismatch(in, "bytes (a string of code points 0-255)");
    }
    return ByteBuffer.wrap(latin1(in, in.getText()));
  };

  static JsonValueReader nulls() {
    return NULLS;
  }

  static JsonValueReader booleans() {
    return BOOLEANS;
  }

  static JsonValueReader ints() {
    return INTS;
  }

  static JsonValueReader longs() {
    return LONGS;
  }

  static JsonValueReader floats() {
    return FLOATS;
  }

  static JsonValueReader doubles() {
    return DOUBLES;
  }

  static JsonValueReader strings() {
    return STRINGS;
  }

  static JsonValueReader bytes() {
    return BYTES;
  }

  static JsonValueReader fixed(FixedSchema schema) {
    int size = schema.size();
    String name = schema.fullName();
    return in -> {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        throw JsonErrors.mismatch(in, "fixed " + name + " (a string of " + size + " code points 0-255)");
      }
      String s = in.getText();
      if (s.length() != size) {
        throw JsonErrors.at(in, "fixed " + name + " holds " + size + " bytes, got a string of " + s.length());
      }
      return new GenericFixed(schema, latin1(in, s));
    };
  }

  /** Symbols map to shared {@link GenericEnum} instances (they are immutable). */
  static JsonValueReader enums(EnumSchema schema) {
    Map<String, GenericEnum> bySymbol = new HashMap<>();
    for (String symbol : schema.symbols()) {
      bySymbol.put(symbol, new GenericEnum(schema, symbol));
    }
    return in -> {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        throw JsonErrors.mismatch(in, "a symbol of enum " + schema.fullName());
      }
      GenericEnum e = bySymbol.get(in.getText());
      if (e == null) {
        throw JsonErrors.at(in, JsonErrors.quote(in.getText()) + " is not a symbol of enum " + schema.fullName()
            + " " + schema.symbols());
      }
      return e;
    };
  }

  static JsonValueReader array(JsonValueReader items) {
    return in -> {
      if (in.currentToken() != JsonToken.START_ARRAY) {
        throw JsonErrors.mismatch(in, "an array");
      }
      List<Object> list = new ArrayList<>();
      while (in.nextToken() != JsonToken.END_ARRAY) {
        try {
          list.add(items.read(in));
        } catch (IOException e) {
          throw JsonErrors.prependPath(e, "[" + list.size() + "]", in);
        }
      }
      return list;
    };
  }

  /** A map keeps the order of its JSON object's keys, so that writing it again gives the same text. */
  static JsonValueReader map(JsonValueReader values) {
    return in -> {
      if (in.currentToken() != JsonToken.START_OBJECT) {
        throw JsonErrors.mismatch(in, "a map (an object)");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String key = in.currentName();
        if (map.containsKey(key)) {
          throw JsonErrors.at(in, "the map has the key " + JsonErrors.quote(key) + " twice");
        }
        in.nextToken();
        try {
          map.put(key, values.read(in));
        } catch (IOException e) {
          throw JsonErrors.prependPath(e, "[" + key + "]", in);
        }
      }
      return map;
    };
  }

  /**
   * A reference to a recursive type, resolved at first use. Only recursion lets the depth of the data, and so of
   * the readers' own recursion, grow without bound; this is where it is bounded.
   */
  static JsonValueReader recursive(Supplier<JsonValueReader> target, int maxNestingDepth) {
    return new JsonValueReader() {
      private JsonValueReader resolved;

      @Override
      public Object read(JsonParser in) throws IOException {
        int depth = in.getParsingContext().getNestingDepth();
        if (depth > maxNestingDepth) {
          throw JsonErrors.at(in, "JSON nesting depth " + depth + " exceeds the limit maxNestingDepth = "
              + maxNestingDepth + " (raise it with JsonReadOptions.withMaxNestingDepth)");
        }
        JsonValueReader r = resolved;
        if (r == null) {
          r = target.get();
          resolved = r;
        }
        return r.read(in);
      }
    };
  }

  /** The value of a number token that must be an integer within the long range. */
  private static long integral(JsonParser in, String type) throws IOException {
    BigDecimal d = in.getDecimalValue();
    if (d.signum() == 0) {
      return 0;
    }
    if (d.precision() - d.scale() > 19) { // more than 19 digits before the point: beyond any long, and cheap to tell
      throw outOfRange(in, type);
    }
    BigDecimal whole = d.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw JsonErrors.mismatch(in, "an integer (" + type + ")");
    }
    if (whole.compareTo(MIN_LONG) < 0 || whole.compareTo(MAX_LONG) > 0) {
      throw outOfRange(in, type);
    }
    return whole.longValueExact();
  }

  private static JsonDataException outOfRange(JsonParser in, String type) throws IOException {
    return JsonErrors.at(in, "the number " + JsonErrors.shorten(in.getText()) + " is out of the " + type + " range");
  }

  private static Double nonFinite(String s) {
    switch (s) {
      case "NaN": return Double.NaN;
      case "Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default: return null;
    }
  }

  /** The bytes of a string of code points 0-255. */
  private static byte[] latin1(JsonParser in, String s) throws JsonDataException {
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      char c = s.charAt(i);
      if (c > 0xFF) {
        throw JsonErrors.at(in, String.format("the character U+%04X at index %d is not a byte: bytes and fixed are"
            + " encoded as strings of code points 0-255", (int) c, i));
      }
      b[i] = (byte) c;
    }
    return b;
  }
}
