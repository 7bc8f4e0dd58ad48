package io.lancaster.bench.write;

import io.lancaster.avro.codec.CodecFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The block compressions the write benchmark times: spark-avro's {@code compression} option values. */
public enum WriteCodec {
  UNCOMPRESSED(CodecFactory.NULL, false),
  SNAPPY(CodecFactory.SNAPPY, false),
  DEFLATE(CodecFactory.DEFLATE, false),
  ZSTANDARD(CodecFactory.ZSTANDARD, false),
  /** Far slower than the others: only with {@code --all-codecs} or when named. */
  BZIP2(CodecFactory.BZIP2, true),
  XZ(CodecFactory.XZ, true);

  private final String avroName;
  private final boolean slow;

  WriteCodec(String avroName, boolean slow) {
    this.avroName = avroName;
    this.slow = slow;
  }

  /** The value of the {@code compression} option, e.g. {@code zstandard}. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The codec's name in a written file's {@code avro.codec}, e.g. {@code null} for uncompressed. */
  public String avroName() {
    return avroName;
  }

  /** The codecs of a default run: all but the slow ones. */
  public static List<WriteCodec> fast() {
    return Arrays.stream(values()).filter(c -> !c.slow).toList();
  }

  public static List<WriteCodec> all() {
    return List.of(values());
  }

  /** The codec of an option value, any case. */
  public static WriteCodec byName(String name) {
    for (WriteCodec c : values()) {
      if (c.option().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no codec \"" + name + "\"; codecs: "
        + Arrays.stream(values()).map(WriteCodec::option).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return option();
  }
}
