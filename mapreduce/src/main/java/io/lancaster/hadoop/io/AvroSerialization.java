package io.lancaster.hadoop.io;

import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.io.serializer.Deserializer;
import org.apache.hadoop.io.serializer.Serialization;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.io.serializer.WritableSerialization;

/**
 * Lets Avro data ({@link AvroKey}, {@link AvroValue}) be map output keys and values: Hadoop finds it through the
 * {@code io.serializations} list ({@link #addToConfiguration}) and serializes each datum in Avro's binary
 * encoding, the form {@link AvroKeyComparator} orders without decoding.
 *
 * <p>Schemas come from the configuration, under avro-mapred's keys: the writer schema is what mappers write, the
 * optional reader schema what reducers receive (resolved against the writer schema when they differ). For jobs
 * configured the old-API way, a pair schema under {@link AvroConfigKeys#MAP_OUTPUT_SCHEMA} (else
 * {@link AvroConfigKeys#OUTPUT_SCHEMA}) supplies the key and value schemas when the keys above are unset.
 */
public class AvroSerialization extends Configured implements Serialization<AvroWrapper<?>> {
  /** Hadoop's configuration key listing the serializations, in order of preference. */
  public static final String IO_SERIALIZATIONS = "io.serializations";

  @Override
  public boolean accept(Class<?> c) {
    return AvroKey.class.isAssignableFrom(c) || AvroValue.class.isAssignableFrom(c);
  }

  @Override
  public Serializer<AvroWrapper<?>> getSerializer(Class<AvroWrapper<?>> c) {
    boolean key = isKey(c);
    Schema writer = requireWriterSchema(getConf(), key);
    return new AvroDatumSerializer(new GenericDatumWriter(writer));
  }

  @Override
  public Deserializer<AvroWrapper<?>> getDeserializer(Class<AvroWrapper<?>> c) {
    boolean key = isKey(c);
    Configuration conf = getConf();
    Schema writer = requireWriterSchema(conf, key);
    Schema reader = key ? getKeyReaderSchema(conf) : getValueReaderSchema(conf);
    DatumReader<Object> datumReader = reader == null || reader.equals(writer)
        ? new GenericDatumReader(writer)
        : new ResolvingDatumReader(writer, reader);
    return new AvroDatumDeserializer(datumReader, key);
  }

  private static boolean isKey(Class<?> c) {
    if (AvroKey.class.isAssignableFrom(c)) {
      return true;
    }
    if (AvroValue.class.isAssignableFrom(c)) {
      return false;
    }
    throw new IllegalArgumentException("AvroSerialization handles AvroKey and AvroValue, not " + c.getName());
  }

  private static Schema requireWriterSchema(Configuration conf, boolean key) {
    if (conf == null) {
      throw new IllegalStateException("AvroSerialization has no configuration: create it with"
          + " ReflectionUtils.newInstance(AvroSerialization.class, conf)");
    }
    Schema writer = key ? getKeyWriterSchema(conf) : getValueWriterSchema(conf);
    if (writer == null) {
      String which = key ? "key" : "value";
      throw new IllegalStateException("no map output " + which + " schema in the job configuration: set it with"
          + " AvroJob.setMapOutput" + (key ? "Key" : "Value") + "Schema (configuration key "
          + (key ? AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA : AvroConfigKeys.MAP_OUTPUT_VALUE_WRITER_SCHEMA)
          + ")");
    }
    return writer;
  }

  /**
   * Appends this serialization to {@code io.serializations} unless it is listed already. When the list is not
   * set at all, Hadoop's {@link WritableSerialization} is put first, so Writable keys and values keep working.
   */
  public static void addToConfiguration(Configuration conf) {
    List<String> names = new ArrayList<>(conf.getTrimmedStringCollection(IO_SERIALIZATIONS));
    if (names.isEmpty()) {
      names.add(WritableSerialization.class.getName());
    }
    if (!names.contains(AvroSerialization.class.getName())) {
      names.add(AvroSerialization.class.getName());
      conf.setStrings(IO_SERIALIZATIONS, names.toArray(new String[0]));
    }
  }

  public static void setKeyWriterSchema(Configuration conf, Schema schema) {
    ConfSchemas.set(conf, AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA, schema);
  }

  public static void setKeyReaderSchema(Configuration conf, Schema schema) {
    ConfSchemas.set(conf, AvroConfigKeys.MAP_OUTPUT_KEY_READER_SCHEMA, schema);
  }

  public static void setValueWriterSchema(Configuration conf, Schema schema) {
    ConfSchemas.set(conf, AvroConfigKeys.MAP_OUTPUT_VALUE_WRITER_SCHEMA, schema);
  }

  public static void setValueReaderSchema(Configuration conf, Schema schema) {
    ConfSchemas.set(conf, AvroConfigKeys.MAP_OUTPUT_VALUE_READER_SCHEMA, schema);
  }

  /** The schema map output keys are written with, or null when none is configured. */
  public static Schema getKeyWriterSchema(Configuration conf) {
    Schema s = ConfSchemas.get(conf, AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA);
    return s != null ? s : oldApiPairPart(conf, "key");
  }

  /** The schema reducers read map output keys as, or null (then the writer schema). */
  public static Schema getKeyReaderSchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.MAP_OUTPUT_KEY_READER_SCHEMA);
  }

  /** The schema map output values are written with, or null when none is configured. */
  public static Schema getValueWriterSchema(Configuration conf) {
    Schema s = ConfSchemas.get(conf, AvroConfigKeys.MAP_OUTPUT_VALUE_WRITER_SCHEMA);
    return s != null ? s : oldApiPairPart(conf, "value");
  }

  /** The schema reducers read map output values as, or null (then the writer schema). */
  public static Schema getValueReaderSchema(Configuration conf) {
    return ConfSchemas.get(conf, AvroConfigKeys.MAP_OUTPUT_VALUE_READER_SCHEMA);
  }

  /**
   * Key or value of the old API's map output pair schema, if any. As in avro-mapred, the map output schema
   * defaults to the output schema; an output schema that is not a pair (a map-only job's) supplies nothing.
   */
  private static Schema oldApiPairPart(Configuration conf, String part) {
    Schema pair = ConfSchemas.get(conf, AvroConfigKeys.MAP_OUTPUT_SCHEMA);
    if (pair != null) {
      return ConfSchemas.pairPart(pair, part);
    }
    Schema output = ConfSchemas.get(conf, AvroConfigKeys.OUTPUT_SCHEMA);
    return ConfSchemas.isPair(output) ? ConfSchemas.pairPart(output, part) : null;
  }
}
