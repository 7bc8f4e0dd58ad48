package io.lancaster.hadoop;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * Schemas stored in a job configuration as JSON text, the form avro-mapred uses, so a configuration written by
 * either library reads in the other. Parsing accepts what Apache Avro Java accepts (a union field's default may
 * match any branch), because the schemas of existing jobs were written for it; a bad schema fails naming its key.
 */
public final class ConfSchemas {
  private ConfSchemas() {}

  /** The schema under {@code key}, or null when the key is unset or blank. */
  public static Schema get(Configuration conf, String key) {
    String json = conf.get(key);
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.ANY_UNION_BRANCH).parse(json);
    } catch (SchemaParseException e) {
      throw new SchemaParseException("configuration key " + key + " does not hold a valid schema: " + e.getMessage(),
          e);
    }
  }

  /** Stores {@code schema} under {@code key} as its JSON text. */
  public static void set(Configuration conf, String key, Schema schema) {
    Objects.requireNonNull(schema, () -> "schema for configuration key " + key);
    conf.set(key, schema.toString());
  }

  /**
   * The schema of an avro-mapred {@code Pair}: record {@code org.apache.avro.mapred.Pair} with fields {@code key}
   * and {@code value}, the value ignored by the sort order. The old API's map output schema has this form.
   */
  public static RecordSchema pair(Schema key, Schema value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return new RecordSchema(new Name("org.apache.avro.mapred", "Pair"), List.of(
        new Field("key", key),
        new Field("value", value, null, null, Field.Order.IGNORE, null, null)));
  }

  /** True when {@code schema} is a record with fields {@code key} and {@code value}. */
  public static boolean isPair(Schema schema) {
    return schema instanceof RecordSchema r && r.field("key") != null && r.field("value") != null;
  }

  /**
   * The schema of field {@code part} ({@code "key"} or {@code "value"}) of a pair schema.
   *
   * @throws IllegalArgumentException when {@code pair} is not a record with that field
   */
  public static Schema pairPart(Schema pair, String part) {
    if (isPair(pair)) {
      return ((RecordSchema) pair).field(part).schema();
    }
    throw new IllegalArgumentException("not a pair schema (a record with fields \"key\" and \"value\", as"
        + " avro-mapred's Pair): " + pair);
  }
}
