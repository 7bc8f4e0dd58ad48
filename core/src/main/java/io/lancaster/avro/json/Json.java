package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import io.lancaster.avro.SchemaParseException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON tree over Jackson's streaming parser, for schema attributes, custom properties and default
 * values. Values are plain Java objects: {@link #NULL}, {@link Boolean}, {@link Long} (or {@link BigInteger}
 * beyond 64 bits), {@link Double} (or {@link BigDecimal} when asked to keep exact decimals), {@link String},
 * unmodifiable {@link List} and unmodifiable insertion-ordered {@link Map}. Keeping our own tiny tree keeps
 * jackson-databind out of the core.
 */
public final class Json {
  /** The JSON {@code null} literal (Java null means "absent"). */
  public static final Object NULL = JsonNull.INSTANCE;

  private enum JsonNull {
    INSTANCE;

    @Override
    public String toString() {
      return "null";
    }
  }

  private static final JsonFactory FACTORY = factory(1000);

  private Json() {}

  /** A factory whose parsers refuse JSON nested deeper than {@code maxDepth} (guards the recursive tree building). */
  public static JsonFactory factory(int maxDepth) {
    return new JsonFactoryBuilder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Math.max(maxDepth, 1000)).build())
        .build();
  }

  public static JsonFactory factory() {
    return FACTORY;
  }

  /** Parses one JSON value from text; trailing non-whitespace is an error. */
  public static Object parse(String text) {
    return parse(FACTORY, text);
  }

  public static Object parse(JsonFactory factory, String text) {
    try (JsonParser p = factory.createParser(text)) {
      if (p.nextToken() == null) {
        throw new SchemaParseException("empty JSON text");
      }
      Object value = read(p);
      if (p.nextToken() != null) {
        throw new SchemaParseException("unexpected text after the JSON value at " + p.currentLocation());
      }
      return value;
    } catch (IOException e) {
      throw new SchemaParseException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Reads the value at the parser's current token (which must be set), leaving it on the value's last token. */
  public static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (map.put(key, read(p)) != null) {
            throw new SchemaParseException("duplicate JSON key \"" + key + "\" at " + p.currentLocation());
          }
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new SchemaParseException("unexpected JSON token " + t + " at " + p.currentLocation());
    }
  }

  public static void write(JsonGenerator g, Object v) throws IOException {
    if (v == NULL || v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof BigInteger bi) {
      g.writeNumber(bi);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigDecimal bd) {
      g.writeNumber(bd);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  public static String toJson(Object v) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      write(g, v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** A short description of a JSON value's kind, for error messages. */
  public static String kind(Object v) {
    if (v == NULL || v == null) {
      return "null";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Boolean) {
      return "boolean";
    } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
      return "integer";
    } else if (v instanceof Number) {
      return "number";
    } else if (v instanceof List) {
      return "array";
    } else {
      return "object";
    }
  }
}
