package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.SeekableByteArrayInput;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.types.AvroToSpark;
import io.lancaster.spark.types.TypeMappingOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Corrupted block bytes never escape as anything but a typed {@link AvroDataException} naming the file and
 * block: no index error, no negative array size, no huge allocation, no hang. Blocks are uncompressed so that
 * every flipped byte reaches the column decoders.
 */
class HostileBlockReadTest {
  private static final Schema SCHEMA = Schema.parse("""
      {"type":"record","name":"r","fields":[
        {"name":"id","type":"long"},
        {"name":"name","type":["null","string"]},
        {"name":"tags","type":{"type":"array","items":"string"}},
        {"name":"attrs","type":{"type":"map","values":{"type":"array","items":"int"}}},
        {"name":"inner","type":{"type":"record","name":"in","fields":[
          {"name":"x","type":"double"},
          {"name":"kind","type":{"type":"enum","name":"k","symbols":["A","B","C"]}},
          {"name":"f","type":{"type":"fixed","name":"f4","size":4}}]}},
        {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":30,"scale":2}},
        {"name":"u","type":["int","string","null",{"type":"array","items":"long"}]}
      ]}""");

  @Test
  void mutatedBlocksFailWithTypedErrors() throws Exception {
    byte[] file = validFile();
    StructType required = AvroToSpark.toStructType(SCHEMA, TypeMappingOptions.DEFAULT);
    StructType someColumns = new StructType(new org.apache.spark.sql.types.StructField[] {
        required.fields()[2], required.fields()[6]});
    Random random = new Random(42);
    int failures = 0;
    for (int attempt = 0; attempt < 1000; attempt++) {
      byte[] bad = file.clone();
      int flips = 1 + random.nextInt(4);
      for (int i = 0; i < flips; i++) {
        int at = headerLength(file) + random.nextInt(bad.length - headerLength(file) - 16);
        bad[at] = (byte) random.nextInt(256);
      }
      try {
        readAll(bad, attempt % 2 == 0 ? required : someColumns, 1 + random.nextInt(100));
      } catch (AvroDataException e) {
        assertThat(e.getMessage()).contains("mutant.avro");
        failures++;
      }
    }
    assertThat(failures).as("most mutations are detected").isGreaterThan(300);
  }

  private static int headerLength(byte[] file) throws IOException {
    try (DataFileReader<Object> r = DataFileReader.open(new SeekableByteArrayInput(file), "x")) {
      return (int) r.header().length();
    }
  }

  private static long readAll(byte[] bytes, StructType required, int batchSize) throws IOException {
    scala.collection.immutable.Map<String, String> options = scala.collection.immutable.Map$.MODULE$
        .<String, String>empty().updated("batchSize", Integer.toString(batchSize));
    AvroReadOptions opts = AvroReadOptions.parse(options, SQLConf.get(), new Configuration());
    ReadRequest request = new ReadRequest(required, new StructType(), new Filter[0], true, opts, null);
    long rows = 0;
    DataFileReader<Object> file = DataFileReader.open(new SeekableByteArrayInput(bytes), "mutant.avro");
    try (FileBatchReader reader = new FileBatchReader(file, "mutant.avro", 0, bytes.length, request,
        InternalRow.empty(), ReadLimits.DEFAULT.withMaxStringLength(1 << 20).withMaxBytesLength(1 << 20))) {
      while (reader.nextBatch()) {
        rows += reader.batch().numRows();
      }
    }
    return rows;
  }

  private static byte[] validFile() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random random = new Random(7);
    RecordSchema rs = (RecordSchema) SCHEMA;
    try (DataFileWriter<Object> w = DataFileWriter.generic().setSyncInterval(512).create(SCHEMA, out)) {
      for (int i = 0; i < 300; i++) {
        GenericRecord r = new GenericRecord(rs);
        r.put("id", (long) i);
        r.put("name", i % 4 == 0 ? null : "name-" + i);
        r.put("tags", List.of("t" + i, "u"));
        r.put("attrs", Map.of("a", List.of(i, i + 1), "b", List.of()));
        GenericRecord in = new GenericRecord((RecordSchema) rs.field("inner").schema());
        in.put("x", random.nextDouble());
        in.put("kind", new io.lancaster.avro.generic.GenericEnum(
            (io.lancaster.avro.schema.EnumSchema) ((RecordSchema) rs.field("inner").schema()).field("kind").schema(),
            "B"));
        in.put("f", new io.lancaster.avro.generic.GenericFixed(
            (io.lancaster.avro.schema.FixedSchema) ((RecordSchema) rs.field("inner").schema()).field("f").schema(),
            new byte[] {1, 2, 3, 4}));
        r.put("inner", in);
        r.put("amount", java.nio.ByteBuffer.wrap(java.math.BigInteger.valueOf(random.nextLong()).toByteArray()));
        r.put("u", i % 4 == 0 ? (Object) i : i % 4 == 1 ? "s" : i % 4 == 2 ? null : List.of(1L, 2L));
        w.append(r);
      }
    }
    return out.toByteArray();
  }
}
