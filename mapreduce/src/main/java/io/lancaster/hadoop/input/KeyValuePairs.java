package io.lancaster.hadoop.input;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.util.List;

/**
 * Reading the records of key/value Avro files: records with a field {@code key} and a field {@code value}, which
 * avro-mapred names {@code org.apache.avro.mapreduce.KeyValuePair} (any name is read here).
 */
public final class KeyValuePairs {
  public static final String KEY_FIELD = "key";
  public static final String VALUE_FIELD = "value";

  private KeyValuePairs() {}

  /**
   * The reader schema for a file of pairs written with {@code writer}: the writer's record name (whatever it is,
   * so that the names resolve), with {@code key} and {@code value} where given and the writer's field schemas
   * where null.
   */
  static RecordSchema readerFor(Schema writer, Schema key, Schema value) {
    RecordSchema w = check(writer);
    return new RecordSchema(w.name(), List.of(
        new Field(KEY_FIELD, key != null ? key : w.field(KEY_FIELD).schema()),
        new Field(VALUE_FIELD, value != null ? value : w.field(VALUE_FIELD).schema())));
  }

  /**
   * {@code schema} as a pair record.
   *
   * @throws AvroException when it is not a record with fields {@code key} and {@code value}
   */
  public static RecordSchema check(Schema schema) {
    if (schema instanceof RecordSchema r && r.field(KEY_FIELD) != null && r.field(VALUE_FIELD) != null) {
      return r;
    }
    throw new AvroException("not a key/value file: its schema " + schema.fullName()
        + " is not a record with fields \"" + KEY_FIELD + "\" and \"" + VALUE_FIELD + "\"");
  }

  public static Object key(GenericRecord pair) {
    return pair.get(KEY_FIELD);
  }

  public static Object value(GenericRecord pair) {
    return pair.get(VALUE_FIELD);
  }
}
