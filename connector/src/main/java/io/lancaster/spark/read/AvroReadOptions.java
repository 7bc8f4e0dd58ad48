package io.lancaster.spark.read;

import io.lancaster.spark.options.OptionValues;
import io.lancaster.spark.types.TypeMappingOptions;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.internal.SQLConf;

/**
 * The read options, with spark-avro's names and defaults, resolved once on the driver and shipped to the tasks.
 * Option names are case-insensitive, as all of Spark's data source options.
 */
public final class AvroReadOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String AVRO_SCHEMA = "avroSchema";
  public static final String AVRO_SCHEMA_URL = "avroSchemaUrl";
  public static final String IGNORE_EXTENSION = "ignoreExtension";
  public static final String POSITIONAL_FIELD_MATCHING = "positionalFieldMatching";
  public static final String DATETIME_REBASE_MODE = "datetimeRebaseMode";
  public static final String STABLE_IDS = "enableStableIdentifiersForUnionType";
  public static final String STABLE_ID_PREFIX = "stableIdentifierPrefixForUnionType";
  public static final String RECURSIVE_FIELD_MAX_DEPTH = "recursiveFieldMaxDepth";
  public static final String MERGE_SCHEMA = "mergeSchema";
  public static final String BATCH_SIZE = "batchSize";

  public static final String IGNORE_WITHOUT_EXTENSION_KEY = "avro.mapred.ignore.inputs.without.extension";
  public static final String FILTER_PUSHDOWN_CONF = "spark.sql.avro.filterPushdown.enabled";
  public static final String REBASE_MODE_CONF = "spark.sql.avro.datetimeRebaseModeInRead";
  public static final String BATCH_SIZE_CONF = "spark.sql.parquet.columnarReaderBatchSize";
  public static final String OFF_HEAP_CONF = "spark.sql.columnVector.offheap.enabled";

  private final String avroSchema;
  private final boolean ignoreExtension;
  private final boolean positionalFieldMatching;
  private final boolean caseSensitive;
  private final String datetimeRebaseMode;
  private final boolean stableIds;
  private final String stableIdPrefix;
  private final int recursiveFieldMaxDepth;
  private final boolean mergeSchema;
  private final int batchSize;
  private final boolean offHeap;
  private final boolean filterPushdown;

  private AvroReadOptions(Map<String, String> o, SQLConf sql, Configuration hadoop) {
    String literal = o.get(AVRO_SCHEMA);
    String url = o.get(AVRO_SCHEMA_URL);
    this.avroSchema = literal != null ? literal : url != null ? OptionValues.fetch(url, hadoop, AVRO_SCHEMA_URL) : null;
    this.ignoreExtension =
        OptionValues.bool(o, IGNORE_EXTENSION, !hadoop.getBoolean(IGNORE_WITHOUT_EXTENSION_KEY, false));
    this.positionalFieldMatching = OptionValues.bool(o, POSITIONAL_FIELD_MATCHING, false);
    this.caseSensitive = sql.caseSensitiveAnalysis();
    String rebase = o.getOrDefault(DATETIME_REBASE_MODE, sql.getConfString(REBASE_MODE_CONF));
    this.datetimeRebaseMode = OptionValues.rebaseMode(rebase, "the option " + DATETIME_REBASE_MODE);
    this.stableIds = OptionValues.bool(o, STABLE_IDS, false);
    this.stableIdPrefix = o.getOrDefault(STABLE_ID_PREFIX, "member_");
    this.recursiveFieldMaxDepth = OptionValues.integer(o, RECURSIVE_FIELD_MAX_DEPTH, -1);
    if (recursiveFieldMaxDepth > 15) {
      throw new IllegalArgumentException("Invalid value for the option " + RECURSIVE_FIELD_MAX_DEPTH + ": "
          + recursiveFieldMaxDepth + ". Should not be greater than 15.");
    }
    this.mergeSchema = OptionValues.bool(o, MERGE_SCHEMA, false);
    this.batchSize = OptionValues.integer(o, BATCH_SIZE, Integer.parseInt(sql.getConfString(BATCH_SIZE_CONF, "4096")));
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid value for the option " + BATCH_SIZE + ": " + batchSize
          + ". Must be at least 1.");
    }
    this.offHeap = Boolean.parseBoolean(sql.getConfString(OFF_HEAP_CONF, "false"));
    this.filterPushdown = Boolean.parseBoolean(sql.getConfString(FILTER_PUSHDOWN_CONF, "true"));
  }

  /** Parses Spark's (case-insensitive) options; an {@code avroSchemaUrl} is fetched here, once. */
  public static AvroReadOptions parse(scala.collection.Map<String, String> options, SQLConf sql,
      Configuration hadoop) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(scala.jdk.javaapi.CollectionConverters.asJava(options));
    return new AvroReadOptions(o, sql, hadoop);
  }


  /** The read schema given by avroSchema or avroSchemaUrl (JSON), or null. */
  public String avroSchema() {
    return avroSchema;
  }

  public boolean ignoreExtension() {
    return ignoreExtension;
  }

  public boolean positionalFieldMatching() {
    return positionalFieldMatching;
  }

  public boolean caseSensitive() {
    return caseSensitive;
  }

  public String datetimeRebaseMode() {
    return datetimeRebaseMode;
  }

  public TypeMappingOptions typeMapping() {
    return new TypeMappingOptions(stableIds, stableIdPrefix, recursiveFieldMaxDepth);
  }

  public boolean mergeSchema() {
    return mergeSchema;
  }

  public int batchSize() {
    return batchSize;
  }

  public boolean offHeap() {
    return offHeap;
  }

  public boolean filterPushdown() {
    return filterPushdown;
  }
}
