package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.order.BinaryComparator;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroKeyComparator;
import io.lancaster.hadoop.io.AvroSerialization;
import io.lancaster.hadoop.io.AvroValue;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/**
 * Sets the schemas of a new-API ({@code org.apache.hadoop.mapreduce}) job: what the input formats read as, what
 * map output (the shuffle) and the output formats write. The configuration keys and the job settings are
 * avro-mapred's ({@code org.apache.avro.mapreduce.AvroJob}), so a job switches by changing imports.
 */
public final class AvroJob {
  private AvroJob() {}

  /** The reader schema of input keys (records); each input file's writer schema is resolved against it. */
  public static void setInputKeySchema(Job job, Schema schema) {
    ConfSchemas.set(job.getConfiguration(), AvroConfigKeys.INPUT_KEY_SCHEMA, schema);
  }

  /** The reader schema of input values (key/value files). */
  public static void setInputValueSchema(Job job, Schema schema) {
    ConfSchemas.set(job.getConfiguration(), AvroConfigKeys.INPUT_VALUE_SCHEMA, schema);
  }

  /**
   * Makes Avro data of {@code schema} the map output key: {@link AvroKey} as the key class, serialized by
   * {@link AvroSerialization} and sorted and grouped by {@link AvroKeyComparator} in the spec's sort order.
   *
   * @throws io.lancaster.avro.order.UncomparableException when the schema cannot be sorted (a map outside ignored
   *     fields), here rather than in every map task
   */
  public static void setMapOutputKeySchema(Job job, Schema schema) {
    Objects.requireNonNull(schema, "schema");
    new BinaryComparator(schema); // fail now if the schema has no sort order
    Configuration conf = job.getConfiguration();
    job.setMapOutputKeyClass(AvroKey.class);
    job.setSortComparatorClass(AvroKeyComparator.class);
    job.setGroupingComparatorClass(AvroKeyComparator.class);
    AvroSerialization.setKeyWriterSchema(conf, schema);
    AvroSerialization.setKeyReaderSchema(conf, schema);
    AvroSerialization.addToConfiguration(conf);
  }

  /**
   * Makes Avro data of {@code schema} the map output value: {@link AvroValue}, serialized by
   * {@link AvroSerialization}.
   */
  public static void setMapOutputValueSchema(Job job, Schema schema) {
    Objects.requireNonNull(schema, "schema");
    Configuration conf = job.getConfiguration();
    job.setMapOutputValueClass(AvroValue.class);
    AvroSerialization.setValueWriterSchema(conf, schema);
    AvroSerialization.setValueReaderSchema(conf, schema);
    AvroSerialization.addToConfiguration(conf);
  }

  /** The schema of output keys (the records of a key output format); the output key class becomes {@link AvroKey}. */
  public static void setOutputKeySchema(Job job, Schema schema) {
    ConfSchemas.set(job.getConfiguration(), AvroConfigKeys.OUTPUT_KEY_SCHEMA, schema);
    job.setOutputKeyClass(AvroKey.class);
  }

  /** The schema of output values (key/value output); the output value class becomes {@link AvroValue}. */
  public static void setOutputValueSchema(Job job, Schema schema) {
    ConfSchemas.set(job.getConfiguration(), AvroConfigKeys.OUTPUT_VALUE_SCHEMA, schema);
    job.setOutputValueClass(AvroValue.class);
  }

  /** The input key reader schema, or null: read each file with its own schema. */
  public static Schema getInputKeySchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.INPUT_KEY_SCHEMA);
  }

  public static Schema getInputValueSchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.INPUT_VALUE_SCHEMA);
  }

  /** The schema map output keys are written with, or null. */
  public static Schema getMapOutputKeySchema(Configuration conf) {
    return AvroSerialization.getKeyWriterSchema(conf);
  }

  /** The schema map output values are written with, or null. */
  public static Schema getMapOutputValueSchema(Configuration conf) {
    return AvroSerialization.getValueWriterSchema(conf);
  }

  public static Schema getOutputKeySchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.OUTPUT_KEY_SCHEMA);
  }

  public static Schema getOutputValueSchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.OUTPUT_VALUE_SCHEMA);
  }
}
