package io.lancaster.hadoop.output;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.codec.UnsupportedCodecException;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.hadoop.AvroConfigKeys;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * How the Hadoop output formats write their Avro files: codec and level, sync interval and user metadata. One
 * immutable object, built from the job's configuration at the edge ({@link #fromConfiguration}) with avro-mapred's
 * key names and precedence, so that both MapReduce APIs write exactly the same files.
 *
 * @param codecName the codec: any name {@link CodecFactory#fromOption} accepts, kept as its {@code avro.codec} name
 * @param level the codec's level, or null for its default (and for codecs without levels)
 * @param syncInterval approximate bytes of a data block
 * @param metadata user metadata of every file, by key (sorted, so headers are reproducible)
 */
public record AvroOutputOptions(String codecName, Integer level, int syncInterval, Map<String, byte[]> metadata) {

  /** Hadoop's key for the compression codec class, and its pre-2.x name. */
  static final String HADOOP_CODEC = "mapreduce.output.fileoutputformat.compress.codec";
  static final String HADOOP_CODEC_OLD = "mapred.output.compression.codec";

  /** Hadoop compression codec classes that have an Avro equivalent, as avro-mapred's HadoopCodecFactory maps them. */
  private static final Map<String, String> HADOOP_CODECS = Map.of(
      "org.apache.hadoop.io.compress.DeflateCodec", CodecFactory.DEFLATE,
      "org.apache.hadoop.io.compress.GzipCodec", CodecFactory.DEFLATE,
      "org.apache.hadoop.io.compress.GZipCodec", CodecFactory.DEFLATE,
      "org.apache.hadoop.io.compress.SnappyCodec", CodecFactory.SNAPPY,
      "org.apache.hadoop.io.compress.BZip2Codec", CodecFactory.BZIP2,
      "org.apache.hadoop.io.compress.ZStandardCodec", CodecFactory.ZSTANDARD);

  public AvroOutputOptions {
    codecName = canonical(Objects.requireNonNull(codecName, "codecName").trim());
    codec(codecName, level).close(); // validates name and level now, not in the first task
    if (syncInterval < DataFileWriter.MIN_SYNC_INTERVAL || syncInterval > DataFileWriter.MAX_SYNC_INTERVAL) {
      throw new IllegalArgumentException(syncIntervalRange(syncInterval));
    }
    TreeMap<String, byte[]> copy = new TreeMap<>();
    metadata.forEach((k, v) -> copy.put(k, v.clone()));
    metadata = Collections.unmodifiableMap(copy);
  }

  /** Uncompressed files with the default sync interval and no metadata. */
  public static AvroOutputOptions defaults() {
    return new AvroOutputOptions(CodecFactory.NULL, null, DataFileWriter.DEFAULT_SYNC_INTERVAL, Map.of());
  }

  /**
   * Reads the options from a job's configuration, as avro-mapred does. When {@code compress} (FileOutputFormat's
   * compress flag) is false the files are uncompressed. Otherwise the codec is {@value AvroConfigKeys#OUTPUT_CODEC}
   * if set (any name {@link CodecFactory#fromOption} accepts); else the Avro equivalent of Hadoop's output
   * compression codec class (deflate for Deflate and Gzip, snappy, bzip2, zstandard); else deflate. The level comes
   * from the codec's own key: {@value AvroConfigKeys#DEFLATE_LEVEL}, {@value AvroConfigKeys#ZSTD_LEVEL} or
   * {@value AvroConfigKeys#XZ_LEVEL}. The sync interval is {@value AvroConfigKeys#SYNC_INTERVAL}. Every key
   * {@value AvroConfigKeys#TEXT_METADATA_PREFIX}NAME becomes metadata NAME with the value in UTF-8, and every key
   * {@value AvroConfigKeys#BINARY_METADATA_PREFIX}NAME metadata NAME with the value URL-decoded as ISO-8859-1.
   *
   * @throws IllegalArgumentException naming the key, for an unknown codec or a value out of range
   */
  public static AvroOutputOptions fromConfiguration(Configuration conf, boolean compress) {
    String codec = compress ? codecName(conf) : CodecFactory.NULL;
    Integer level = switch (codec) {
      case CodecFactory.DEFLATE -> intOrNull(conf, AvroConfigKeys.DEFLATE_LEVEL);
      case CodecFactory.ZSTANDARD -> intOrNull(conf, AvroConfigKeys.ZSTD_LEVEL);
      case CodecFactory.XZ -> intOrNull(conf, AvroConfigKeys.XZ_LEVEL);
      default -> null;
    };
    Integer interval = intOrNull(conf, AvroConfigKeys.SYNC_INTERVAL);
    int syncInterval = interval == null ? DataFileWriter.DEFAULT_SYNC_INTERVAL : interval;
    Map<String, byte[]> meta = new TreeMap<>();
    conf.getPropsWithPrefix(AvroConfigKeys.TEXT_METADATA_PREFIX)
        .forEach((k, v) -> meta.put(k, v.getBytes(StandardCharsets.UTF_8)));
    conf.getPropsWithPrefix(AvroConfigKeys.BINARY_METADATA_PREFIX).forEach((k, v) -> meta.put(k, urlDecode(k, v)));
    for (String key : meta.keySet()) {
      if (key.startsWith("avro.")) {
        throw new IllegalArgumentException("metadata key \"" + key + "\" (from the configuration) is reserved: keys "
            + "starting with \"avro.\" belong to the Avro format");
      }
    }
    try {
      codec(codec, level).close();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(levelKey(codec) + ": " + e.getMessage(), e);
    }
    if (syncInterval < DataFileWriter.MIN_SYNC_INTERVAL || syncInterval > DataFileWriter.MAX_SYNC_INTERVAL) {
      throw new IllegalArgumentException(AvroConfigKeys.SYNC_INTERVAL + ": " + syncIntervalRange(syncInterval));
    }
    return new AvroOutputOptions(codec, level, syncInterval, meta);
  }

  /** A new codec as these options say; the caller (the data file writer) owns and closes it. */
  public Codec newCodec() {
    return codec(codecName, level);
  }

  /** A generic data file writer configured with these options, ready for {@code create}. */
  public DataFileWriter<Object> newWriter() {
    DataFileWriter<Object> writer = DataFileWriter.generic();
    writer.setCodec(newCodec()).setSyncInterval(syncInterval);
    metadata.forEach(writer::setMeta);
    return writer;
  }

  private static Codec codec(String name, Integer level) {
    return CodecFactory.fromOption(name, level);
  }

  private static String codecName(Configuration conf) {
    String option = conf.getTrimmed(AvroConfigKeys.OUTPUT_CODEC);
    if (option != null && !option.isEmpty()) {
      try {
        CodecFactory.fromOption(option, null).close();
      } catch (UnsupportedCodecException e) {
        throw new IllegalArgumentException(AvroConfigKeys.OUTPUT_CODEC + ": " + e.getMessage(), e);
      }
      return canonical(option);
    }
    String hadoopClass = conf.getTrimmed(HADOOP_CODEC, conf.getTrimmed(HADOOP_CODEC_OLD));
    if (hadoopClass != null && HADOOP_CODECS.containsKey(hadoopClass)) {
      return HADOOP_CODECS.get(hadoopClass);
    }
    return CodecFactory.DEFLATE;
  }

  /** The {@code avro.codec} name of an option name that {@link CodecFactory#fromOption} accepted. */
  private static String canonical(String option) {
    return switch (option.toLowerCase(Locale.ROOT)) {
      case "uncompressed", "none" -> CodecFactory.NULL;
      case "zstd" -> CodecFactory.ZSTANDARD;
      default -> option.toLowerCase(Locale.ROOT);
    };
  }

  private static String syncIntervalRange(int syncInterval) {
    return "sync interval must be between " + DataFileWriter.MIN_SYNC_INTERVAL + " and "
        + DataFileWriter.MAX_SYNC_INTERVAL + " bytes, got " + syncInterval;
  }

  private static Integer intOrNull(Configuration conf, String key) {
    String v = conf.getTrimmed(key);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not an integer: \"" + v + "\"", e);
    }
  }

  private static String levelKey(String codec) {
    return switch (codec) {
      case CodecFactory.DEFLATE -> AvroConfigKeys.DEFLATE_LEVEL;
      case CodecFactory.ZSTANDARD -> AvroConfigKeys.ZSTD_LEVEL;
      case CodecFactory.XZ -> AvroConfigKeys.XZ_LEVEL;
      default -> AvroConfigKeys.OUTPUT_CODEC;
    };
  }

  private static byte[] urlDecode(String name, String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.ISO_8859_1.name()).getBytes(StandardCharsets.ISO_8859_1);
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(AvroConfigKeys.BINARY_METADATA_PREFIX + name
          + ": not a URL-encoded value: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "AvroOutputOptions[codec=" + codecName + (level == null ? "" : ", level=" + level) + ", syncInterval="
        + syncInterval + ", metadata=" + metadata.keySet() + "]";
  }
}
