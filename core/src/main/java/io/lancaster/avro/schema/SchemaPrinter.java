package io.lancaster.avro.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import io.lancaster.avro.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Prints a schema back to JSON: each named type in full where it first appears and by name afterwards, names
 * relative to the enclosing namespace, and every property and default kept, so that parsing the output gives an
 * equal schema.
 */
final class SchemaPrinter {
  /**
   * No nesting limit on writing: a schema the parser accepted (up to about 4 JSON levels per schema level) must
   * print, and its depth is already bounded by the parser or by the code that built it.
   */
  private static final com.fasterxml.jackson.core.JsonFactory FACTORY = Json.factory(Integer.MAX_VALUE);

  private SchemaPrinter() {}

  static String toJson(Schema schema, boolean pretty) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      write(g, schema, "", new HashSet<>());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, Schema s, String namespace, Set<String> defined) throws IOException {
    if (s instanceof NamedSchema named) {
      if (!defined.add(named.fullName())) {
        g.writeString(named.name().relativeTo(namespace));
        return;
      }
      g.writeStartObject();
      g.writeStringField("type", s instanceof RecordSchema r && r.isError() ? "error" : s.type().typeName());
      g.writeStringField("name", named.simpleName());
      if (!named.namespace().equals(namespace)) {
        g.writeStringField("namespace", named.namespace());
      }
      if (named.doc() != null) {
        g.writeStringField("doc", named.doc());
      }
      String inner = named.namespace();
      if (s instanceof RecordSchema r) {
        g.writeArrayFieldStart("fields");
        for (Field f : r.fields()) {
          writeField(g, f, inner, defined);
        }
        g.writeEndArray();
      } else if (s instanceof EnumSchema e) {
        g.writeArrayFieldStart("symbols");
        for (String sym : e.symbols()) {
          g.writeString(sym);
        }
        g.writeEndArray();
        if (e.defaultSymbol() != null) {
          g.writeStringField("default", e.defaultSymbol());
        }
      } else if (s instanceof FixedSchema f) {
        g.writeNumberField("size", f.size());
      }
      if (!named.aliases().isEmpty()) {
        g.writeArrayFieldStart("aliases");
        for (Name a : named.aliases()) {
          g.writeString(a.relativeTo(inner));
        }
        g.writeEndArray();
      }
      writeProps(g, s.properties());
      g.writeEndObject();
      return;
    }
    switch (s.type()) {
      case UNION:
        g.writeStartArray();
        for (Schema b : ((UnionSchema) s).branches()) {
          write(g, b, namespace, defined);
        }
        g.writeEndArray();
        return;
      case ARRAY:
        g.writeStartObject();
        g.writeStringField("type", "array");
        g.writeFieldName("items");
        write(g, ((ArraySchema) s).items(), namespace, defined);
        writeProps(g, s.properties());
        g.writeEndObject();
        return;
      case MAP:
        g.writeStartObject();
        g.writeStringField("type", "map");
        g.writeFieldName("values");
        write(g, ((MapSchema) s).values(), namespace, defined);
        writeProps(g, s.properties());
        g.writeEndObject();
        return;
      default:
        if (s.properties().isEmpty()) {
          g.writeString(s.type().typeName());
        } else {
          g.writeStartObject();
          g.writeStringField("type", s.type().typeName());
          writeProps(g, s.properties());
          g.writeEndObject();
        }
    }
  }

  private static void writeField(JsonGenerator g, Field f, String namespace, Set<String> defined)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", f.name());
    g.writeFieldName("type");
    write(g, f.schema(), namespace, defined);
    if (f.doc() != null) {
      g.writeStringField("doc", f.doc());
    }
    if (f.hasDefault()) {
      g.writeFieldName("default");
      Json.write(g, f.defaultValue());
    }
    if (f.order() != Field.Order.ASCENDING) {
      g.writeStringField("order", f.order().jsonName());
    }
    if (!f.aliases().isEmpty()) {
      g.writeArrayFieldStart("aliases");
      for (String a : f.aliases()) {
        g.writeString(a);
      }
      g.writeEndArray();
    }
    writeProps(g, f.properties());
    g.writeEndObject();
  }

  private static void writeProps(JsonGenerator g, Map<String, Object> props) throws IOException {
    for (Map.Entry<String, Object> e : props.entrySet()) {
      g.writeFieldName(e.getKey());
      Json.write(g, e.getValue());
    }
  }
}
