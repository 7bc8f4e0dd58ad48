package io.lancaster.hadoop.output;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import org.apache.hadoop.conf.Configuration;

/**
 * The writer schemas an output format takes from the job configuration, with avro-mapred's precedence: a map-only
 * job writes what its mappers emit, so the map output schema is preferred there.
 */
public final class OutputSchemas {
  private OutputSchemas() {}

  /**
   * The schema stored under {@code key}, or null when the key is unset or blank; parsed as {@link ConfSchemas} does
   * (accepting what Apache Avro accepts), failing with the key's name.
   */
  public static Schema get(Configuration conf, String key) {
    return ConfSchemas.get(conf, key);
  }

  /**
   * The schema of the output keys of the new API: {@value AvroConfigKeys#OUTPUT_KEY_SCHEMA}, or in a map-only job
   * {@value AvroConfigKeys#MAP_OUTPUT_KEY_WRITER_SCHEMA} when set; null when neither is.
   */
  public static Schema outputKey(Configuration conf, boolean mapOnly) {
    return preferring(conf, mapOnly, AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA, AvroConfigKeys.OUTPUT_KEY_SCHEMA);
  }

  /** As {@link #outputKey} for values: {@value AvroConfigKeys#OUTPUT_VALUE_SCHEMA} and its map output twin. */
  public static Schema outputValue(Configuration conf, boolean mapOnly) {
    return preferring(conf, mapOnly, AvroConfigKeys.MAP_OUTPUT_VALUE_WRITER_SCHEMA,
        AvroConfigKeys.OUTPUT_VALUE_SCHEMA);
  }

  /** The old API's output schema: {@value AvroConfigKeys#OUTPUT_SCHEMA}, or the map output schema in map-only jobs. */
  public static Schema oldApiOutput(Configuration conf, boolean mapOnly) {
    return preferring(conf, mapOnly, AvroConfigKeys.MAP_OUTPUT_SCHEMA, AvroConfigKeys.OUTPUT_SCHEMA);
  }

  private static Schema preferring(Configuration conf, boolean mapOnly, String mapOutputKey, String outputKey) {
    if (mapOnly) {
      Schema s = get(conf, mapOutputKey);
      if (s != null) {
        return s;
      }
    }
    return get(conf, outputKey);
  }
}
