package io.lancaster.it.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The known defects of Python avro 1.11's Parsing Canonical Form ({@code schema.canonical_form}), found and
 * repaired, so a test can assert that Python's form is the spec's but for these, and name them:
 * <ul>
 *   <li>{@link Defect#LOGICAL_PRIMITIVE_AS_OBJECT}: a primitive with a logical type (or any other attribute) stays
 *       an object, {@code {"type":"int"}}, where the spec's [PRIMITIVES] rule makes it {@code "int"};</li>
 *   <li>{@link Defect#FIXED_REDEFINED}: a fixed type used a second time is written out in full again, where the
 *       spec writes its full name.</li>
 * </ul>
 * Either changes the schema's CRC-64-AVRO fingerprint, so single-object messages of such schemas do not match
 * between Python and the other implementations.
 */
final class PythonCanonicalForm {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> PRIMITIVES =
      Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

  enum Defect { LOGICAL_PRIMITIVE_AS_OBJECT, FIXED_REDEFINED }

  private PythonCanonicalForm() {}

  static Set<Defect> defects(String pythonForm) {
    Set<Defect> found = EnumSet.noneOf(Defect.class);
    walk(parse(pythonForm), new HashSet<>(), found);
    return found;
  }

  /** Python's form with its known defects undone: the spec's form when Python has no other defect. */
  static String repair(String pythonForm) {
    try {
      return MAPPER.writeValueAsString(walk(parse(pythonForm), new HashSet<>(), EnumSet.noneOf(Defect.class)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Python printed an invalid canonical form: " + json, e);
    }
  }

  private static JsonNode walk(JsonNode node, Set<String> named, Set<Defect> found) {
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(branch -> out.add(walk(branch, named, found)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    JsonNode type = node.get("type");
    if (node.size() == 1 && type != null && type.isTextual() && PRIMITIVES.contains(type.textValue())) {
      found.add(Defect.LOGICAL_PRIMITIVE_AS_OBJECT);
      return type;
    }
    JsonNode name = node.get("name");
    if (name != null && type != null && type.isTextual()) {
      if (!named.add(name.textValue())) {
        if (type.textValue().equals("fixed")) {
          found.add(Defect.FIXED_REDEFINED);
        }
        return TextNode.valueOf(name.textValue());
      }
    }
    ObjectNode out = MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      switch (e.getKey()) {
        case "items":
        case "values":
          out.set(e.getKey(), walk(e.getValue(), named, found));
          break;
        case "fields": {
          ArrayNode fields = MAPPER.createArrayNode();
          for (JsonNode f : e.getValue()) {
            ObjectNode field = MAPPER.createObjectNode();
            field.set("name", f.get("name"));
            field.set("type", walk(f.get("type"), named, found));
            fields.add(field);
          }
          out.set("fields", fields);
          break;
        }
        default:
          out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
