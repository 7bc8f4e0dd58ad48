package io.lancaster.hadoop.output;

import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.util.List;

/**
 * The record that holds one key/value pair in an Avro file: {@code org.apache.avro.mapreduce.KeyValuePair} with
 * fields {@code key} and {@code value}, named exactly as avro-mapred names it so that key/value files written by
 * either library are read by the other (and resolve against each other's schemas by name).
 */
public final class KeyValuePairSchema {
  public static final String NAMESPACE = "org.apache.avro.mapreduce";
  public static final String NAME = "KeyValuePair";
  public static final String KEY_FIELD = "key";
  public static final String VALUE_FIELD = "value";

  private KeyValuePairSchema() {}

  /** The pair record of {@code key} and {@code value}. */
  public static RecordSchema of(Schema key, Schema value) {
    RecordSchema pair = new RecordSchema(new Name(NAMESPACE, NAME), "A key/value pair", null, false, null);
    pair.setFields(List.of(
        new Field(KEY_FIELD, key, "The key", null, Field.Order.ASCENDING, null, null),
        new Field(VALUE_FIELD, value, "The value", null, Field.Order.ASCENDING, null, null)));
    return pair;
  }
}
