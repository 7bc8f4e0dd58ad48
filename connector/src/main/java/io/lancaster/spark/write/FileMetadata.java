package io.lancaster.spark.write;

import io.lancaster.spark.write.encode.WriteRebase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header metadata of a written file, as spark-avro writes it: {@code org.apache.spark.version}, and with LEGACY
 * rebasing {@code org.apache.spark.legacyDateTime} and {@code org.apache.spark.timeZone} (readers, spark-avro and
 * Lancaster alike, rebase such files back); then the user's {@code meta.<key>} options, which may not replace
 * those keys nor use the {@code avro.} prefix that belongs to the format.
 */
final class FileMetadata {
  static final String SPARK_VERSION_KEY = org.apache.spark.sql.package$.MODULE$.SPARK_VERSION_METADATA_KEY();
  static final String LEGACY_DATETIME_KEY =
      org.apache.spark.sql.package$.MODULE$.SPARK_LEGACY_DATETIME_METADATA_KEY();
  static final String TIME_ZONE_KEY = org.apache.spark.sql.package$.MODULE$.SPARK_TIMEZONE_METADATA_KEY();

  private FileMetadata() {}

  static Map<String, String> of(AvroWriteOptions options) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(SPARK_VERSION_KEY, org.apache.spark.package$.MODULE$.SPARK_VERSION_SHORT());
    WriteRebase rebase = options.encoding().rebase();
    if (rebase.mode() == WriteRebase.Mode.LEGACY) {
      meta.put(LEGACY_DATETIME_KEY, "");
      meta.put(TIME_ZONE_KEY, rebase.timeZone());
    }
    for (Map.Entry<String, String> e : options.metadata().entrySet()) {
      String key = e.getKey();
      if (key.isEmpty() || key.startsWith("avro.") || key.equals(SPARK_VERSION_KEY)
          || key.equals(LEGACY_DATETIME_KEY) || key.equals(TIME_ZONE_KEY)) {
        throw new IllegalArgumentException("Invalid option " + AvroWriteOptions.META_PREFIX + key + ": the metadata "
            + "key '" + key + "' is " + (key.isEmpty() ? "empty" : "written by the format or by Spark"));
      }
      meta.put(key, e.getValue());
    }
    return Collections.unmodifiableMap(meta);
  }
}
