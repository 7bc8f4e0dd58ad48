package io.lancaster.spark.write.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/**
 * The compiled row writer's bytes equal Apache Avro Java's for the same values, for Spark's generic rows (values
 * as objects) and for the unsafe rows Spark usually hands to writers: decimals of every width into bytes and into
 * fixeds larger than needed (sign extension), strings whose bytes live off the heap, maps, unions with null first.
 */
class EncoderCompilerTest {
  private static final String AVRO = """
      {"type":"record","name":"R","fields":[
        {"name":"small","type":{"type":"fixed","name":"F8","size":8,"logicalType":"decimal","precision":5,
          "scale":2}},
        {"name":"compact","type":{"type":"bytes","logicalType":"decimal","precision":18,"scale":0}},
        {"name":"wide","type":["null",{"type":"fixed","name":"F16","size":16,"logicalType":"decimal",
          "precision":38,"scale":3}]},
        {"name":"wideBytes","type":{"type":"bytes","logicalType":"decimal","precision":25,"scale":1}},
        {"name":"text","type":["null","string"]},
        {"name":"m","type":{"type":"map","values":["int","null"]}}]}""";

  private static final StructType SPARK = new StructType()
      .add("small", DataTypes.createDecimalType(5, 2), false)
      .add("compact", DataTypes.createDecimalType(18, 0), false)
      .add("wide", DataTypes.createDecimalType(38, 3), true)
      .add("wideBytes", DataTypes.createDecimalType(25, 1), false)
      .add("text", DataTypes.StringType, true)
      .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, true), false);

  @Test
  void bytesEqualApacheAvros() throws Exception {
    Schema schema = Schema.parse(AVRO);
    org.apache.avro.Schema avro = new org.apache.avro.Schema.Parser().parse(AVRO);
    RowDatumWriter writer = EncoderCompiler.compile(SPARK, schema, EncoderOptions.DEFAULT);
    UnsafeProjection toUnsafe = UnsafeProjection.create(SPARK);
    Random random = new Random(42);
    long address = Platform.allocateMemory(64);
    try {
      for (int i = 0; i < 500; i++) {
        BigDecimal small = decimal(random, 5, 2, i);
        BigDecimal compact = decimal(random, 18, 0, i);
        BigDecimal wide = i % 5 == 0 ? null : decimal(random, 38, 3, i);
        BigDecimal wideBytes = decimal(random, 25, 1, i);
        String text = i % 4 == 0 ? null : "t" + i + "é";
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("k" + i, i % 3 == 0 ? null : i);
        m.put("z", -i);

        UTF8String utf8 = null;
        if (text != null) {
          byte[] b = text.getBytes(StandardCharsets.UTF_8);
          if (i % 2 == 0) { // off-heap bytes, as Spark's off-heap vectors give them
            Platform.copyMemory(b, Platform.BYTE_ARRAY_OFFSET, null, address, b.length);
            utf8 = UTF8String.fromAddress(null, address, b.length);
          } else {
            utf8 = UTF8String.fromBytes(b);
          }
        }
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        m.forEach((k, v) -> {
          keys.add(UTF8String.fromString(k));
          values.add(v);
        });
        InternalRow row = new GenericInternalRow(new Object[] {
            Decimal.apply(small, 5, 2), Decimal.apply(compact, 18, 0),
            wide == null ? null : Decimal.apply(wide, 38, 3), Decimal.apply(wideBytes, 25, 1), utf8,
            new ArrayBasedMapData(new GenericArrayData(keys.toArray()), new GenericArrayData(values.toArray()))});

        GenericData.Record record = new GenericData.Record(avro);
        Conversions.DecimalConversion dc = new Conversions.DecimalConversion();
        record.put("small", dc.toFixed(small, avro.getField("small").schema(), LogicalTypes.decimal(5, 2)));
        record.put("compact", dc.toBytes(compact, null, LogicalTypes.decimal(18, 0)));
        record.put("wide", wide == null ? null
            : dc.toFixed(wide, avro.getField("wide").schema().getTypes().get(1), LogicalTypes.decimal(38, 3)));
        record.put("wideBytes", dc.toBytes(wideBytes, null, LogicalTypes.decimal(25, 1)));
        record.put("text", text);
        record.put("m", m);
        byte[] expected = apache(avro, record);

        assertThat(ours(writer, row)).as("row %s", i).isEqualTo(expected);
        assertThat(ours(writer, toUnsafe.apply(row))).as("unsafe row %s", i).isEqualTo(expected);
      }
    } finally {
      Platform.freeMemory(address);
    }
  }

  /** Random decimals, and the extremes of the precision now and then. */
  private static BigDecimal decimal(Random random, int precision, int scale, int i) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    BigInteger unscaled = switch (i % 7) {
      case 0 -> max;
      case 1 -> max.negate();
      case 2 -> BigInteger.ZERO;
      case 3 -> BigInteger.valueOf(-1);
      default -> new BigInteger(max.bitLength() + 1, random).mod(max.add(BigInteger.ONE))
          .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
    };
    return new BigDecimal(unscaled, scale);
  }

  private static byte[] ours(RowDatumWriter writer, InternalRow row) throws Exception {
    BufferEncoder out = new BufferEncoder();
    writer.write(row, out);
    return out.toByteArray();
  }

  private static byte[] apache(org.apache.avro.Schema schema, GenericData.Record record) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(bytes, null);
    new GenericDatumWriter<GenericData.Record>(schema).write(record, e);
    e.flush();
    return bytes.toByteArray();
  }

  @Test
  void minimalLengthAndSignExtension() {
    long[] values = {0, 1, -1, 127, 128, -128, -129, 32767, 32768, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40};
    for (long v : values) {
      byte[] expected = BigInteger.valueOf(v).toByteArray();
      assertThat(Decimals.minimalLength(v)).as("%s", v).isEqualTo(expected.length);
      byte[] wide = new byte[12];
      Decimals.putLong(v, wide, 12);
      assertThat(new BigInteger(wide)).isEqualTo(BigInteger.valueOf(v));
    }
  }
}
