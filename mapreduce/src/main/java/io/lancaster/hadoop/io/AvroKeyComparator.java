package io.lancaster.hadoop.io;

import io.lancaster.avro.order.BinaryComparator;
import io.lancaster.avro.order.GenericComparator;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.io.RawComparator;

/**
 * Orders Avro map output keys by the spec's sort order (descending fields reversed, ignored fields skipped), so
 * Avro records can be shuffle keys: the sort compares the serialized keys in place with the core's
 * {@link BinaryComparator}, never decoding them. Also the grouping comparator: keys that differ only in ignored
 * fields reach the same {@code reduce} call.
 *
 * <p>The schema is the map output key writer schema, which the serialized bytes are in; deserialized keys (in the
 * reader schema, when one is set) are compared with a {@link GenericComparator} of the reader schema. Both are
 * compiled once, in {@link #setConf}, which Hadoop calls when it creates the comparator.
 */
public class AvroKeyComparator<T> extends Configured implements RawComparator<AvroKey<T>> {
  private BinaryComparator binary;
  private GenericComparator generic;

  /**
   * @throws IllegalStateException when the configuration has no map output key schema
   * @throws io.lancaster.avro.order.UncomparableException when the key schema holds a map outside ignored fields
   */
  @Override
  public void setConf(Configuration conf) {
    super.setConf(conf);
    if (conf == null) {
      return; // Configured's constructor passes null; Hadoop then calls again with the job's configuration
    }
    Schema writer = AvroSerialization.getKeyWriterSchema(conf);
    if (writer == null) {
      throw new IllegalStateException("no map output key schema in the job configuration: set it with"
          + " AvroJob.setMapOutputKeySchema (configuration key " + AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA + ")");
    }
    Schema reader = AvroSerialization.getKeyReaderSchema(conf);
    this.binary = new BinaryComparator(writer);
    this.generic = new GenericComparator(reader != null ? reader : writer);
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return configured(binary).compare(b1, s1, l1, b2, s2, l2);
  }

  @Override
  public int compare(AvroKey<T> x, AvroKey<T> y) {
    return configured(generic).compare(x.datum(), y.datum());
  }

  private static <C> C configured(C comparator) {
    if (comparator == null) {
      throw new IllegalStateException("AvroKeyComparator is not configured: create it with"
          + " ReflectionUtils.newInstance(AvroKeyComparator.class, conf)");
    }
    return comparator;
  }
}
