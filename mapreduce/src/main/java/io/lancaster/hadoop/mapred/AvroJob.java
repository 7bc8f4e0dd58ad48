package io.lancaster.hadoop.mapred;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.order.BinaryComparator;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroKeyComparator;
import io.lancaster.hadoop.io.AvroSerialization;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.io.AvroWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;

/**
 * Sets the schemas of an old-API ({@code org.apache.hadoop.mapred}) job, the API Hive uses, under avro-mapred's
 * keys ({@code org.apache.avro.mapred.AvroJob}). As there, the map output schema is a pair schema
 * ({@link #pairSchema}): its {@code key} field is the shuffle key, its {@code value} field the value; both are
 * written to the shuffle keys of {@link AvroSerialization} too, so one serialization and one comparator serve both
 * APIs. Unlike avro-mapred, no mapper or reducer classes are set: jobs use plain Hadoop mappers and reducers over
 * {@link AvroWrapper}, {@link AvroKey} and {@link AvroValue}.
 */
public final class AvroJob {
  /** The old API's keys of the job's input and output format classes (JobConf.setInputFormat/setOutputFormat). */
  private static final String INPUT_FORMAT_CLASS = "mapred.input.format.class";
  private static final String OUTPUT_FORMAT_CLASS = "mapred.output.format.class";

  private AvroJob() {}

  /**
   * The reader schema of the input; each input file's writer schema is resolved against it. As in avro-mapred, a
   * job without an input format gets {@link AvroInputFormat}.
   */
  public static void setInputSchema(JobConf job, Schema schema) {
    ConfSchemas.set(job, AvroConfigKeys.INPUT_SCHEMA, schema);
    if (job.get(INPUT_FORMAT_CLASS) == null) {
      job.setInputFormat(AvroInputFormat.class);
    }
  }

  /** The input reader schema, or null: read each file with its own schema. */
  public static Schema getInputSchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.INPUT_SCHEMA);
  }

  /**
   * Makes map output Avro data of a pair schema: keys {@link AvroKey} of its {@code key} schema, sorted by
   * {@link AvroKeyComparator} in the spec's sort order, values {@link AvroValue} of its {@code value} schema.
   *
   * @throws IllegalArgumentException when {@code pair} is not a record with fields {@code key} and {@code value}
   * @throws io.lancaster.avro.order.UncomparableException when the key schema has no sort order
   */
  public static void setMapOutputSchema(JobConf job, Schema pair) {
    Schema key = ConfSchemas.pairPart(pair, "key");
    Schema value = ConfSchemas.pairPart(pair, "value");
    new BinaryComparator(key); // fail now if the key has no sort order
    ConfSchemas.set(job, AvroConfigKeys.MAP_OUTPUT_SCHEMA, pair);
    AvroSerialization.setKeyWriterSchema(job, key);
    AvroSerialization.setKeyReaderSchema(job, key);
    AvroSerialization.setValueWriterSchema(job, value);
    AvroSerialization.setValueReaderSchema(job, value);
    job.setMapOutputKeyClass(AvroKey.class);
    job.setMapOutputValueClass(AvroValue.class);
    job.setOutputKeyComparatorClass(AvroKeyComparator.class);
    AvroSerialization.addToConfiguration(job);
  }

  /** {@link #setMapOutputSchema(JobConf, Schema)} with the pair of {@code key} and {@code value}. */
  public static void setMapOutputSchema(JobConf job, Schema key, Schema value) {
    setMapOutputSchema(job, pairSchema(key, value));
  }

  /** The pair schema of the map output, defaulting to the output schema as in avro-mapred; null when neither is set. */
  public static Schema getMapOutputSchema(Configuration conf) {
    Schema pair = ConfSchemas.get(conf, AvroConfigKeys.MAP_OUTPUT_SCHEMA);
    return pair != null ? pair : ConfSchemas.get(conf, AvroConfigKeys.OUTPUT_SCHEMA);
  }

  /** avro-mapred's {@code Pair} schema of {@code key} and {@code value}; the value is ignored by the sort order. */
  public static Schema pairSchema(Schema key, Schema value) {
    return ConfSchemas.pair(key, value);
  }

  /**
   * The schema of the output files; the output key class becomes {@link AvroWrapper} and, as in avro-mapred, a job
   * without an output format gets {@link AvroOutputFormat}.
   */
  public static void setOutputSchema(JobConf job, Schema schema) {
    ConfSchemas.set(job, AvroConfigKeys.OUTPUT_SCHEMA, schema);
    job.setOutputKeyClass(AvroWrapper.class);
    if (job.get(OUTPUT_FORMAT_CLASS) == null) {
      job.setOutputFormat(AvroOutputFormat.class);
    }
  }

  public static Schema getOutputSchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.OUTPUT_SCHEMA);
  }

  /**
   * Compresses the output files with {@code codec} ({@code null}, {@code deflate}, {@code snappy},
   * {@code zstandard}, {@code bzip2}, {@code xz}, or the aliases {@code none}, {@code uncompressed}, {@code zstd})
   * and turns output compression on, without which the output formats ignore the codec (avro-mapred's setter leaves
   * the flag alone).
   *
   * @throws io.lancaster.avro.codec.UnsupportedCodecException for a name no codec has
   */
  public static void setOutputCodec(JobConf job, String codec) {
    CodecFactory.fromOption(Objects.requireNonNull(codec, "codec"), null).close();
    job.set(AvroConfigKeys.OUTPUT_CODEC, codec);
    FileOutputFormat.setCompressOutput(job, true);
  }

  /** Adds string metadata to every output file. */
  public static void setOutputMeta(JobConf job, String key, String value) {
    job.set(AvroConfigKeys.TEXT_METADATA_PREFIX + key, value);
  }

  /** Adds a number, as its decimal text, to the metadata of every output file. */
  public static void setOutputMeta(JobConf job, String key, long value) {
    job.set(AvroConfigKeys.TEXT_METADATA_PREFIX + key, Long.toString(value));
  }

  /** Adds binary metadata to every output file (stored URL-encoded as ISO-8859-1 text, as avro-mapred does). */
  public static void setOutputMeta(JobConf job, String key, byte[] value) {
    job.set(AvroConfigKeys.BINARY_METADATA_PREFIX + key,
        URLEncoder.encode(new String(value, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1));
  }
}
