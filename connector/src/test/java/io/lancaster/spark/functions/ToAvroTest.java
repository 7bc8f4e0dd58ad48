package io.lancaster.spark.functions;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.YearMonthIntervalType;
import org.junit.jupiter.api.Test;

/**
 * {@code to_avro} writes the bytes spark-avro's to_avro writes (rebuilt from its serializer and Apache Avro's
 * writer, see {@link SparkAvroOracle}), for every Spark type, with the derived schema and with given ones; and
 * {@code from_avro} reads them back to the values written.
 */
class ToAvroTest {
  static final StructType INNER = new StructType()
      .add("x", DataTypes.IntegerType, false)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType, true), true);

  static final StructType EVERY_TYPE = new StructType()
      .add("b", DataTypes.BooleanType, false)
      .add("y", DataTypes.ByteType, true)
      .add("h", DataTypes.ShortType, true)
      .add("i", DataTypes.IntegerType, false)
      .add("l", DataTypes.LongType, true)
      .add("f", DataTypes.FloatType, true)
      .add("d", DataTypes.DoubleType, false)
      .add("s", DataTypes.StringType, true)
      .add("bin", DataTypes.BinaryType, true)
      .add("dec5", DataTypes.createDecimalType(5, 2), true)
      .add("dec20", DataTypes.createDecimalType(20, 4), false)
      .add("dec38", DataTypes.createDecimalType(38, 10), true)
      .add("date", DataTypes.DateType, true)
      .add("ts", DataTypes.TimestampType, true)
      .add("ntz", DataTypes.TimestampNTZType, true)
      .add("ym", YearMonthIntervalType.apply(), true)
      .add("dt", DayTimeIntervalType.apply(), true)
      .add("arr", DataTypes.createArrayType(DataTypes.LongType, true), true)
      .add("map", DataTypes.createMapType(DataTypes.StringType, INNER, true), true)
      .add("inner", INNER, false)
      .add("nested", new StructType().add("inner", INNER, true).add("d", DataTypes.DoubleType, true), true);

  static Dataset<Row> everyType(int n, long seed) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      boolean nulls = k % 4 == 3;
      Row inner = RowFactory.create(r.nextInt(), nulls ? null : seq("a" + k, "日本"));
      rows.add(RowFactory.create(r.nextBoolean(), nulls ? null : (byte) r.nextInt(), nulls ? null : (short) r.nextInt(),
          r.nextInt(), nulls ? null : r.nextLong(), nulls ? null : (k % 5 == 0 ? Float.NaN : r.nextFloat()),
          k % 3 == 0 ? -0.0d : r.nextGaussian() * 1e9, nulls ? null : "s\uD83D\uDE00" + k,
          nulls ? null : new byte[] {(byte) k, 0, -1},
          nulls ? null : BigDecimal.valueOf(r.nextInt(99999) - 49999, 2),
          new BigDecimal(Long.toString(r.nextLong()) + "1234").movePointLeft(4).remainder(BigDecimal.TEN.pow(16)),
          nulls ? null : new BigDecimal("1234567890123456789012345678.0123456789").negate(),
          nulls ? null : Date.valueOf("2001-02-03"),
          nulls ? null : new Timestamp(1_600_000_000_000L + r.nextInt(1_000_000)),
          nulls ? null : LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000),
          nulls ? null : Period.ofMonths(r.nextInt(1000) - 500),
          nulls ? null : Duration.ofSeconds(r.nextInt(), 123_000),
          nulls ? null : seq(1L, null, -3L),
          nulls ? null : scala.collection.immutable.Map$.MODULE$.from(
              scala.jdk.javaapi.CollectionConverters.asScala(Map.of("k" + k, inner, "", inner))),
          inner,
          nulls ? null : RowFactory.create(k % 2 == 0 ? null : inner, 2.5)));
    }
    return Frames.spark().createDataFrame(new JavaSparkContext(Frames.spark().sparkContext()).parallelize(rows, 2),
        EVERY_TYPE);
  }

  @Test
  void everyTypeEncodesAsSparkAvroEncodesIt() throws Exception {
    Dataset<Row> df = everyType(40, 7);
    List<InternalRow> values = catalystRows(df);
    for (StructField f : EVERY_TYPE.fields()) {
      List<byte[]> expected = new ArrayList<>();
      int i = EVERY_TYPE.fieldIndex(f.name());
      for (InternalRow row : values) {
        expected.add(row.isNullAt(i) ? null
            : SparkAvroOracle.toAvro(row.get(i, f.dataType()), f.dataType(), f.nullable(), null));
      }
      String schema = SparkAvroOracle.derivedSchema(f.dataType(), f.nullable());
      assertSameDatums(f.name(), schema, expected, Frames.withConfs(Frames.GENERATED,
          () -> binaries(df.select(AvroFunctions.to_avro(col(f.name()))))));
      assertSameDatums(f.name() + " interpreted", schema, expected, Frames.withConfs(Frames.INTERPRETED,
          () -> binaries(df.select(AvroFunctions.to_avro(col(f.name()))))));
    }
  }

  @Test
  void aWholeRowEncodesAsSparkAvroEncodesIt() {
    Dataset<Row> df = everyType(30, 8);
    Column all = org.apache.spark.sql.functions.struct(col("*"));
    StructType type = (StructType) df.select(all).schema().fields()[0].dataType();
    List<byte[]> expected = new ArrayList<>();
    for (InternalRow row : catalystRows(df)) {
      expected.add(SparkAvroOracle.toAvro(row, type, false, null));
    }
    assertSameDatums("row", SparkAvroOracle.derivedSchema(type, false), expected,
        binaries(df.select(AvroFunctions.to_avro(all))));
  }

  /**
   * The same bytes, but for the order of map entries, which spark-avro leaves to a HashMap: where the bytes
   * differ, both must decode (Apache Avro, the whole input) to equal values.
   */
  static void assertSameDatums(String what, String schema, List<byte[]> expected, List<byte[]> actual) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    org.apache.avro.Schema avro = SparkAvroOracle.parse(schema);
    for (int k = 0; k < expected.size(); k++) {
      byte[] e = expected.get(k);
      byte[] a = actual.get(k);
      if (e == null || a == null || java.util.Arrays.equals(e, a)) {
        assertThat(a == null ? null : hex(a)).as("%s row %d", what, k).isEqualTo(e == null ? null : hex(e));
        continue;
      }
      assertThat(a).as("%s row %d: same length", what, k).hasSameSizeAs(e);
      assertThat(io.lancaster.avro.testing.AvroJava.readAvro(avro, a)).as("%s row %d", what, k)
          .isEqualTo(io.lancaster.avro.testing.AvroJava.readAvro(avro, e));
    }
  }

  @Test
  void fromAvroReadsBackWhatToAvroWrote() throws Exception {
    Dataset<Row> df = everyType(40, 9);
    for (StructField f : EVERY_TYPE.fields()) {
      String schema = SparkAvroOracle.derivedSchema(f.dataType(), f.nullable());
      boolean widened = f.dataType() instanceof ByteType || f.dataType() instanceof ShortType;
      Column original = widened ? col(f.name()).cast("int") : col(f.name());
      List<Row> rows = df.select(original.as("original"),
          AvroFunctions.from_avro(AvroFunctions.to_avro(col(f.name())), schema).as("back")).collectAsList();
      for (Row row : rows) {
        assertThat(CanonicalValues.of(row.get(1))).as(f.name()).isEqualTo(CanonicalValues.of(row.get(0)));
      }
    }
  }

  @Test
  void givenSchemasConvertAsSparkAvroConvertsThem() {
    String schema = """
        {"type":"record","name":"Out","namespace":"o","fields":[
          {"name":"color","type":{"type":"enum","name":"Color","symbols":["RED","GREEN"]}},
          {"name":"id","type":{"type":"fixed","name":"Id","size":3}},
          {"name":"at","type":["null",{"type":"long","logicalType":"timestamp-millis"}]},
          {"name":"price","type":[{"type":"bytes","logicalType":"decimal","precision":5,"scale":2},"null"]},
          {"name":"n","type":["long","null"]},
          {"name":"extra","type":["null","string"],"default":null}]}""";
    StructType type = new StructType()
        .add("color", DataTypes.StringType, false)
        .add("id", DataTypes.BinaryType, false)
        .add("at", DataTypes.TimestampType, true)
        .add("price", DataTypes.createDecimalType(5, 2), true)
        .add("n", DataTypes.LongType, true);
    List<Row> rows = List.of(
        RowFactory.create("GREEN", new byte[] {1, 2, 3}, new Timestamp(1_700_000_000_123L), new BigDecimal("-12.34"),
            7L),
        RowFactory.create("RED", new byte[] {0, 0, 0}, null, null, null));
    Dataset<Row> df = Frames.spark().createDataFrame(rows, type);
    Column all = org.apache.spark.sql.functions.struct(col("*"));
    StructType allType = (StructType) df.select(all).schema().fields()[0].dataType();

    List<String> expected = new ArrayList<>();
    for (InternalRow row : catalystRows(df)) {
      expected.add(hex(SparkAvroOracle.toAvro(row, allType, false, schema)));
    }
    assertThat(hexes(df.select(AvroFunctions.to_avro(all, schema)))).containsExactlyElementsOf(expected);
    assertThat(expected.get(1)).isEqualTo("00" + "000000" + "00" + "02" + "02" + "00");
  }

  @Test
  void aTypeTheSchemaCannotHoldFailsAtAnalysis() {
    Dataset<Row> df = everyType(1, 1);
    assertThatThrownBy(() -> df.select(AvroFunctions.to_avro(col("s"), "\"int\"")).schema())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("Cannot convert SQL type STRING to Avro type \"int\"");
    assertThatThrownBy(() -> df.select(AvroFunctions.to_avro(col("inner"),
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"y\",\"type\":\"int\"}]}")).schema())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("Cannot convert SQL type STRUCT");
  }

  @Test
  void aStringThatIsNoSymbolFailsWhenWritten() {
    Dataset<Row> df = Frames.spark().createDataFrame(List.of(RowFactory.create("BLUE")),
        new StructType().add("c", DataTypes.StringType, false));
    String schema = "{\"type\":\"enum\",\"name\":\"Color\",\"symbols\":[\"RED\",\"GREEN\"]}";
    assertThatThrownBy(() -> df.select(AvroFunctions.to_avro(col("c"), schema)).collectAsList())
        .hasStackTraceContaining("BLUE");
  }

  @Test
  void nullGivesNull() {
    Dataset<Row> df = everyType(4, 3);
    List<Row> rows = df.select(AvroFunctions.to_avro(col("s"))).collectAsList();
    assertThat(rows.get(3).isNullAt(0)).isTrue();
    assertThat(rows.get(0).isNullAt(0)).isFalse();
  }

  static scala.collection.immutable.Seq<Object> seq(Object... items) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.asList(items)).toSeq();
  }

  static List<InternalRow> catalystRows(Dataset<Row> df) {
    List<InternalRow> out = new ArrayList<>();
    // Copied in the tasks: the rows a plan produces may reuse one buffer.
    out.addAll(df.queryExecution().toRdd().toJavaRDD().map(InternalRow::copy).collect());
    return out;
  }

  static List<byte[]> binaries(Dataset<Row> df) {
    List<byte[]> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(r.isNullAt(0) ? null : (byte[]) r.get(0));
    }
    return out;
  }

  static List<String> hexes(Dataset<Row> df) {
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(r.isNullAt(0) ? "null" : hex((byte[]) r.get(0)));
    }
    return out;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
