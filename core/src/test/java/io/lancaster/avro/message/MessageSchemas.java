package io.lancaster.avro.message;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;

/**
 * Two versions of a user record for evolution tests. v2 promotes {@code id} from int to long, adds {@code email}
 * (default null) and the enum symbol CYAN, and drops {@code legacy}. {@link #V1_READER} is v1 as a consumer that
 * tolerates v2 producers: {@code id} long and a default for {@code legacy}, so v2 data reads as it unless it
 * holds CYAN.
 */
final class MessageSchemas {
  static final String V1_JSON = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"int\"},"
      + "{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"color\",\"type\":{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"GREEN\",\"BLUE\"]}},"
      + "{\"name\":\"legacy\",\"type\":\"string\"}]}";
  static final String V2_JSON = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null},"
      + "{\"name\":\"color\",\"type\":{\"type\":\"enum\",\"name\":\"Color\","
      + "\"symbols\":[\"RED\",\"GREEN\",\"BLUE\",\"CYAN\"]}}]}";
  static final String V1_READER_JSON = V1_JSON
      .replace("{\"name\":\"id\",\"type\":\"int\"}", "{\"name\":\"id\",\"type\":\"long\"}")
      .replace("{\"name\":\"legacy\",\"type\":\"string\"}",
          "{\"name\":\"legacy\",\"type\":\"string\",\"default\":\"n/a\"}");

  static final RecordSchema V1 = (RecordSchema) new SchemaParser().parse(V1_JSON);
  static final RecordSchema V2 = (RecordSchema) new SchemaParser().parse(V2_JSON);
  static final RecordSchema V1_READER = (RecordSchema) new SchemaParser().parse(V1_READER_JSON);

  private MessageSchemas() {}

  static GenericRecord v1(int id, String name, String color, String legacy) {
    return new GenericRecord(V1).put("id", id).put("name", name)
        .put("color", new GenericEnum((EnumSchema) V1.field("color").schema(), color)).put("legacy", legacy);
  }

  static GenericRecord v2(long id, String name, String email, String color) {
    return new GenericRecord(V2).put("id", id).put("name", name).put("email", email)
        .put("color", new GenericEnum((EnumSchema) V2.field("color").schema(), color));
  }

  static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }
}
