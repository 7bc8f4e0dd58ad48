package io.lancaster.spark.write;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.internal.SQLConf;

/**
 * The block compression of written files, chosen as spark-avro chooses it: the {@code compression} option, else
 * {@code spark.sql.avro.compression.codec} (snappy by default); the level of deflate, xz and zstandard from
 * avro-mapred's Hadoop key ({@code avro.mapred.deflate.level}, {@code avro.mapred.xz.level},
 * {@code avro.mapred.zstd.level}) when set, else from {@code spark.sql.avro.<codec>.level}.
 */
public record WriteCompression(Kind kind, int level) implements Serializable {

  /** spark-avro's codec names, with the Avro codec each writes and where its level comes from. */
  public enum Kind {
    UNCOMPRESSED(CodecFactory.NULL, null, null),
    DEFLATE(CodecFactory.DEFLATE, "spark.sql.avro.deflate.level", "avro.mapred.deflate.level"),
    SNAPPY(CodecFactory.SNAPPY, null, null),
    BZIP2(CodecFactory.BZIP2, null, null),
    XZ(CodecFactory.XZ, "spark.sql.avro.xz.level", "avro.mapred.xz.level"),
    ZSTANDARD(CodecFactory.ZSTANDARD, "spark.sql.avro.zstandard.level", "avro.mapred.zstd.level");

    private final String avroName;
    private final String levelConf;
    private final String hadoopLevelKey;

    Kind(String avroName, String levelConf, String hadoopLevelKey) {
      this.avroName = avroName;
      this.levelConf = levelConf;
      this.hadoopLevelKey = hadoopLevelKey;
    }

    /** The codec's name in a file's {@code avro.codec}. */
    public String avroName() {
      return avroName;
    }

    public boolean hasLevel() {
      return levelConf != null;
    }

    /** The kind of a {@code compression} value, case-insensitively; an unknown name lists the valid ones. */
    public static Kind named(String name) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(name.trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException("Unknown Avro compression codec '" + name + "'; valid values: "
          + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
  }

  public static final String COMPRESSION_CONF = "spark.sql.avro.compression.codec";

  /** The compression for a write, from the option value (null when absent) and the confs. */
  public static WriteCompression choose(String option, SQLConf sql, Configuration hadoop) {
    Kind kind = Kind.named(option != null ? option : sql.getConfString(COMPRESSION_CONF));
    int level = -1;
    if (kind.hasLevel()) {
      String key = hadoop.get(kind.hadoopLevelKey) != null ? kind.hadoopLevelKey : null;
      String value = key != null ? hadoop.get(key) : sql.getConfString(kind.levelConf);
      try {
        level = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid " + kind.name().toLowerCase(Locale.ROOT) + " level '" + value
            + "' in " + (key != null ? key : kind.levelConf) + ": not an integer");
      }
    }
    WriteCompression c = new WriteCompression(kind, level);
    c.newCodec().close(); // checks the level now, on the driver, not in every task
    return c;
  }

  /** A new codec; the caller (the file writer) closes it. */
  public Codec newCodec() {
    return switch (kind) {
      case UNCOMPRESSED -> CodecFactory.nullCodec();
      case DEFLATE -> CodecFactory.deflate(level);
      case SNAPPY -> CodecFactory.snappy();
      case BZIP2 -> CodecFactory.bzip2();
      case XZ -> CodecFactory.xz(level);
      case ZSTANDARD -> CodecFactory.zstandard(level, false);
    };
  }

  /** spark-avro's file extension: ".avro", or ".<codec>.avro" for a compressed file (e.g. ".snappy.avro"). */
  public String fileExtension() {
    return kind == Kind.UNCOMPRESSED ? ".avro" : "." + kind.avroName() + ".avro";
  }
}
