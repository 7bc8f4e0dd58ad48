package io.lancaster.spark.read;

import io.lancaster.spark.testing.SparkConfs;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.TimeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logical types: decimals on bytes and on fixed (precision 5, 18, 19, 38; negative, zero, extremes; scale 0),
 * date, timestamps, local timestamps, time-micros, and those spark-avro reads as their underlying type (uuid,
 * time-millis, timestamp-nanos, duration); dates before the Gregorian switch under each rebase mode.
 */
class LogicalTypesReadTest {
  static final Schema DECIMALS = Schema.parse("""
      {"type":"record","name":"Dec","fields":[
        {"name":"id","type":"int"},
        {"name":"b5","type":{"type":"bytes","logicalType":"decimal","precision":5,"scale":2}},
        {"name":"b18","type":{"type":"bytes","logicalType":"decimal","precision":18,"scale":4}},
        {"name":"b19","type":{"type":"bytes","logicalType":"decimal","precision":19,"scale":0}},
        {"name":"b38","type":{"type":"bytes","logicalType":"decimal","precision":38,"scale":10}},
        {"name":"f5","type":{"type":"fixed","name":"F3","size":3,"logicalType":"decimal","precision":5,"scale":2}},
        {"name":"f18","type":{"type":"fixed","name":"F8","size":8,"logicalType":"decimal","precision":18,"scale":4}},
        {"name":"f19","type":{"type":"fixed","name":"F9","size":9,"logicalType":"decimal","precision":19,"scale":0}},
        {"name":"f38","type":{"type":"fixed","name":"F16","size":16,"logicalType":"decimal","precision":38,
          "scale":10}},
        {"name":"opt","type":["null",{"type":"bytes","logicalType":"decimal","precision":9,"scale":3}]}
      ]}""");

  static final Schema TEMPORALS = Schema.parse("""
      {"type":"record","name":"Tmp","fields":[
        {"name":"id","type":"int"},
        {"name":"date","type":{"type":"int","logicalType":"date"}},
        {"name":"ts_ms","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"ts_us","type":{"type":"long","logicalType":"timestamp-micros"}},
        {"name":"lts_ms","type":{"type":"long","logicalType":"local-timestamp-millis"}},
        {"name":"lts_us","type":{"type":"long","logicalType":"local-timestamp-micros"}},
        {"name":"opt_ts","type":["null",{"type":"long","logicalType":"timestamp-micros"}]},
        {"name":"uuid","type":{"type":"string","logicalType":"uuid"}},
        {"name":"time_ms","type":{"type":"int","logicalType":"time-millis"}},
        {"name":"ts_ns","type":{"type":"long","logicalType":"timestamp-nanos"}},
        {"name":"dur","type":{"type":"fixed","name":"Dur","size":12,"logicalType":"duration"}}
      ]}""");

  static final Schema ANCIENT = Schema.parse("""
      {"type":"record","name":"Old","fields":[
        {"name":"id","type":"int"},
        {"name":"date","type":{"type":"int","logicalType":"date"}},
        {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros"}}
      ]}""");

  static final Schema TIME = Schema.parse("""
      {"type":"record","name":"Time","fields":[
        {"name":"id","type":"int"},
        {"name":"time_us","type":{"type":"long","logicalType":"time-micros"}}
      ]}""");

  private static final String TIME_TYPE_CONF = "spark.sql.timeType.enabled";

  @TempDir Path dir;

