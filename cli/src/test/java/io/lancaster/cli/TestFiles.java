package io.lancaster.cli;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.cli.demo.WebEvents;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** Container files for the command tests: written by Apache Avro (every type) and by Lancaster (the demo's). */
final class TestFiles {
  /** A record with every type: primitives, fixed, enum, nested and recursive records, arrays, maps, unions. */
  static final String EVERYTHING = """
      {"type": "record", "name": "Everything", "namespace": "test.cli", "fields": [
        {"name": "n", "type": "null"},
        {"name": "b", "type": "boolean"},
        {"name": "i", "type": "int"},
        {"name": "l", "type": "long"},
        {"name": "f", "type": "float"},
        {"name": "d", "type": "double"},
        {"name": "s", "type": "string"},
        {"name": "y", "type": "bytes"},
        {"name": "fx", "type": {"type": "fixed", "name": "Hash", "size": 4}},
        {"name": "e", "type": {"type": "enum", "name": "Color", "namespace": "other", "symbols": ["RED", "GREEN"]}},
        {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
        {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
          {"name": "tags", "type": {"type": "array", "items": "string"}},
          {"name": "attrs", "type": {"type": "map", "values": ["null", "long", "string"]}}]}},
        {"name": "choice", "type": ["null", "Inner", "other.Color", "Hash", "double"]},
        {"name": "list", "type": {"type": "record", "name": "Cell", "fields": [
          {"name": "value", "type": "int"}, {"name": "next", "type": ["null", "Cell"]}]}}]}
      """;

  private TestFiles() {}

  static Schema everythingSchema() {
    return new Schema.Parser().parse(EVERYTHING);
  }

  /** Seeded Apache Avro records of {@link #EVERYTHING}, NaN and infinities among the floats. */
  static List<GenericData.Record> everythingRecords(int n, long seed) {
    Schema schema = everythingSchema();
    Schema inner = schema.getField("inner").schema();
    Schema hash = schema.getField("fx").schema();
    Schema color = schema.getField("e").schema();
    Schema cell = schema.getField("list").schema();
    Random r = new Random(seed);
    float[] floats = {Float.NaN, Float.POSITIVE_INFINITY, 1.5f, 0.1f, -3e-5f};
    double[] doubles = {Double.NEGATIVE_INFINITY, Double.NaN, 0.1, -1e300, 42};
    List<GenericData.Record> records = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      GenericData.Record rec = new GenericData.Record(schema);
      rec.put("n", null);
      rec.put("b", r.nextBoolean());
      rec.put("i", r.nextInt());
      rec.put("l", r.nextLong());
      rec.put("f", floats[r.nextInt(floats.length)]);
      rec.put("d", r.nextBoolean() ? doubles[r.nextInt(doubles.length)] : r.nextDouble());
      rec.put("s", "s" + k + (r.nextBoolean() ? " \"q\" \u00e9\u6f22\ud83d\ude00\t\n" : ""));
      byte[] y = new byte[r.nextInt(20)];
      r.nextBytes(y);
      rec.put("y", ByteBuffer.wrap(y));
      byte[] h = new byte[4];
      r.nextBytes(h);
      GenericData.Fixed fixed = new GenericData.Fixed(hash, h);
      rec.put("fx", fixed);
      GenericData.EnumSymbol symbol = new GenericData.EnumSymbol(color, r.nextBoolean() ? "RED" : "GREEN");
      rec.put("e", symbol);
      rec.put("dec", ByteBuffer.wrap(BigInteger.valueOf(r.nextInt(2_000_000) - 1_000_000).toByteArray()));
      rec.put("ts", 1_700_000_000_000L + r.nextInt(1_000_000));
      GenericData.Record in = new GenericData.Record(inner);
      List<String> tags = new ArrayList<>();
      for (int t = r.nextInt(3); t > 0; t--) {
        tags.add("t" + r.nextInt(9));
      }
      in.put("tags", tags);
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("a", null);
      attrs.put("b", r.nextLong());
      attrs.put("c", "x");
      in.put("attrs", attrs);
      rec.put("inner", in);
      Object[] choices = {null, in, symbol, fixed, r.nextDouble()};
      rec.put("choice", choices[r.nextInt(choices.length)]);
      GenericData.Record list = null;
      for (int c = r.nextInt(4); c >= 0; c--) {
        GenericData.Record head = new GenericData.Record(cell);
        head.put("value", c);
        head.put("next", list);
        list = head;
      }
      rec.put("list", list);
      records.add(rec);
    }
    return records;
  }

  /** An Apache Avro file of {@code n} {@link #EVERYTHING} records; a small sync interval makes many blocks. */
  static Path apacheFile(Path dir, String codec, int n) throws IOException {
    return ApacheAvro.write(dir.resolve("apache-" + codec + ".avro"), everythingSchema(), everythingRecords(n, 7),
        org.apache.avro.file.CodecFactory.fromString(codec), Map.of("user.note", "written by Apache Avro".getBytes()),
        2048);
  }

  /** A Lancaster file of {@code n} demo web events, deflate-compressed, with small blocks. */
  static Path lancasterFile(Path dir, int n) throws IOException {
    Path file = dir.resolve("lancaster.avro");
    WebEvents events = new WebEvents(3);
    try (DataFileWriter<Object> writer = DataFileWriter.generic()
        .setCodec(CodecFactory.deflate(6))
        .setSyncInterval(4096)
        .create(events.schema(), file)) {
      for (int i = 0; i < n; i++) {
        writer.append(events.next());
      }
    }
    return file;
  }
}
