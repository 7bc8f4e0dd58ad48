package io.lancaster.spark.functions;

import io.lancaster.spark.read.AvroReadOptions;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.classic.SparkSession$;
import org.apache.spark.sql.internal.SQLConf;

/**
 * What the driver settles in a decoding function's options before they go to the tasks: the session's
 * {@value DecodeOptions#REBASE_MODE_CONF} becomes the {@code datetimeRebaseMode} option when it is absent, and an
 * {@code avroSchemaUrl} is read (through Hadoop, as spark-avro reads it) into the {@code avroSchema} option.
 */
final class DriverOptions {
  private DriverOptions() {}

  /** A case-insensitive copy of {@code options}, resolved. */
  static Map<String, String> resolve(Map<String, String> options) {
    Map<String, String> o = io.lancaster.spark.options.OptionValues.caseInsensitive(options);
    if (!o.containsKey(AvroReadOptions.DATETIME_REBASE_MODE)) {
      o.put(AvroReadOptions.DATETIME_REBASE_MODE, SQLConf.get().getConfString(DecodeOptions.REBASE_MODE_CONF));
    }
    String url = o.remove(AvroReadOptions.AVRO_SCHEMA_URL);
    if (url != null && !o.containsKey(AvroReadOptions.AVRO_SCHEMA)) {
      o.put(AvroReadOptions.AVRO_SCHEMA, read(url));
    }
    return o;
  }

  /** The text of the file at {@code url}, on any file system Hadoop knows. */
  static String read(String url) {
    return io.lancaster.spark.options.OptionValues.fetch(url, hadoopConf(), "schema location");
  }


  /** The active session's Hadoop configuration, else Hadoop's defaults. */
  static Configuration hadoopConf() {
    scala.Option<SparkSession> session = SparkSession$.MODULE$.getActiveSession();
    return session.isDefined() ? session.get().sessionState().newHadoopConf() : new Configuration();
  }
}