  static List<Object> decimalRows() {
    int[][] ps = {{5, 2}, {18, 4}, {19, 0}, {38, 10}};
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      List<Object> v = new ArrayList<>();
      v.add(k);
      BigDecimal[] values = new BigDecimal[4];
      for (int j = 0; j < 4; j++) {
        int p = ps[j][0];
        int s = ps[j][1];
        BigDecimal max = Values.largest(p, s);
        values[j] = switch (k % 6) {
          case 0 -> BigDecimal.ZERO;
          case 1 -> max;
          case 2 -> max.negate();
          case 3 -> BigDecimal.ONE.movePointLeft(s).negate(); // the smallest step below zero
          case 4 -> new BigDecimal("-123.45").setScale(s, RoundingMode.DOWN);
          default -> new BigDecimal(k * 7 + ".5").setScale(s, RoundingMode.DOWN);
        };
      }
      for (int j = 0; j < 4; j++) {
        v.add(Values.decimalBytes(values[j], ps[j][1]));
      }
      String[] fixedNames = {"F3", "F8", "F9", "F16"};
      for (int j = 0; j < 4; j++) {
        v.add(Values.decimalFixed(Values.named(DECIMALS, fixedNames[j]), values[j], ps[j][1]));
      }
      v.add(k % 3 == 0 ? null : Values.decimalBytes(new BigDecimal(-k * 1000 + ".125"), 3));
      rows.add(Values.record(DECIMALS, v.toArray()));
    }
    return rows;
  }

  static List<Object> temporalRows() {
    Schema dur = Values.named(TEMPORALS, "Dur");
    int[] dates = {0, 1, -1, 19_000, 2_932_896, -141_427}; // 1970-01-01 ... 9999-12-31, 1582-10-15
    long[] millis = {0, 1, -1, 1_700_000_000_123L, -631_152_000_000L, 253_402_300_799_999L};
    long[] micros = {0, 999, -1, 1_700_000_000_123_456L, -631_152_000_000_001L, 253_402_300_799_999_999L};
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      int j = k % 6;
      rows.add(Values.record(TEMPORALS, k, dates[j], millis[j], micros[j], millis[j], micros[j],
          k % 2 == 0 ? null : micros[j],
          new UUID(k, -k).toString(), j * 3_600_000 + k, micros[j] * 1000 + k,
          Values.fixed(dur, k, 0, 0, 0, 1, 0, 0, 0, 255, 255, 0, 0)));
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(Writer.class)
  void decimalsOnBytesAndFixedReadAsInSparkAvro(Writer writer) {
    AvroFiles.write(writer, dir.resolve("dec.avro"), DECIMALS, decimalRows());
    BothReaders.Outcome ours = BothReaders.assertSameRead(writer.toString(), dir.toString(), Map.of());
    assertThat(ours.schema().apply("b38").dataType()).isEqualTo(DataTypes.createDecimalType(38, 10));
    assertThat(ours.schema().apply("f19").dataType()).isEqualTo(DataTypes.createDecimalType(19, 0));
    assertThat(String.join("\n", ours.rows())).contains("-999.99BD", "9999999999999999999BD", "-0.0001BD");
  }

  @ParameterizedTest
  @EnumSource(Writer.class)
  void datesTimestampsAndUnmappedLogicalTypesReadAsInSparkAvro(Writer writer) {
    AvroFiles.write(writer, dir.resolve("tmp.avro"), TEMPORALS, temporalRows());
    BothReaders.Outcome ours = BothReaders.assertSameRead(writer.toString(), dir.toString(), Map.of());
    assertThat(ours.schema().apply("ts_ms").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(ours.schema().apply("lts_us").dataType()).isEqualTo(DataTypes.TimestampNTZType);
    assertThat(ours.schema().apply("dur").dataType()).isEqualTo(DataTypes.BinaryType);
  }

  @ParameterizedTest
  @EnumSource(Writer.class)
  void timeMicrosReadsAsInSparkAvroWhereSparkHasTheTimeType(Writer writer) throws Exception {
    List<Object> rows = new ArrayList<>();
    long[] times = {0, 1, 5L * 3_600_000_000L + 5, 86_399_999_999L, 43_200_000_000L};
    for (int k = 0; k < times.length; k++) {
      rows.add(Values.record(TIME, k, times[k]));
    }
    AvroFiles.write(writer, dir.resolve("time.avro"), TIME, rows);
    BothReaders.Outcome disabled = BothReaders.assertAlike("TIME disabled", dir.toString(), Map.of(), df -> df);
    assertThat(disabled.failed()).as("Spark 4.2 rejects the TIME type unless enabled").isTrue();
    BothReaders.Outcome ours = SparkConfs.with(Map.of(TIME_TYPE_CONF, "true"),
        () -> BothReaders.assertSameRead("TIME enabled", dir.toString(), Map.of()));
    assertThat(ours.schema().apply("time_us").dataType()).isEqualTo(new TimeType(6));
    assertThat(String.join("\n", ours.rows())).contains("LocalTime:05:00:00.000005");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":2}",
      "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":0}",
      "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":18,\"scale\":4}",
      "{\"type\":\"fixed\",\"name\":\"F8\",\"size\":8,\"logicalType\":\"decimal\",\"precision\":18,"
          + "\"scale\":0}"})
  void decimalsBeyondTheirPrecisionFailAsInSparkAvro(String decimal) {
    assertTooLargeDecimalFailsAlike(decimal);
  }

  /** Reads a decimal of unscaled value 10^precision, one digit too many, with both. */
  private void assertTooLargeDecimalFailsAlike(String decimal) {
    Schema schema = Schema.parse("{\"type\":\"record\",\"name\":\"D\",\"fields\":[{\"name\":\"d\",\"type\":"
        + decimal + "}]}");
    Schema type = ((RecordSchema) schema).fields().get(0).schema();
    int precision = ((LogicalType.Decimal) type.logicalType()).precision();
    BigDecimal tooLarge = new BigDecimal(BigInteger.TEN.pow(precision));
    Object value = type.type() == Schema.Type.FIXED ? Values.decimalFixed(type, tooLarge, 0)
        : Values.decimalBytes(tooLarge, 0);
    AvroFiles.write(Writer.LANCASTER, dir.resolve("big.avro"), schema, List.of(Values.record(schema, value)));
    BothReaders.Outcome ours = BothReaders.assertAlike(decimal, dir.toString(), Map.of(), df -> df);
    assertThat(ours.failed()).as("spark-avro rejects the value: %s %s", ours, ours.rows()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":25,\"scale\":3}",
      "{\"type\":\"fixed\",\"name\":\"F16\",\"size\":16,\"logicalType\":\"decimal\",\"precision\":38,"
          + "\"scale\":0}"})
  void decimalsOfMoreThan18DigitsBeyondTheirPrecisionFailAsInSparkAvro(String decimal) {
    assertTooLargeDecimalFailsAlike(decimal);
  }

  @Test
  void timestampMillisThatOverflowMicrosecondsFailAsInSparkAvro() {
    Schema schema = Schema.parse("""
        {"type":"record","name":"T","fields":[{"name":"t","type":{"type":"long","logicalType":"timestamp-millis"}}]}
        """);
    AvroFiles.write(Writer.LANCASTER, dir.resolve("ts.avro"), schema, List.of(Values.record(schema, 0L),
        Values.record(schema, Long.MAX_VALUE / 10)));
    BothReaders.Outcome ours = BothReaders.assertAlike("overflow", dir.toString(), Map.of(), df -> df);
    assertThat(ours.failed()).isTrue();
    assertThat(Causes.messages(ours.failure())).contains("ts.avro", "overflow");
  }

  /** Written without Spark's version metadata, so the rebase mode is the option's or the session conf's. */
  static Path ancientDates(Path dir) {
    List<Object> rows = new ArrayList<>();
    int[] dates = {-141_428, -719_162, -500_000, 0}; // 1582-10-14, 0001-01-01, ..., 1970-01-01
    long[] micros = {-12_219_292_800_000_001L, -62_135_596_800_000_000L, -2_208_988_800_000_001L, 0};
    for (int k = 0; k < dates.length; k++) {
      rows.add(Values.record(ANCIENT, k, dates[k], micros[k]));
    }
    return AvroFiles.write(Writer.LANCASTER, dir.resolve("old.avro"), ANCIENT, rows);
  }

  @Test
  void datesBeforeTheGregorianSwitchFollowTheRebaseOptionAsInSparkAvro() {
    ancientDates(dir);
    BothReaders.Outcome failing = BothReaders.assertAlike("EXCEPTION", dir.toString(),
        Map.of("datetimeRebaseMode", "EXCEPTION"), df -> df);
    assertThat(failing.failed()).as("EXCEPTION mode rejects ancient dates").isTrue();
    assertThat(Causes.messages(failing.failure())).contains("READ_ANCIENT_DATETIME");
    for (String mode : List.of("CORRECTED", "LEGACY")) {
      BothReaders.Outcome ours = BothReaders.assertSameRead(mode, dir.toString(),
          Map.of("datetimeRebaseMode", mode));
      assertThat(ours.rows()).hasSize(4);
    }
  }

  @Test
  void datesBeforeTheGregorianSwitchReadWithTheSessionsDefaultRebaseModeAsInSparkAvro() {
    ancientDates(dir);
    BothReaders.Outcome ours = BothReaders.assertSameRead("default mode", dir.toString(), Map.of());
    assertThat(ours.rows()).hasSize(4);
  }
}
