package io.lancaster.spark.schema;

import static org.assertj.core.api.Assertions.fail;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a value read with a merged reader schema against the value written with the file's own schema: equal
 * after the spec's promotions (int to long, float or double; long to float or double; float to double; string and
 * bytes either way), records field by field (a field found by its name, else by an alias, as the resolver finds
 * it), and null in every field the writer's record lacks.
 */
final class ResolvedValues {
  private ResolvedValues() {}

  static void assertResolved(Object written, Object read, String path) {
    if (written == null) {
      check(read == null, path, written, read);
    } else if (written instanceof GenericRecord w) {
      if (!(read instanceof GenericRecord r)) {
        throw mismatch(path, written, read);
      }
      record(w, r, path);
    } else if (written instanceof GenericEnum w) {
      check(read instanceof GenericEnum r && r.symbol().equals(w.symbol()), path, written, read);
    } else if (written instanceof GenericFixed w) {
      check(read instanceof GenericFixed r && Arrays.equals(r.bytes(), w.bytes()), path, written, read);
    } else if (written instanceof List<?> w) {
      if (!(read instanceof List<?> r) || r.size() != w.size()) {
        throw mismatch(path, written, read);
      }
      for (int i = 0; i < w.size(); i++) {
        assertResolved(w.get(i), r.get(i), path + "[" + i + "]");
      }
    } else if (written instanceof Map<?, ?> w) {
      if (!(read instanceof Map<?, ?> r) || !r.keySet().equals(w.keySet())) {
        throw mismatch(path, written, read);
      }
      w.forEach((k, v) -> assertResolved(v, r.get(k), path + "{" + k + "}"));
    } else if (written instanceof Integer i) {
      check(read instanceof Integer r ? r.equals(i) : numberEquals(i.longValue(), read), path, written, read);
    } else if (written instanceof Long l) {
      check(numberEquals(l, read), path, written, read);
    } else if (written instanceof Float f) {
      check(read instanceof Float r ? Float.compare(r, f) == 0
          : read instanceof Double d && Double.compare(d, (double) f) == 0, path, written, read);
    } else if (written instanceof String s) {
      check(read instanceof String r ? r.equals(s)
          : read instanceof ByteBuffer b && Arrays.equals(bytes(b), s.getBytes(StandardCharsets.UTF_8)),
          path, written, read);
    } else if (written instanceof ByteBuffer b) {
      check(read instanceof ByteBuffer r ? Arrays.equals(bytes(r), bytes(b))
          : read instanceof String s && s.equals(new String(bytes(b), StandardCharsets.UTF_8)), path, written, read);
    } else {
      check(written.equals(read), path, written, read); // Boolean, Double
    }
  }

  private static void record(GenericRecord w, GenericRecord r, String path) {
    RecordSchema ws = w.schema();
    RecordSchema rs = r.schema();
    Set<String> used = new HashSet<>();
    for (Field rf : rs.fields()) {
      String fieldPath = path + "." + rf.name();
      Field wf = writerField(ws, rs, rf, used);
      if (wf == null) {
        if (r.get(rf.position()) != null) {
          fail("%s: the writer's record has no such field, so it must read null, but read %s", fieldPath,
              r.get(rf.position()));
        }
        continue;
      }
      used.add(wf.name());
      assertResolved(w.get(wf.position()), r.get(rf.position()), fieldPath);
    }
    for (Field wf : ws.fields()) {
      if (!used.contains(wf.name())) {
        fail("%s.%s: the writer's field was not read into any field of the merged record %s", path, wf.name(), rs);
      }
    }
  }

  /** The writer field the resolver reads into {@code rf}: the same name, else an alias that no field has as name. */
  private static Field writerField(RecordSchema ws, RecordSchema rs, Field rf, Set<String> used) {
    Field same = ws.field(rf.name());
    if (same != null) {
      return same;
    }
    for (String alias : rf.aliases()) {
      Field wf = ws.field(alias);
      if (wf != null && rs.field(alias) == null && !used.contains(alias)) {
        return wf;
      }
    }
    return null;
  }

  private static boolean numberEquals(long written, Object read) {
    if (read instanceof Long l) {
      return l == written;
    }
    if (read instanceof Float f) {
      return Float.compare(f, (float) written) == 0;
    }
    return read instanceof Double d && Double.compare(d, (double) written) == 0;
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }

  private static void check(boolean ok, String path, Object written, Object read) {
    if (!ok) {
      throw mismatch(path, written, read);
    }
  }

  private static AssertionError mismatch(String path, Object written, Object read) {
    return new AssertionError(path + ": wrote " + describe(written) + ", read " + describe(read));
  }

  private static String describe(Object v) {
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
