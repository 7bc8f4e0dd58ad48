package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetaTextTest {
  private static String of(String utf8) {
    return MetaText.of(utf8.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void printsUtf8TextAsIsExceptBackslashesAndControlCharacters() {
    assertThat(of("deflate")).isEqualTo("deflate");
    assertThat(of("caf\u00e9 \u65e5\u672c \ud83d\ude00")).isEqualTo("caf\u00e9 \u65e5\u672c \ud83d\ude00");
    assertThat(of("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    assertThat(of("\u0000\u001b[2J\u007f\u0085\u2028")).isEqualTo("\\u0000\\u001b[2J\\u007f\\u0085\\u2028");
    assertThat(of("")).isEmpty();
  }

  @Test
  void printsBytesThatAreNotUtf8AsHexEscapes() {
    assertThat(MetaText.of(new byte[] {'o', 'k', (byte) 0xff, 0, '\\', (byte) 0xc3, (byte) 0xa9}))
        .isEqualTo("ok\\xff\\x00\\\\\\xc3\\xa9");
  }
}
