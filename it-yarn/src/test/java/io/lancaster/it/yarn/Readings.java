package io.lancaster.it.yarn;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The data of the YARN cluster tests (a copy of the {@code it} module's): sensor readings, one schema held both
 * as Lancaster's and as Apache Avro's, seeded generation, and conversions of both libraries' generic records to one
 * plain Java model, so that what a job wrote can be compared with what was expected whichever library reads it.
 * Each reading carries random, incompressible bytes, so compressed files still span several small HDFS blocks.
 */
final class Readings {
  static final String SCHEMA_JSON = """
      {"type": "record", "name": "Reading", "namespace": "io.lancaster.it", "fields": [
        {"name": "id", "type": "long"},
        {"name": "sensor", "type": "string"},
        {"name": "kind", "type": {"type": "enum", "name": "Kind",
          "symbols": ["TEMPERATURE", "HUMIDITY", "PRESSURE", "WIND"]}},
        {"name": "level", "type": "int"},
        {"name": "values", "type": {"type": "array", "items": "double"}},
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "payload", "type": "bytes"}]}""";
  static final Schema SCHEMA = Schema.parse(SCHEMA_JSON);
  static final org.apache.avro.Schema APACHE_SCHEMA = new org.apache.avro.Schema.Parser().parse(SCHEMA_JSON);
  static final List<String> KINDS = List.of("TEMPERATURE", "HUMIDITY", "PRESSURE", "WIND");
  /** Sensor names, some beyond ASCII: the shuffle must order them by code point. */
  static final List<String> SENSORS = List.of("north-1", "north-2", "süd-1", "east", "west-7", "Ørsted", "mast");

  private Readings() {}

  /** One reading, as both libraries' records are compared: the payload as hex, so that equality is by content. */
  record Reading(long id, String sensor, String kind, int level, List<Double> values, String note,
      String payload) {}

  /** {@code count} readings with ids from {@code firstId}, drawn from {@code seed}. */
  static List<Reading> generate(long seed, long firstId, int count) {
    Random random = new Random(seed);
    List<Reading> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<Double> values = new ArrayList<>();
      for (int v = random.nextInt(4); v > 0; v--) {
        values.add(Math.round(random.nextGaussian() * 1000) / 100.0);
      }
      byte[] payload = new byte[24 + random.nextInt(48)];
      random.nextBytes(payload);
      out.add(new Reading(firstId + i, SENSORS.get(random.nextInt(SENSORS.size())),
          KINDS.get(random.nextInt(KINDS.size())), random.nextInt(2000) - 1000, values,
          random.nextInt(3) == 0 ? null : "note " + random.nextInt(100), HexFormat.of().formatHex(payload)));
    }
    return out;
  }

  static GenericRecord toLancaster(Reading r) {
    RecordSchema schema = (RecordSchema) SCHEMA;
    return new GenericRecord(schema).put("id", r.id()).put("sensor", r.sensor())
        .put("kind", new GenericEnum((EnumSchema) schema.field("kind").schema(), r.kind()))
        .put("level", r.level()).put("values", new ArrayList<Object>(r.values())).put("note", r.note())
        .put("payload", ByteBuffer.wrap(HexFormat.of().parseHex(r.payload())));
  }

  static Reading fromLancaster(Object datum) {
    GenericRecord r = (GenericRecord) datum;
    List<Double> values = new ArrayList<>();
    for (Object v : (List<?>) r.get("values")) {
      values.add((Double) v);
    }
    return new Reading((Long) r.get("id"), (String) r.get("sensor"), ((GenericEnum) r.get("kind")).symbol(),
        (Integer) r.get("level"), values, (String) r.get("note"), hex((ByteBuffer) r.get("payload")));
  }

  static org.apache.avro.generic.GenericRecord toApache(Reading r) {
    org.apache.avro.generic.GenericRecord out = new org.apache.avro.generic.GenericData.Record(APACHE_SCHEMA);
    out.put("id", r.id());
    out.put("sensor", r.sensor());
    out.put("kind", new org.apache.avro.generic.GenericData.EnumSymbol(APACHE_SCHEMA.getField("kind").schema(),
        r.kind()));
    out.put("level", r.level());
    out.put("values", new ArrayList<>(r.values()));
    out.put("note", r.note());
    out.put("payload", ByteBuffer.wrap(HexFormat.of().parseHex(r.payload())));
    return out;
  }

  static String hex(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    byte[] a = new byte[b.remaining()];
    b.get(a);
    return HexFormat.of().formatHex(a);
  }
}
