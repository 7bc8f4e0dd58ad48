package io.lancaster.cli;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.codec.UnsupportedCodecException;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code --codec C [--level N]} options of the commands that write container files. Names are those of
 * {@link CodecFactory#fromOption} (null, deflate, snappy, zstandard, bzip2, xz and their aliases); a level is
 * only accepted by the codecs that have one, so a mistyped command line does not silently compress differently.
 */
final class CodecOption {
  static final String CODEC = "--codec";
  static final String LEVEL = "--level";
  static final String NAMES = "null, deflate, snappy, zstandard, bzip2 or xz";
  private static final Set<String> LEVELLED = Set.of("deflate", "zstandard", "zstd", "xz");

  private CodecOption() {}

  /** The codec the options name, or {@code fallback} (a codec name) when {@code --codec} is absent. */
  static Codec of(Args args, String fallback) throws UsageException {
    String name = args.value(CODEC, fallback);
    String levelText = args.value(LEVEL, null);
    Integer level = null;
    if (levelText != null) {
      try {
        level = Integer.valueOf(levelText.trim());
      } catch (NumberFormatException e) {
        throw new UsageException(LEVEL + " needs a number, got " + levelText);
      }
      if (!LEVELLED.contains(name.trim().toLowerCase(Locale.ROOT))) {
        throw new UsageException(LEVEL + " applies to deflate, zstandard and xz, not " + name);
      }
    }
    try {
      return CodecFactory.fromOption(name, level);
    } catch (UnsupportedCodecException e) {
      throw new UsageException("unknown codec " + name + " (" + NAMES + ")");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
