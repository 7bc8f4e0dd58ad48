package io.lancaster.avro.schema;

import com.fasterxml.jackson.core.JsonFactory;
import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses schema JSON (the spec's "Schema Declaration") into {@link Schema}s. Named types defined by earlier
 * {@code parse} calls stay known, so a set of .avsc files can refer to each other's types, as with Apache
 * Avro's {@code Schema.Parser}. Never loads a class: Java-specific properties such as {@code java-class} are
 * kept as plain properties.
 *
 * <p>By default names and defaults are validated as the spec requires. Readers of files written by others turn
 * both off ({@link #lenient()}), because a writer's schema with an invalid default or name still describes its
 * data exactly.
 */
public final class SchemaParser {
  private static final Set<String> RECORD_ATTRS =
      Set.of("type", "name", "namespace", "doc", "aliases", "fields");
  private static final Set<String> ENUM_ATTRS =
      Set.of("type", "name", "namespace", "doc", "aliases", "symbols", "default");
  private static final Set<String> FIXED_ATTRS = Set.of("type", "name", "namespace", "doc", "aliases", "size");
  private static final Set<String> ARRAY_ATTRS = Set.of("type", "items");
  private static final Set<String> MAP_ATTRS = Set.of("type", "values");
  private static final Set<String> PRIMITIVE_ATTRS = Set.of("type");
  private static final Set<String> FIELD_ATTRS = Set.of("name", "type", "doc", "default", "order", "aliases");

  private final Map<String, NamedSchema> names = new LinkedHashMap<>();
  private boolean validateNames = true;
  private DefaultValidation defaultValidation = DefaultValidation.STRICT;
  private int maxDepth = ReadLimits.DEFAULT.maxSchemaDepth();
  private JsonFactory jsonFactory = Json.factory(maxDepth * 4 + 16);

  /** How field defaults are checked against their schema. */
  public enum DefaultValidation {
    /** As the spec says: a union field's default matches the union's first branch. */
    STRICT,
    /** Like Apache Avro Java: a union field's default may match any branch. */
    ANY_UNION_BRANCH,
    /** Not checked (for writer schemas read from files; a bad default only fails if resolution uses it). */
    NONE
  }

  /** A parser that accepts any structurally valid schema: no name or default validation. */
  public static SchemaParser lenient() {
    return new SchemaParser().validateNames(false).defaultValidation(DefaultValidation.NONE);
  }

  public SchemaParser validateNames(boolean validate) {
    this.validateNames = validate;
    return this;
  }

  public SchemaParser defaultValidation(DefaultValidation validation) {
    this.defaultValidation = validation;
    return this;
  }

  /** Deepest schema nesting accepted; deeper schemas fail with a SchemaParseException, not a stack overflow. */
  public SchemaParser maxDepth(int maxDepth) {
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
    }
    this.maxDepth = maxDepth;
    this.jsonFactory = Json.factory(maxDepth * 4 + 16);
    return this;
  }

  /** Named types known to this parser, by full name. */
  public Map<String, NamedSchema> knownTypes() {
    return Collections.unmodifiableMap(names);
  }

  /** Makes a named type known, as if it had been parsed earlier. */
  public SchemaParser addType(NamedSchema schema) {
    define(schema);
    return this;
  }

  public Schema parse(String json) {
    Object tree;
    try {
      tree = Json.parse(jsonFactory, json);
    } catch (SchemaParseException e) {
      throw new SchemaParseException("not a schema: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw tooDeepForStack(e);
    }
    return parseTree(tree);
  }

  public Schema parse(InputStream in) throws IOException {
    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  public Schema parse(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses an already parsed JSON tree. Types defined by a schema that fails to parse are forgotten. */
  public Schema parseTree(Object tree) {
    Map<String, NamedSchema> before = new LinkedHashMap<>(names);
    try {
      return new Run().parse(tree, "", 0);
    } catch (RuntimeException e) {
      names.clear();
      names.putAll(before);
      throw e;
    } catch (StackOverflowError e) {
      // A compiled parse can need a few KB of stack per level of nested records: a thread with a small stack
      // can run out below maxDepth. The parse state is local, so this is safe to report as a bad schema.
      names.clear();
      names.putAll(before);
      throw tooDeepForStack(e);
    }
  }

  private SchemaParseException tooDeepForStack(StackOverflowError e) {
    return new SchemaParseException("schema nested too deep for this thread's stack (maxSchemaDepth = " + maxDepth
        + "); lower the limit or parse on a thread with a larger stack", e);
  }

  private void define(NamedSchema schema) {
    String full = schema.fullName();
    if (names.containsKey(full)) {
      throw new SchemaParseException("the type " + full + " is defined twice");
    }
    names.put(full, schema);
  }

  /** The state of one parse: defaults to check once every record of the schema has its fields. */
  private final class Run {
    private final List<Runnable> deferredChecks = new ArrayList<>();

    Schema parse(Object tree, String namespace, int depth) {
      Schema result = parseSchema(tree, namespace, depth);
      for (Runnable check : deferredChecks) {
        check.run();
      }
      return result;
    }

    private Schema parseSchema(Object json, String namespace, int depth) {
      if (depth > maxDepth) {
        throw new SchemaParseException("schema nesting deeper than the limit maxSchemaDepth = " + maxDepth);
      }
      if (json instanceof String s) {
        return reference(s, namespace);
      }
      if (json instanceof List<?> branches) {
        List<Schema> types = new ArrayList<>(branches.size());
        for (Object b : branches) {
          types.add(parseSchema(b, namespace, depth + 1));
        }
        return new UnionSchema(types);
      }
      if (!(json instanceof Map<?, ?>)) {
        throw new SchemaParseException("a schema must be a JSON string, object or array, not " + Json.kind(json)
            + ": " + Json.toJson(json));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> obj = (Map<String, Object>) json;
      Object typeAttr = obj.get("type");
      if (typeAttr == null) {
        throw new SchemaParseException("no \"type\" in schema " + Json.toJson(obj));
      }
      if (!(typeAttr instanceof String type)) {
        if (typeAttr instanceof Map || typeAttr instanceof List) {
          // {"type": {...}} or {"type": [...]}: a wrapped schema. Apache Avro 1.12 refuses it; older writers
          // produced it, and its meaning is unambiguous, so it is accepted.
          return parseSchema(typeAttr, namespace, depth + 1);
        }
        throw new SchemaParseException("\"type\" must be a string, object or array: " + Json.toJson(obj));
      }
      Schema.Type primitive = Schema.Type.primitive(type);
      if (primitive != null) {
        return PrimitiveSchema.of(primitive, props(obj, PRIMITIVE_ATTRS));
      }
      switch (type) {
        case "record":
        case "error":
          return record(obj, namespace, depth, type.equals("error"));
        case "enum":
          return enumSchema(obj, namespace);
        case "fixed":
          return fixed(obj, namespace);
        case "array": {
          Object items = obj.get("items");
          if (items == null) {
            throw new SchemaParseException("array has no \"items\": " + Json.toJson(obj));
          }
          return new ArraySchema(parseSchema(items, namespace, depth + 1), props(obj, ARRAY_ATTRS));
        }
        case "map": {
          Object values = obj.get("values");
          if (values == null) {
            throw new SchemaParseException("map has no \"values\": " + Json.toJson(obj));
          }
          return new MapSchema(parseSchema(values, namespace, depth + 1), props(obj, MAP_ATTRS));
        }
        default:
          // {"type": "com.example.Name"}: a reference to a defined type in object form.
          return reference(type, namespace);
      }
    }

    private Schema reference(String name, String namespace) {
      Schema.Type primitive = Schema.Type.primitive(name);
      if (primitive != null) {
        return PrimitiveSchema.of(primitive);
      }
      NamedSchema found = names.get(Name.resolve(name, namespace).fullName());
      if (found == null && name.indexOf('.') < 0 && !namespace.isEmpty()) {
        found = names.get(name); // a type in the null namespace, referred to from inside a namespace
      }
      if (found == null) {
        throw new SchemaParseException("undefined name: \"" + name + "\""
            + (namespace.isEmpty() ? "" : " (in namespace " + namespace + ")")
            + "; a type must be defined before it is used");
      }
      return found;
    }

    private Name name(Map<String, Object> obj, String enclosingNamespace, String kind) {
      Object nameAttr = obj.get("name");
      if (!(nameAttr instanceof String name)) {
        throw new SchemaParseException(kind + " has no \"name\" string: " + Json.toJson(obj));
      }
      Object nsAttr = obj.get("namespace");
      if (nsAttr != null && nsAttr != Json.NULL && !(nsAttr instanceof String)) {
        throw new SchemaParseException("\"namespace\" of " + name + " must be a string");
      }
      String ns = name.indexOf('.') >= 0 ? null
          : nsAttr instanceof String s ? s : enclosingNamespace;
      Name result = Name.resolve(name, ns);
      if (validateNames) {
        result.validate();
      } else if (result.simpleName().isEmpty()) {
        throw new SchemaParseException(kind + " has an empty name: " + Json.toJson(obj));
      }
      return result;
    }

    private Schema record(Map<String, Object> obj, String namespace, int depth, boolean error) {
      Name name = name(obj, namespace, "record");
      RecordSchema record = new RecordSchema(name, doc(obj), aliases(obj, name.fullName()), error,
          props(obj, RECORD_ATTRS));
      define(record);
      Object fieldsAttr = obj.get("fields");
      if (!(fieldsAttr instanceof List<?> fieldsJson)) {
        throw new SchemaParseException("record " + name + " has no \"fields\" array");
      }
      List<Field> fields = new ArrayList<>(fieldsJson.size());
      for (Object f : fieldsJson) {
        fields.add(field(f, record, depth));
      }
      record.setFields(fields);
      return record;
    }

    private Field field(Object json, RecordSchema record, int depth) {
      if (!(json instanceof Map<?, ?>)) {
        throw new SchemaParseException("a field of record " + record.fullName() + " is not a JSON object: "
            + Json.toJson(json));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> obj = (Map<String, Object>) json;
      if (!(obj.get("name") instanceof String fieldName)) {
        throw new SchemaParseException("a field of record " + record.fullName() + " has no \"name\" string: "
            + Json.toJson(obj));
      }
      if (validateNames) {
        Name.checkSimpleName(fieldName, "field name in record " + record.fullName());
      }
      Object typeJson = obj.get("type");
      if (typeJson == null) {
        throw new SchemaParseException("field " + record.fullName() + "." + fieldName + " has no \"type\"");
      }
      Schema schema = parseSchema(typeJson, record.namespace(), depth + 1);
      Field.Order order = Field.Order.ASCENDING;
      Object orderAttr = obj.get("order");
      if (orderAttr != null) {
        order = switch (String.valueOf(orderAttr)) {
          case "ascending" -> Field.Order.ASCENDING;
          case "descending" -> Field.Order.DESCENDING;
          case "ignore" -> Field.Order.IGNORE;
          default -> throw new SchemaParseException("field " + record.fullName() + "." + fieldName
              + " has an invalid order " + Json.toJson(orderAttr)
              + " (ascending, descending or ignore)");
        };
      }
      Object dflt = obj.get("default");
      Field field = new Field(fieldName, schema, doc(obj), dflt, order,
          stringList(obj.get("aliases"), "aliases of field " + fieldName), props(obj, FIELD_ATTRS));
      if (dflt != null && defaultValidation != DefaultValidation.NONE) {
        String path = record.fullName() + "." + fieldName;
        boolean anyBranch = defaultValidation == DefaultValidation.ANY_UNION_BRANCH;
        deferredChecks.add(() -> DefaultValues.check(path, schema, dflt, anyBranch));
      }
      return field;
    }

    private Schema enumSchema(Map<String, Object> obj, String namespace) {
      Name name = name(obj, namespace, "enum");
      List<String> symbols = stringList(obj.get("symbols"), "symbols of enum " + name);
      if (obj.get("symbols") == null) {
        throw new SchemaParseException("enum " + name + " has no \"symbols\" array");
      }
      if (validateNames) {
        for (String s : symbols) {
          Name.checkSimpleName(s, "symbol of enum " + name);
        }
      }
      Object dflt = obj.get("default");
      if (dflt != null && !(dflt instanceof String)) {
        throw new SchemaParseException("the default of enum " + name + " must be a string: " + Json.toJson(dflt));
      }
      EnumSchema e = new EnumSchema(name, doc(obj), aliases(obj, name.fullName()), symbols, (String) dflt,
          props(obj, ENUM_ATTRS));
      define(e);
      return e;
    }

    private Schema fixed(Map<String, Object> obj, String namespace) {
      Name name = name(obj, namespace, "fixed");
      Object sizeAttr = obj.get("size");
      if (!(sizeAttr instanceof Long size) || size < 0 || size > Integer.MAX_VALUE) {
        throw new SchemaParseException("fixed " + name + " needs a non-negative integer \"size\", got "
            + (sizeAttr == null ? "none" : Json.toJson(sizeAttr)));
      }
      FixedSchema f = new FixedSchema(name, doc(obj), aliases(obj, name.fullName()), size.intValue(),
          props(obj, FIXED_ATTRS));
      define(f);
      return f;
    }

    private String doc(Map<String, Object> obj) {
      Object d = obj.get("doc");
      return d instanceof String s ? s : null;
    }

    private List<String> aliases(Map<String, Object> obj, String owner) {
      return stringList(obj.get("aliases"), "aliases of " + owner);
    }

    private List<String> stringList(Object json, String what) {
      if (json == null) {
        return List.of();
      }
      if (!(json instanceof List<?> list)) {
        throw new SchemaParseException(what + " must be a JSON array of strings: " + Json.toJson(json));
      }
      List<String> out = new ArrayList<>(list.size());
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw new SchemaParseException(what + " must be a JSON array of strings: " + Json.toJson(json));
        }
        out.add(s);
      }
      return out;
    }

    private Map<String, Object> props(Map<String, Object> obj, Collection<String> reserved) {
      Map<String, Object> props = null;
      for (Map.Entry<String, Object> e : obj.entrySet()) {
        if (!reserved.contains(e.getKey())) {
          if (props == null) {
            props = new LinkedHashMap<>();
          }
          props.put(e.getKey(), e.getValue());
        }
      }
      return props;
    }
  }
}
