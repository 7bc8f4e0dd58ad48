package io.lancaster.hadoop.input;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;

/** Seeded records of a schema that has every kind of type, written to small local Avro files of many blocks. */
public final class InputTestData {
  public static final String EVENT_JSON = """
      {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attrs", "type": {"type": "map", "values": "int"}},
        {"name": "score", "type": ["null", "double"]},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
        {"name": "payload", "type": "bytes"},
        {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}}
      ]}""";
  public static final RecordSchema EVENT = (RecordSchema) new SchemaParser().parse(EVENT_JSON);

  private InputTestData() {}

  /** {@code n} records of {@link #EVENT} with ids {@code firstId, firstId + 1, ...}. */
  public static List<Object> events(int n, long firstId, long seed) {
    Random random = new Random(seed);
    EnumSchema kind = (EnumSchema) EVENT.field("kind").schema();
    FixedSchema hash = (FixedSchema) EVENT.field("hash").schema();
    List<Object> records = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GenericRecord r = new GenericRecord(EVENT);
      r.put("id", firstId + i);
      r.put("name", word(random) + " \u00e9\u4e2d " + i);
      List<Object> tags = new ArrayList<>();
      for (int t = random.nextInt(4); t > 0; t--) {
        tags.add(word(random));
      }
      r.put("tags", tags);
      Map<String, Object> attrs = new LinkedHashMap<>();
      for (int a = random.nextInt(3); a > 0; a--) {
        attrs.put(word(random), random.nextInt());
      }
      r.put("attrs", attrs);
      r.put("score", random.nextBoolean() ? null : random.nextDouble() * 100);
      r.put("kind", new GenericEnum(kind, kind.symbols().get(random.nextInt(3))));
      byte[] payload = new byte[random.nextInt(20)];
      random.nextBytes(payload);
      r.put("payload", ByteBuffer.wrap(payload));
      byte[] h = new byte[4];
      random.nextBytes(h);
      r.put("hash", new GenericFixed(hash, h));
      records.add(r);
    }
    return records;
  }

  private static String word(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  /** Writes {@code records} with {@code schema} to a local file, in blocks of about {@code syncInterval} bytes. */
  public static java.nio.file.Path write(java.nio.file.Path file, Schema schema, List<?> records, Codec codec,
      int syncInterval) throws IOException {
    Files.createDirectories(file.getParent());
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
        .create(schema, file)) {
      for (Object r : records) {
        w.append(r);
      }
    }
    return file;
  }

  /** The same bytes as {@link #write}, in memory. */
  public static byte[] bytes(Schema schema, List<?> records, Codec codec, int syncInterval) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
        .create(schema, out)) {
      for (Object r : records) {
        w.append(r);
      }
    }
    return out.toByteArray();
  }

  /** The records of a local file as the core reads them (maps as the generic reader makes them). */
  public static List<Object> readBack(java.nio.file.Path file) throws IOException {
    List<Object> records = new ArrayList<>();
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      while (r.hasNext()) {
        records.add(r.next());
      }
    }
    return records;
  }

  /** The spec JSON of each record. */
  public static List<String> json(Schema schema, List<?> records) {
    JsonDatumWriter writer = new JsonDatumWriter(schema);
    List<String> lines = new ArrayList<>(records.size());
    for (Object r : records) {
      lines.add(writer.toJson(r));
    }
    return lines;
  }

  /** A configuration for in-process jobs on the local file system. */
  public static Configuration localConf(java.nio.file.Path tmp) {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
    return conf;
  }
}
