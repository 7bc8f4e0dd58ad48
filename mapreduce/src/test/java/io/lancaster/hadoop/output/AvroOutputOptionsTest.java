package io.lancaster.hadoop.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.hadoop.AvroConfigKeys;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class AvroOutputOptionsTest {
  private static Configuration conf(String... keyValues) {
    Configuration conf = new Configuration(false);
    for (int i = 0; i < keyValues.length; i += 2) {
      conf.set(keyValues[i], keyValues[i + 1]);
    }
    return conf;
  }

  @Test
  void uncompressedUnlessTheCompressFlagIsSet() {
    AvroOutputOptions o = AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.OUTPUT_CODEC, "snappy"), false);
    assertThat(o.codecName()).isEqualTo("null");
    assertThat(o.level()).isNull();
    assertThat(o.syncInterval()).isEqualTo(DataFileWriter.DEFAULT_SYNC_INTERVAL);
    assertThat(o.metadata()).isEmpty();
  }

  @Test
  void compressionDefaultsToDeflateAsAvroMapred() {
    AvroOutputOptions o = AvroOutputOptions.fromConfiguration(conf(), true);
    assertThat(o.codecName()).isEqualTo("deflate");
    assertThat(o.level()).isNull();
    assertThat(o.newCodec().name()).isEqualTo("deflate");
  }

  @Test
  void eachCodecTakesItsOwnLevelKey() {
    Configuration c = conf(AvroConfigKeys.DEFLATE_LEVEL, "2", AvroConfigKeys.ZSTD_LEVEL, "-5",
        AvroConfigKeys.XZ_LEVEL, "1");
    c.set(AvroConfigKeys.OUTPUT_CODEC, "deflate");
    assertThat(AvroOutputOptions.fromConfiguration(c, true).level()).isEqualTo(2);
    c.set(AvroConfigKeys.OUTPUT_CODEC, "zstandard");
    assertThat(AvroOutputOptions.fromConfiguration(c, true).level()).isEqualTo(-5);
    c.set(AvroConfigKeys.OUTPUT_CODEC, "xz");
    assertThat(AvroOutputOptions.fromConfiguration(c, true).level()).isEqualTo(1);
    c.set(AvroConfigKeys.OUTPUT_CODEC, "snappy");
    assertThat(AvroOutputOptions.fromConfiguration(c, true).level()).isNull();
  }

  @Test
  void codecOptionNamesAreCaseInsensitiveAndAcceptAliases() {
    assertThat(AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.OUTPUT_CODEC, " ZSTD "), true).codecName())
        .isEqualTo("zstandard");
    assertThat(AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.OUTPUT_CODEC, "None"), true).codecName())
        .isEqualTo("null");
    assertThat(AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.OUTPUT_CODEC, "BZip2"), true).codecName())
        .isEqualTo("bzip2");
  }

  @Test
  void hadoopCompressionCodecClassIsMappedWhenNoAvroCodecIsSet() {
    String key = "mapreduce.output.fileoutputformat.compress.codec";
    assertThat(AvroOutputOptions.fromConfiguration(
        conf(key, "org.apache.hadoop.io.compress.SnappyCodec"), true).codecName()).isEqualTo("snappy");
    assertThat(AvroOutputOptions.fromConfiguration(
        conf(key, "org.apache.hadoop.io.compress.BZip2Codec"), true).codecName()).isEqualTo("bzip2");
    assertThat(AvroOutputOptions.fromConfiguration(
        conf(key, "org.apache.hadoop.io.compress.ZStandardCodec"), true).codecName()).isEqualTo("zstandard");
    assertThat(AvroOutputOptions.fromConfiguration(
        conf(key, "org.apache.hadoop.io.compress.GzipCodec"), true).codecName()).isEqualTo("deflate");
    assertThat(AvroOutputOptions.fromConfiguration(
        conf("mapred.output.compression.codec", "org.apache.hadoop.io.compress.SnappyCodec"), true).codecName())
        .isEqualTo("snappy");
    // avro.output.codec wins over Hadoop's codec class
    assertThat(AvroOutputOptions.fromConfiguration(conf(key, "org.apache.hadoop.io.compress.SnappyCodec",
        AvroConfigKeys.OUTPUT_CODEC, "xz"), true).codecName()).isEqualTo("xz");
    // a Hadoop codec without an Avro twin falls back to deflate
    assertThat(AvroOutputOptions.fromConfiguration(
        conf(key, "org.apache.hadoop.io.compress.Lz4Codec"), true).codecName()).isEqualTo("deflate");
  }

  @Test
  void badValuesAreRefusedNamingTheirKey() {
    assertThatThrownBy(() -> AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.OUTPUT_CODEC, "lzo"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(AvroConfigKeys.OUTPUT_CODEC + ": ")
        .hasMessageContaining("lzo");
    assertThatThrownBy(() -> AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.DEFLATE_LEVEL, "10"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(AvroConfigKeys.DEFLATE_LEVEL + ": deflate compression level must be between -1 and 9, got 10");
    assertThatThrownBy(() -> AvroOutputOptions.fromConfiguration(
        conf(AvroConfigKeys.OUTPUT_CODEC, "xz", AvroConfigKeys.XZ_LEVEL, "high"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(AvroConfigKeys.XZ_LEVEL + ": not an integer: \"high\"");
    assertThatThrownBy(() -> AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.SYNC_INTERVAL, "8"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(AvroConfigKeys.SYNC_INTERVAL + ": sync interval must be between 32 and");
    // a level of another codec is not checked
    assertThat(AvroOutputOptions.fromConfiguration(conf(AvroConfigKeys.XZ_LEVEL, "99"), true).codecName())
        .isEqualTo("deflate");
  }

  @Test
  void metadataComesFromTextAndBinaryPrefixes() {
    Configuration c = conf(AvroConfigKeys.TEXT_METADATA_PREFIX + "owner", "\u00e9quipe data",
        AvroConfigKeys.BINARY_METADATA_PREFIX + "magic", "%00%FF%7Fa+b",
        AvroConfigKeys.SYNC_INTERVAL, "2048");
    AvroOutputOptions o = AvroOutputOptions.fromConfiguration(c, false);
    assertThat(o.metadata()).containsOnlyKeys("owner", "magic");
    assertThat(new String(o.metadata().get("owner"), StandardCharsets.UTF_8)).isEqualTo("\u00e9quipe data");
    assertThat(o.metadata().get("magic")).containsExactly(0, 0xFF, 0x7F, 'a', ' ', 'b');
    assertThat(o.syncInterval()).isEqualTo(2048);
  }

  @Test
  void reservedMetadataKeysAreRefused() {
    assertThatThrownBy(() -> AvroOutputOptions.fromConfiguration(
        conf(AvroConfigKeys.TEXT_METADATA_PREFIX + "avro.codec", "x"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"avro.codec\"")
        .hasMessageContaining("reserved");
  }

  @Test
  void newWriterCarriesTheCodecInstance() {
    AvroOutputOptions o = new AvroOutputOptions("zstandard", 7, 4096, java.util.Map.of());
    try (Codec c = o.newCodec()) {
      assertThat(c.name()).isEqualTo("zstandard");
      assertThat(c).isNotSameAs(o.newCodec());
    }
    assertThatThrownBy(() -> new AvroOutputOptions("zstandard", 99, 4096, java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99");
  }
}
