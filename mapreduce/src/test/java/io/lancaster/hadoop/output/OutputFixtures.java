package io.lancaster.hadoop.output;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;

/** Data, configurations and readers shared by the output format tests. */
public final class OutputFixtures {
  public static final String EVENT_JSON = """
      {"type": "record", "name": "Event", "namespace": "test.mr", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "score", "type": "double"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attrs", "type": {"type": "map", "values": "int"}},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
        {"name": "digest", "type": {"type": "fixed", "name": "Digest", "size": 4}},
        {"name": "payload", "type": "bytes"},
        {"name": "note", "type": ["null", "string"]}
      ]}""";
  public static final Schema EVENT = Schema.parse(EVENT_JSON);

  private OutputFixtures() {}

  /** {@code n} seeded random events with ids {@code firstId..}. */
  public static List<GenericRecord> events(long seed, int n, long firstId) {
    Random r = new Random(seed);
    RecordSchema s = (RecordSchema) EVENT;
    EnumSchema kind = (EnumSchema) s.field("kind").schema();
    FixedSchema digest = (FixedSchema) s.field("digest").schema();
    List<GenericRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GenericRecord e = new GenericRecord(s);
      e.put("id", firstId + i);
      e.put("name", word(r) + (r.nextInt(5) == 0 ? " \u00e9t\u00e9 \ud83d\ude00" : ""));
      e.put("score", r.nextGaussian() * 100);
      List<String> tags = new ArrayList<>();
      for (int t = r.nextInt(4); t > 0; t--) {
        tags.add(word(r));
      }
      e.put("tags", tags);
      Map<String, Object> attrs = new LinkedHashMap<>();
      for (int a = r.nextInt(3); a > 0; a--) {
        attrs.put(word(r), r.nextInt());
      }
      e.put("attrs", attrs);
      e.put("kind", new GenericEnum(kind, kind.symbols().get(r.nextInt(3))));
      byte[] d = new byte[4];
      r.nextBytes(d);
      e.put("digest", new GenericFixed(digest, d));
      byte[] p = new byte[r.nextInt(40)];
      r.nextBytes(p);
      e.put("payload", ByteBuffer.wrap(p));
      e.put("note", r.nextBoolean() ? null : word(r));
      out.add(e);
    }
    return out;
  }

  private static String word(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = 1 + r.nextInt(8); i > 0; i--) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  /** A configuration for local jobs and tasks, writing under {@code dir}. */
  public static Configuration localConf(Path dir) {
    Configuration conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
    return conf;
  }

  public static TaskAttemptID attempt(TaskType type, int task, int attempt) {
    return new TaskAttemptID(new org.apache.hadoop.mapreduce.TaskID(new JobID("mrout", 7), type, task), attempt);
  }

  /** The visible files under {@code dir} (Hadoop's .crc files and _SUCCESS excluded), relative, sorted. */
  public static List<String> visibleFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .filter(p -> !p.endsWith(".crc") && !p.endsWith("_SUCCESS"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Every record of an Avro file, read by Lancaster's core. */
  public static List<Object> readCore(Path file) throws IOException {
    List<Object> out = new ArrayList<>();
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      while (reader.hasNext()) {
        out.add(reader.next());
      }
    }
    return out;
  }

  /** Every record of an Avro file, read by Apache Avro Java and converted to Lancaster's generic values. */
  public static List<Object> readApache(Path file, Schema schema) throws IOException {
    List<Object> out = new ArrayList<>();
    try (org.apache.avro.file.DataFileReader<Object> reader = new org.apache.avro.file.DataFileReader<>(
        new File(file.toString()), new org.apache.avro.generic.GenericDatumReader<>())) {
      for (Object d : reader) {
        out.add(fromApache(d, reader.getSchema(), schema));
      }
    }
    return out;
  }

  /** The Apache schema of a Lancaster one. */
  public static org.apache.avro.Schema apache(Schema schema) {
    return new org.apache.avro.Schema.Parser().parse(schema.toString());
  }

  /** An Apache Avro generic datum as the same Lancaster value (a copy: Apache's readers reuse their objects). */
  public static Object fromApache(Object v, org.apache.avro.Schema as, Schema ls) {
    switch (ls.type()) {
      case RECORD -> {
        org.apache.avro.generic.GenericRecord ar = (org.apache.avro.generic.GenericRecord) v;
        RecordSchema rs = (RecordSchema) ls;
        GenericRecord r = new GenericRecord(rs);
        for (var f : rs.fields()) {
          r.put(f.position(), fromApache(ar.get(f.name()), as.getField(f.name()).schema(), f.schema()));
        }
        return r;
      }
      case ENUM -> {
        return new GenericEnum((EnumSchema) ls, v.toString());
      }
      case FIXED -> {
        return new GenericFixed((FixedSchema) ls, ((org.apache.avro.generic.GenericFixed) v).bytes().clone());
      }
      case BYTES -> {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return ByteBuffer.wrap(copy);
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) v) {
          l.add(fromApache(o, as.getElementType(), ((ArraySchema) ls).items()));
        }
        return l;
      }
      case MAP -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          m.put(e.getKey().toString(), fromApache(e.getValue(), as.getValueType(), ((MapSchema) ls).values()));
        }
        return m;
      }
      case UNION -> {
        int branch = org.apache.avro.generic.GenericData.get().resolveUnion(as, v);
        return fromApache(v, as.getTypes().get(branch), ((UnionSchema) ls).branches().get(branch));
      }
      case STRING -> {
        return v.toString();
      }
      default -> {
        return v;
      }
    }
  }
}
