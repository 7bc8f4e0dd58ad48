package io.lancaster.avro.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Codec lookup by file metadata name and by user option, with level validation. */
class CodecFactoryTest {
  @Test
  void forNameKnowsEveryAvroCodec() {
    for (String name : CodecFactory.supportedNames()) {
      assertThat(CodecFactory.forName(name).name()).isEqualTo(name);
    }
    assertThat(CodecFactory.forName(null)).isInstanceOf(NullCodec.class);
    assertThat(CodecFactory.forName("deflate")).isEqualTo(CodecFactory.deflate(-1));
    assertThat(CodecFactory.forName("zstandard")).isEqualTo(CodecFactory.zstandard(3, false));
    assertThat(CodecFactory.forName("xz")).isEqualTo(CodecFactory.xz(6));
  }

  @Test
  void forNameRejectsUnknownNamesListingTheSupportedOnes() {
    assertThatThrownBy(() -> CodecFactory.forName("lz4"))
        .isInstanceOfSatisfying(UnsupportedCodecException.class, e -> assertThat(e.codecName()).isEqualTo("lz4"))
        .hasMessageContaining("'lz4'").hasMessageContaining("null, deflate, snappy, zstandard, bzip2, xz");
    assertThatThrownBy(() -> CodecFactory.forName("zstd")).isInstanceOf(UnsupportedCodecException.class);
    assertThatThrownBy(() -> CodecFactory.forName("Deflate")).isInstanceOf(UnsupportedCodecException.class);
    assertThatThrownBy(() -> CodecFactory.forName("")).isInstanceOf(UnsupportedCodecException.class);
  }

  @Test
  void fromOptionAcceptsSparkAndMapredSpellings() {
    for (String n : new String[] {"uncompressed", "none", "null", " NONE "}) {
      assertThat(CodecFactory.fromOption(n, null)).isInstanceOf(NullCodec.class);
    }
    assertThat(CodecFactory.fromOption("deflate", null)).isEqualTo(CodecFactory.deflate(-1));
    assertThat(CodecFactory.fromOption("DEFLATE", 9)).isEqualTo(CodecFactory.deflate(9));
    assertThat(CodecFactory.fromOption("snappy", null)).isEqualTo(CodecFactory.snappy());
    assertThat(CodecFactory.fromOption("snappy", 5)).isEqualTo(CodecFactory.snappy()); // no level: ignored
    assertThat(CodecFactory.fromOption("zstandard", null)).isEqualTo(CodecFactory.zstandard(3, false));
    assertThat(CodecFactory.fromOption("zstd", -7)).isEqualTo(CodecFactory.zstandard(-7, false));
    assertThat(CodecFactory.fromOption("bzip2", null)).isEqualTo(CodecFactory.bzip2());
    assertThat(CodecFactory.fromOption("xz", null)).isEqualTo(CodecFactory.xz(6));
    assertThat(CodecFactory.fromOption("xz", 0)).isEqualTo(CodecFactory.xz(0));
    assertThatThrownBy(() -> CodecFactory.fromOption("lzo", null)).isInstanceOf(UnsupportedCodecException.class)
        .hasMessageContaining("zstandard (or zstd)");
    assertThatThrownBy(() -> CodecFactory.fromOption(null, null)).isInstanceOf(UnsupportedCodecException.class);
  }

  @Test
  void levelsAreValidated() {
    assertThatThrownBy(() -> CodecFactory.fromOption("deflate", 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deflate compression level must be between -1 and 9, got 10");
    assertThatThrownBy(() -> CodecFactory.deflate(-2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CodecFactory.zstandard(23, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("zstandard compression level must be between -131072 and 22, got 23");
    assertThatThrownBy(() -> CodecFactory.zstandard(-131073, false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(CodecFactory.zstandard(-131072, false)).isNotNull();
    assertThat(CodecFactory.zstandard(22, true)).isNotNull();
    assertThatThrownBy(() -> CodecFactory.xz(10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("xz compression level must be between 0 and 9, got 10");
    assertThatThrownBy(() -> CodecFactory.fromOption("xz", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCallGivesANewInstance() {
    assertThat(CodecFactory.forName("deflate")).isNotSameAs(CodecFactory.forName("deflate"));
    assertThat(CodecFactory.snappy().newInstance()).isNotSameAs(CodecFactory.snappy());
    assertThat(CodecFactory.zstandard(5, true).toString()).isEqualTo("zstandard(level=5, checksum=true)");
  }
}
