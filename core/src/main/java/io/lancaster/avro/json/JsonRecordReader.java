package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.GenericValues;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a record from a JSON object. JSON objects are unordered, so fields may come in any order (as Apache Avro's
 * {@code JsonDecoder} also allows); a key given twice is an error (Apache keeps the first). What happens to unknown
 * keys and missing fields is the {@link JsonReadOptions}' choice; a missing field's default is converted once, when
 * the reader is built, and copied into each record that needs it.
 */
final class JsonRecordReader implements JsonValueReader {
  private final RecordSchema schema;
  private final String[] names;
  private final JsonValueReader[] fields;
  private final Map<String, Integer> positions = new HashMap<>();
  /** Per field: its default as a generic value, or null when it has none or the options do not use defaults. */
  private final Object[] defaults;
  private final boolean[] hasDefault;
  /** Per field: why its default cannot be used (invalid in a leniently parsed schema), or null. */
  private final String[] badDefault;
  private final boolean ignoreUnknownFields;

  JsonRecordReader(RecordSchema schema, List<JsonValueReader> fieldReaders, JsonReadOptions options) {
    this.schema = schema;
    this.fields = fieldReaders.toArray(new JsonValueReader[0]);
    int n = fields.length;
    this.names = new String[n];
    this.defaults = new Object[n];
    this.hasDefault = new boolean[n];
    this.badDefault = new String[n];
    this.ignoreUnknownFields = options.ignoreUnknownFields();
    for (Field f : schema.fields()) {
      int i = f.position();
      names[i] = f.name();
      positions.put(f.name(), i);
      if (options.defaultsForMissingFields() && f.hasDefault()) {
        try {
          defaults[i] = GenericValues.fromDefault(f.schema(), f.defaultValue());
          hasDefault[i] = true;
        } catch (AvroTypeException e) {
          badDefault[i] = e.getMessage();
        }
      }
    }
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      throw JsonErrors.mismatch(in, "record " + schema.fullName() + " (an object)");
    }
    GenericRecord record = new GenericRecord(schema);
    boolean[] seen = new boolean[fields.length];
    int count = 0;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      Integer position = positions.get(name);
      if (position == null) {
        if (!ignoreUnknownFields) {
          throw JsonErrors.at(in, "record " + schema.fullName() + " has no field " + JsonErrors.quote(name));
        }
        in.nextToken();
        in.skipChildren();
        continue;
      }
      int i = position;
      if (seen[i]) {
        throw JsonErrors.at(in, "the field " + JsonErrors.quote(name) + " is given twice");
      }
      seen[i] = true;
      count++;
      in.nextToken();
      try {
        record.put(i, fields[i].read(in));
      } catch (IOException e) {
        throw JsonErrors.prependPath(e, name, in);
      }
    }
    if (count < fields.length) {
      fillMissing(in, record, seen);
    }
    return record;
  }

  private void fillMissing(JsonParser in, GenericRecord record, boolean[] seen) throws JsonDataException {
    for (int i = 0; i < fields.length; i++) {
      if (seen[i]) {
        continue;
      }
      if (hasDefault[i]) {
        record.put(i, GenericValues.deepCopy(defaults[i]));
      } else {
        String why = badDefault[i] != null ? ", and its default cannot be used: " + badDefault[i]
            : schema.fields().get(i).hasDefault() ? " (defaults are not used for missing fields)"
            : ", which has no default";
        throw JsonErrors.at(in, "record " + schema.fullName() + " is missing the field " + JsonErrors.quote(names[i])
            + why);
      }
    }
  }
}
