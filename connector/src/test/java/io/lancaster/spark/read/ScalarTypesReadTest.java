package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive Avro type, with the values that break readers (NaN, infinities, -0.0, extremes, empty and astral
 * strings, empty bytes), written by both libraries with every codec: Lancaster reads what spark-avro reads.
 */
class ScalarTypesReadTest {
  static final Schema SCHEMA = Schema.parse("""
      {"type":"record","name":"Scalars","namespace":"t","fields":[
        {"name":"id","type":"int"},
        {"name":"n","type":"null"},
        {"name":"b","type":"boolean"},
        {"name":"i","type":"int"},
        {"name":"l","type":"long"},
        {"name":"f","type":"float"},
        {"name":"d","type":"double"},
        {"name":"s","type":"string"},
        {"name":"by","type":"bytes"},
        {"name":"fx","type":{"type":"fixed","name":"F4","size":4}},
        {"name":"e","type":{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}}
      ]}""");

  private static final float[] FLOATS = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
      Float.MIN_VALUE, Float.MAX_VALUE, -1.5f, Float.intBitsToFloat(0x7fc00001)};
  private static final double[] DOUBLES = {0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE, Double.MAX_VALUE, -2.25d, Math.PI};
  private static final int[] INTS = {0, 1, -1, 63, -65, Integer.MAX_VALUE, Integer.MIN_VALUE, 8192, -8193};
  private static final long[] LONGS = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 35, -(1L << 49), 64, 127, 42};
  private static final String[] STRINGS = {"", "a", "é ü ß", "日本語", "\uD83D\uDE00 astral \uD83C\uDDFA\uD83C\uDDF8",
      "\u0000nul", "x".repeat(3000), "\"quoted\" \\ back", "line\nbreak"};

  @TempDir Path dir;

  /** Apache Avro's writer with every codec; Lancaster's with two (its codecs have their own tests in core). */
  static Stream<Arguments> codecsAndWriters() {
    List<Arguments> out = new ArrayList<>();
    for (String codec : AvroFiles.CODECS) {
      out.add(Arguments.of(Writer.APACHE, codec));
    }
    out.add(Arguments.of(Writer.LANCASTER, "null"));
    out.add(Arguments.of(Writer.LANCASTER, "zstandard"));
    return out.stream();
  }

  static List<Object> rows() {
    Schema fixed = Values.named(SCHEMA, "t.F4");
    Schema color = Values.named(SCHEMA, "t.Color");
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < 27; k++) {
      int j = k % 9;
      rows.add(Values.record(SCHEMA, k, null, k % 2 == 0, INTS[j], LONGS[j], FLOATS[j], DOUBLES[j], STRINGS[j],
          k % 4 == 0 ? Values.bytes() : Values.bytes(k, 0, 255, -k, 0x80),
          Values.fixed(fixed, k, 255, 0, 128), Values.symbol(color, List.of("RED", "GREEN", "BLUE").get(k % 3))));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("codecsAndWriters")
  void everyPrimitiveReadsAsSparkAvroReadsIt(Writer writer, String codec) {
    AvroFiles.write(writer, dir.resolve("scalars.avro"), SCHEMA, rows(), codec, 0);
    BothReaders.Outcome ours = BothReaders.assertSameRead(writer + " " + codec, dir.toString(), Map.of());
    assertThat(ours.rows()).hasSize(27);
    assertThat(ours.schema().fieldNames()).containsExactly("id", "n", "b", "i", "l", "f", "d", "s", "by", "fx", "e");
    assertThat(String.join("\n", ours.rows())).contains("NaNf", "-0.0d", "Infinityd", "0x", "\uD83D\uDE00");
  }
}
