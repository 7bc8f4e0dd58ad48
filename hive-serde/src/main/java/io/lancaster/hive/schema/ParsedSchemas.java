package io.lancaster.hive.schema;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Table schemas parsed once per JVM and shared: the SerDe and the input format of a task find the same schema
 * instance for the same JSON, so per-record checks compare references. Schemas are immutable, so sharing is safe;
 * the cache keeps the most recently used few hundred.
 */
public final class ParsedSchemas {
  private static final int CAPACITY = 256;
  private static final Map<String, Schema> BY_JSON = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
      return size() > CAPACITY;
    }
  });

  private ParsedSchemas() {}

  /**
   * The schema of {@code json}, parsed as Hive's AvroSerDe parses table schemas: names are checked, field defaults
   * are not (HIVE-24797), since a bad default only matters if resolution uses it.
   *
   * @throws SchemaParseException for JSON that is not a schema
   */
  public static Schema parse(String json) {
    Schema cached = BY_JSON.get(json);
    if (cached != null) {
      return cached;
    }
    Schema shared = intern(new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.NONE).parse(json));
    BY_JSON.put(json, shared);
    return shared;
  }

  /** The shared instance of a schema: the first one seen that prints the same JSON (docs included). */
  public static Schema intern(Schema schema) {
    String printed = schema.toString();
    Schema existing = BY_JSON.putIfAbsent(printed, schema);
    return existing == null ? schema : existing;
  }
}
