package io.lancaster.bench.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriteComparisonTest {
  @Test
  void ratioIsSparkAvrosBestTimeOverLancasters() {
    WriteComparison c = new WriteComparison(List.of(
        new WriteResult(WriteCodec.SNAPPY, BenchWriter.LANCASTER, 100, List.of(3.0, 2.0, 2.5), 10),
        new WriteResult(WriteCodec.SNAPPY, BenchWriter.SPARK_AVRO, 100, List.of(4.0, 5.0, 6.0), 10),
        new WriteResult(WriteCodec.DEFLATE, BenchWriter.LANCASTER, 100, List.of(1.0), 10)));

    assertThat(c.lancasterVersusSparkAvro(WriteCodec.SNAPPY).getAsDouble()).isCloseTo(2.0, within(1e-12));
    assertThat(c.lancasterVersusSparkAvro(WriteCodec.DEFLATE)).isEmpty();
    assertThat(c.codecs()).containsExactly(WriteCodec.SNAPPY, WriteCodec.DEFLATE);
    assertThat(WriteComparison.format(c.lancasterVersusSparkAvro(WriteCodec.SNAPPY))).isEqualTo("2.00");
    assertThat(c.result(WriteCodec.SNAPPY, BenchWriter.LANCASTER).orElseThrow().median()).isEqualTo(2.5);
    assertThat(c.result(WriteCodec.SNAPPY, BenchWriter.SPARK_AVRO).orElseThrow().rowsPerSecond()).isEqualTo(25.0);
  }

  @Test
  void codecNamesAreSparkAvrosOptionValues() {
    assertThat(WriteCodec.fast()).extracting(WriteCodec::option)
        .containsExactly("uncompressed", "snappy", "deflate", "zstandard");
    assertThat(WriteCodec.all()).contains(WriteCodec.BZIP2, WriteCodec.XZ);
    assertThat(WriteCodec.byName("ZStandard")).isEqualTo(WriteCodec.ZSTANDARD);
    assertThat(WriteCodec.UNCOMPRESSED.avroName()).isEqualTo("null");
  }
}
