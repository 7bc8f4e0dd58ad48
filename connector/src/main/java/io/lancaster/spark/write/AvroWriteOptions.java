package io.lancaster.spark.write;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.spark.options.OptionValues;
import io.lancaster.spark.write.encode.EncoderOptions;
import io.lancaster.spark.write.encode.WriteRebase;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.util.CaseInsensitiveMap;
import org.apache.spark.sql.internal.SQLConf;

/**
 * The write options, with spark-avro's names, confs and defaults, resolved once on the driver and shipped to the
 * tasks. Option names are case-insensitive, as all of Spark's data source options.
 *
 * <ul>
 *   <li>{@code avroSchema} / {@code avroSchemaUrl}: the output schema (else the DataFrame's, see
 *       {@link SparkToAvro}); {@code recordName} ({@code topLevelRecord}), {@code recordNamespace} ("");
 *   <li>{@code positionalFieldMatching} (false); {@code spark.sql.caseSensitive} for matching by name;
 *   <li>{@code compression} and the level confs: {@link WriteCompression};
 *   <li>{@code datetimeRebaseMode}, else {@code spark.sql.avro.datetimeRebaseModeInWrite} (spark-avro reads only the
 *       conf when writing; Lancaster also takes the option, which spark-avro uses for reads);
 *   <li>Lancaster's own: {@code syncInterval}, the uncompressed size of a block in bytes, else avro-mapred's
 *       {@code avro.mapred.sync.interval} from the Hadoop configuration, else 64000 (Apache Avro's default); and
 *       {@code meta.<key>} options, written as {@code <key>} into each file's header metadata.
 * </ul>
 */
public final class AvroWriteOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String AVRO_SCHEMA = "avroSchema";
  public static final String AVRO_SCHEMA_URL = "avroSchemaUrl";
  public static final String RECORD_NAME = "recordName";
  public static final String RECORD_NAMESPACE = "recordNamespace";
  public static final String POSITIONAL_FIELD_MATCHING = "positionalFieldMatching";
  public static final String COMPRESSION = "compression";
  public static final String DATETIME_REBASE_MODE = "datetimeRebaseMode";
  public static final String SYNC_INTERVAL = "syncInterval";
  public static final String META_PREFIX = "meta.";

  public static final String REBASE_MODE_CONF = "spark.sql.avro.datetimeRebaseModeInWrite";
  public static final String SYNC_INTERVAL_KEY = "avro.mapred.sync.interval";

  private final String avroSchema;
  private final String recordName;
  private final String recordNamespace;
  private final WriteCompression compression;
  private final int syncInterval;
  private final Map<String, String> metadata;
  private final EncoderOptions encoding;

  private AvroWriteOptions(Map<String, String> original, SQLConf sql, Configuration hadoop) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(original);
    String literal = o.get(AVRO_SCHEMA);
    String url = o.get(AVRO_SCHEMA_URL);
    this.avroSchema = literal != null ? literal : url != null ? OptionValues.fetch(url, hadoop, AVRO_SCHEMA_URL) : null;
    this.recordName = o.getOrDefault(RECORD_NAME, SparkToAvro.DEFAULT_RECORD_NAME);
    this.recordNamespace = o.getOrDefault(RECORD_NAMESPACE, "");
    this.compression = WriteCompression.choose(o.get(COMPRESSION), sql, hadoop);
    this.syncInterval = syncInterval(o.get(SYNC_INTERVAL), hadoop.get(SYNC_INTERVAL_KEY));
    Map<String, String> meta = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : original.entrySet()) {
      if (e.getKey().regionMatches(true, 0, META_PREFIX, 0, META_PREFIX.length())) {
        meta.put(e.getKey().substring(META_PREFIX.length()), e.getValue());
      }
    }
    this.metadata = Collections.unmodifiableMap(meta);
    String rebase = o.get(DATETIME_REBASE_MODE);
    WriteRebase.Mode mode = rebase != null ? WriteRebase.parseMode(rebase, "the option " + DATETIME_REBASE_MODE)
        : WriteRebase.parseMode(sql.getConfString(REBASE_MODE_CONF), REBASE_MODE_CONF);
    this.encoding =
        new EncoderOptions(OptionValues.bool(o, POSITIONAL_FIELD_MATCHING, false), sql.caseSensitiveAnalysis(),
        new WriteRebase(mode, sql.sessionLocalTimeZone()));
  }

  /**
   * Parses Spark's options; an {@code avroSchemaUrl} is fetched here, once. Keys keep the case the user gave them
   * (for {@code meta.} keys) even when Spark hands over a case-insensitive map.
   */
  public static AvroWriteOptions parse(scala.collection.Map<String, String> options, SQLConf sql,
      Configuration hadoop) {
    scala.collection.Map<String, String> original = options instanceof CaseInsensitiveMap<?> ci
        ? cast(ci.originalMap()) : options;
    return new AvroWriteOptions(new LinkedHashMap<>(scala.jdk.javaapi.CollectionConverters.asJava(original)), sql,
        hadoop);
  }

  /** Parses options given as a Java map (tests, other engines' glue). */
  public static AvroWriteOptions parse(Map<String, String> options, SQLConf sql, Configuration hadoop) {
    return new AvroWriteOptions(options, sql, hadoop);
  }

  @SuppressWarnings("unchecked")
  private static scala.collection.Map<String, String> cast(scala.collection.Map<String, ?> m) {
    return (scala.collection.Map<String, String>) m;
  }

  private static int syncInterval(String option, String hadoopValue) {
    String value = option != null ? option : hadoopValue;
    if (value == null) {
      return DataFileWriter.DEFAULT_SYNC_INTERVAL;
    }
    String source = option != null ? "the option " + SYNC_INTERVAL : SYNC_INTERVAL_KEY;
    int bytes;
    try {
      bytes = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value for " + source + ": '" + value + "' is not an integer");
    }
    if (bytes < DataFileWriter.MIN_SYNC_INTERVAL || bytes > DataFileWriter.MAX_SYNC_INTERVAL) {
      throw new IllegalArgumentException("Invalid value for " + source + ": " + bytes + " (a block size in bytes, "
          + "between " + DataFileWriter.MIN_SYNC_INTERVAL + " and " + DataFileWriter.MAX_SYNC_INTERVAL + ")");
    }
    return bytes;
  }



  /** The output schema given by avroSchema or avroSchemaUrl (JSON), or null. */
  public String avroSchema() {
    return avroSchema;
  }

  public String recordName() {
    return recordName;
  }

  public String recordNamespace() {
    return recordNamespace;
  }

  public WriteCompression compression() {
    return compression;
  }

  public int syncInterval() {
    return syncInterval;
  }

  /** The {@code meta.<key>} options, by key without the prefix, in the order given. */
  public Map<String, String> metadata() {
    return metadata;
  }

  public EncoderOptions encoding() {
    return encoding;
  }
}
