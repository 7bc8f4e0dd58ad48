package io.lancaster.avro.codec;

import java.util.List;
import java.util.Locale;

/**
 * Creates {@link Codec}s: by their {@code avro.codec} name when reading a file, by kind and level when writing, or
 * from a user's option string as Spark and avro-mapred take it. Every call returns a new, independent instance.
 */
public final class CodecFactory {
  public static final String NULL = "null";
  public static final String DEFLATE = "deflate";
  public static final String SNAPPY = "snappy";
  public static final String ZSTANDARD = "zstandard";
  public static final String BZIP2 = "bzip2";
  public static final String XZ = "xz";

  /** Deflate level used by default: zlib's default (6), as in Apache Avro. */
  public static final int DEFAULT_DEFLATE_LEVEL = -1;
  /** Zstandard level used by default, as in Apache Avro. */
  public static final int DEFAULT_ZSTANDARD_LEVEL = 3;
  /** Xz preset level used by default, as in Apache Avro. */
  public static final int DEFAULT_XZ_LEVEL = 6;
  /** Lowest zstd level (the fastest of the negative "fast" levels). */
  public static final int MIN_ZSTANDARD_LEVEL = -131072;
  /** Highest zstd level. */
  public static final int MAX_ZSTANDARD_LEVEL = 22;

  private static final List<String> NAMES = List.of(NULL, DEFLATE, SNAPPY, ZSTANDARD, BZIP2, XZ);

  private CodecFactory() {}

  /** The codec names that can appear in {@code avro.codec}. */
  public static List<String> supportedNames() {
    return NAMES;
  }

  /**
   * The codec for a file's {@code avro.codec} metadata value, with default settings (the level only matters for
   * writing). {@code null} (metadata absent) and "null" give the null codec; names are matched exactly.
   *
   * @throws UnsupportedCodecException for any other name, listing the supported ones
   */
  public static Codec forName(String name) {
    if (name == null) {
      return nullCodec();
    }
    return switch (name) {
      case NULL -> nullCodec();
      case DEFLATE -> deflate(DEFAULT_DEFLATE_LEVEL);
      case SNAPPY -> snappy();
      case ZSTANDARD -> zstandard(DEFAULT_ZSTANDARD_LEVEL, false);
      case BZIP2 -> bzip2();
      case XZ -> xz(DEFAULT_XZ_LEVEL);
      default -> throw new UnsupportedCodecException(name, "Unsupported Avro codec '" + name
          + "'; supported codecs: " + String.join(", ", NAMES));
    };
  }

  public static Codec nullCodec() {
    return new NullCodec();
  }

  /** Deflate at {@code level} -1 (default) to 9. */
  public static Codec deflate(int level) {
    return new DeflateCodec(level);
  }

  public static Codec snappy() {
    return new SnappyCodec();
  }

  /**
   * Zstandard at {@code level} {@value #MIN_ZSTANDARD_LEVEL} to {@value #MAX_ZSTANDARD_LEVEL} (0 is zstd's default,
   * negative levels are the fast ones), with a content checksum in each frame when {@code checksum} is set.
   */
  public static Codec zstandard(int level, boolean checksum) {
    return new ZstandardCodec(level, checksum);
  }

  public static Codec bzip2() {
    return new Bzip2Codec();
  }

  /** Xz at preset {@code level} 0 to 9, decoding with a 256 MiB memory limit. */
  public static Codec xz(int level) {
    return new XzCodec(level, XzCodec.DEFAULT_MEMORY_LIMIT_KIB);
  }

  /** Xz at preset {@code level} 0 to 9, refusing to decode blocks that need more than {@code memoryLimitKiB}. */
  public static Codec xz(int level, int memoryLimitKiB) {
    return new XzCodec(level, memoryLimitKiB);
  }

  /**
   * The codec for a user's compression option, as Spark's {@code compression} option and avro-mapred's
   * {@code avro.output.codec} take it. {@code name} is case-insensitive: "uncompressed", "none" or "null";
   * "deflate"; "snappy"; "zstandard" or "zstd"; "bzip2"; "xz". {@code level} applies to deflate (-1 to 9), zstandard
   * ({@value #MIN_ZSTANDARD_LEVEL} to {@value #MAX_ZSTANDARD_LEVEL}) and xz (0 to 9); {@code null} means the
   * codec's default, and it is ignored by the codecs that have no level.
   *
   * @throws UnsupportedCodecException for an unknown name
   * @throws IllegalArgumentException for a level out of range
   */
  public static Codec fromOption(String name, Integer level) {
    if (name == null) {
      throw new UnsupportedCodecException(null, "No compression codec given; accepted: " + optionNames());
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "uncompressed", "none", NULL -> nullCodec();
      case DEFLATE -> deflate(level == null ? DEFAULT_DEFLATE_LEVEL : level);
      case SNAPPY -> snappy();
      case ZSTANDARD, "zstd" -> zstandard(level == null ? DEFAULT_ZSTANDARD_LEVEL : level, false);
      case BZIP2 -> bzip2();
      case XZ -> xz(level == null ? DEFAULT_XZ_LEVEL : level);
      default -> throw new UnsupportedCodecException(name, "Unsupported compression codec '" + name
          + "'; accepted: " + optionNames());
    };
  }

  private static String optionNames() {
    return "uncompressed (or none, null), deflate, snappy, zstandard (or zstd), bzip2, xz";
  }

  static int checkLevel(String codec, int level, int min, int max) {
    if (level < min || level > max) {
      throw new IllegalArgumentException(codec + " compression level must be between " + min + " and " + max
          + ", got " + level);
    }
    return level;
  }
}
