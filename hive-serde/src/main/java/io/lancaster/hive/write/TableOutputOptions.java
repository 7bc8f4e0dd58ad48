package io.lancaster.hive.write;

import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.output.AvroOutputOptions;
import io.lancaster.hive.schema.TableProperties;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * How a table's files are written: the mapreduce module's {@link AvroOutputOptions}, read from the job's
 * configuration with avro-mapred's keys, except that a table property {@value TableProperties#OUTPUT_CODEC} picks
 * the codec of every write to the table. Without it, as in Hive: uncompressed unless output compression is on
 * ({@code hive.exec.compress.output}), then {@code avro.output.codec} from the configuration, else the Avro
 * equivalent of Hadoop's compression codec, else deflate (levels from {@code avro.mapred.deflate.level} etc.).
 */
public final class TableOutputOptions {
  private TableOutputOptions() {}

  /**
   * @throws IllegalArgumentException naming the property or key, for an unknown codec or a bad level
   */
  public static AvroOutputOptions of(Configuration conf, Properties table, boolean compressed) {
    String codec = table == null ? null : table.getProperty(TableProperties.OUTPUT_CODEC);
    if (codec == null || codec.isBlank()) {
      return AvroOutputOptions.fromConfiguration(conf, compressed);
    }
    Configuration withCodec = new Configuration(conf);
    withCodec.set(AvroConfigKeys.OUTPUT_CODEC, codec.trim());
    try {
      return AvroOutputOptions.fromConfiguration(withCodec, true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("table property " + e.getMessage(), e);
    }
  }
}
