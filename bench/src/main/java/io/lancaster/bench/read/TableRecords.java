package io.lancaster.bench.read;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.bench.data.RecordSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The record sources of the benchmark's tables; each reuses one record and fills it with random values. */
final class TableRecords {
  private static final String[] MAP_KEYS = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"};

  private TableRecords() {}

  /** {@code i}: ints below a million (three-byte varints, like ids and counts). */
  static RecordSource oneInt(RecordSchema schema, long firstRow, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    GenericRecord r = new GenericRecord(schema);
    return () -> r.put(0, random.nextInt(1_000_000));
  }

  /** {@code i} as above and {@code s}: strings of 4 to 24 characters from 100,000 distinct ones. */
  static RecordSource intAndString(RecordSchema schema, long firstRow, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    GenericRecord r = new GenericRecord(schema);
    return () -> r.put(0, random.nextInt(1_000_000)).put(1, StringPool.pick(StringPool.WIDE_RANGE, random));
  }

  /** Columns cycling through int, long, double and string (see {@link TableSchemas#wide}). */
  static RecordSource wide(RecordSchema schema, long firstRow, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    GenericRecord r = new GenericRecord(schema);
    int columns = schema.fields().size();
    return () -> {
      for (int i = 0; i < columns; i++) {
        r.put(i, switch (i % 4) {
          case 0 -> random.nextInt(1_000_000);
          case 1 -> random.nextLong(10_000_000_000L);
          case 2 -> random.nextDouble() * 1000;
          default -> StringPool.pick(StringPool.NARROW_RANGE, random);
        });
      }
      return r;
    };
  }

  /** A sequential id, a struct, an array of 0 to 4 ints and a map of 0 to 3 entries. */
  static RecordSource nested(RecordSchema schema, long firstRow, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    GenericRecord r = new GenericRecord(schema);
    GenericRecord info = new GenericRecord((RecordSchema) schema.field("info").schema());
    List<Integer> scores = new ArrayList<>();
    Map<String, Long> attrs = new HashMap<>();
    long[] id = {firstRow};
    return () -> {
      info.put(0, random.nextInt(1000)).put(1, StringPool.pick(StringPool.NARROW_RANGE, random))
          .put(2, random.nextDouble());
      scores.clear();
      for (int i = random.nextInt(5); i > 0; i--) {
        scores.add(random.nextInt(100));
      }
      attrs.clear();
      for (int i = random.nextInt(4); i > 0; i--) {
        attrs.put(MAP_KEYS[random.nextInt(MAP_KEYS.length)], random.nextLong(1_000_000));
      }
      return r.put(0, id[0]++).put(1, info).put(2, scores).put(3, attrs);
    };
  }
}
