package io.lancaster.it.interop;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Schema evolution across languages: pairs of a writer schema (v1) and a reader schema (v2) from
 * {@code interop/schemas/evolution/<pair>.v1.avsc} and {@code .v2.avsc}, with the values a correct reader must
 * produce, spelled out per pair (not computed by Lancaster's resolver, which is what is under test). A pair's
 * {@linkplain Feature.Kind#RESOLUTION resolution features} are what its reader must support: a peer that lacks one
 * cannot be the reader of that pair, but can still be its writer.
 */
public final class EvolutionPairs {
  private EvolutionPairs() {}

  /**
   * One pair. {@link #writerValues} are generated for the writer schema (and adjusted where a pair needs it, e.g.
   * bytes that must be valid UTF-8); {@link #expected} maps each to what a reader with the reader schema returns.
   */
  public record Pair(String name, String description, String writerJson, String readerJson, Schema writer,
      Schema reader, Set<Feature> readerNeeds, BiFunction<Pair, Object, Object> projection,
      UnaryOperator<Object> adjust) {

    public List<Object> writerValues(int count, Set<Feature> excluded) {
      List<Object> raw = new CorpusValues(InteropCorpus.SEED ^ name.hashCode(), excluded).values(writer, count);
      return raw.stream().map(adjust).toList();
    }

    /** What a reader with {@link #reader()} must return for a datum written with {@link #writer()}. */
    public Object expected(Object written) {
      return projection.apply(this, written);
    }

    public List<Object> expected(List<Object> written) {
      return written.stream().map(this::expected).toList();
    }

    /** True when a reader lacking {@code unsupported} can read this pair. */
    public boolean readableWithout(Set<Feature> unsupported) {
      return readerNeeds.stream().noneMatch(unsupported::contains);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static volatile List<Pair> pairs;

  /** Every pair; each is meant to run both ways (peer writes and Lancaster reads, and the reverse). */
  public static List<Pair> all() {
    List<Pair> all = pairs;
    if (all == null) {
      all = List.of(
          pair("added_fields", "added_fields.v1", "added_fields.v2", Set.of(),
              "v2 adds a field of every type with a default", EvolutionPairs::withDefaults),
          pair("removed_fields", "added_fields.v2", "added_fields.v1", Set.of(),
              "the reverse: v1 reads v2 data, skipping fields of every type", EvolutionPairs::byName),
          pair("promotions", "promotions.v1", "promotions.v2", Set.of(),
              "int to long/float/double, long to float/double, float to double, in unions too",
              EvolutionPairs::promoted),
          pair("promotions_in_collections", "promotions_in_collections.v1", "promotions_in_collections.v2",
              Set.of(Feature.PROMOTION_IN_COLLECTIONS), "array items and map values promoted",
              EvolutionPairs::promotedInCollections),
          pair("reordered", "reordered.v1", "reordered.v2", Set.of(),
              "fields reordered (a nested record's too), enum symbols reordered with one added",
              EvolutionPairs::byName),
          pair("union_changes", "union_changes.v1", "union_changes.v2", Set.of(),
              "a union gains a branch, plain types read into unions, an int branch read as long",
              EvolutionPairs::unionChanges),
          pair("field_alias", "field_alias.v1", "field_alias.v2", Set.of(Feature.FIELD_ALIASES),
              "fields renamed, the reader lists the old names as aliases", EvolutionPairs::fieldAliases),
          pair("record_alias", "record_alias.v1", "record_alias.v2", Set.of(Feature.NAME_ALIASES),
              "record, enum and fixed moved to another namespace, matched by aliases (and an int read as long)",
              EvolutionPairs::byName),
          pair("enum_default", "enum_default.v1", "enum_default.v2", Set.of(Feature.ENUM_DEFAULT),
              "a symbol the reader lacks becomes the reader enum's default", EvolutionPairs::enumDefault),
          pair("string_bytes", "string_bytes.v1", "string_bytes.v2", Set.of(Feature.STRING_BYTES_PROMOTION),
              "string read as bytes and bytes (valid UTF-8) read as string", EvolutionPairs::stringBytes),
          pair("default_edge_cases", "default_edge_cases.v1", "default_edge_cases.v2",
              Set.of(Feature.DEFAULT_EDGE_CASES),
              "bytes and fixed defaults with code points 128-255, a double default written as 2",
              EvolutionPairs::defaultEdgeCases));
      pairs = all;
    }
    return all;
  }

  public static Pair named(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no evolution pair " + name));
  }

  private static Pair pair(String name, String writerFile, String readerFile, Set<Feature> needs,
      String description, BiFunction<Pair, Object, Object> projection) {
    String w = InteropCorpus.resource("interop/schemas/evolution/" + writerFile + ".avsc");
    String r = InteropCorpus.resource("interop/schemas/evolution/" + readerFile + ".avsc");
    UnaryOperator<Object> adjust = name.equals("string_bytes") ? EvolutionPairs::utf8Bytes : v -> v;
    return new Pair(name, description, w, r, new SchemaParser().parse(w), new SchemaParser().parse(r), needs,
        projection, adjust);
  }

  // ---- projections: written value -> what the reader must return ----

  /** Copies the reader's fields from the writer's fields of the same name, recursively for nested records. */
  private static Object byName(Pair p, Object written) {
    return copy(written, p.reader());
  }

  private static Object copy(Object v, Schema reader) {
    if (v instanceof GenericRecord w) {
      RecordSchema rs = (RecordSchema) nonNull(reader, v);
      GenericRecord out = new GenericRecord(rs);
      for (var f : rs.fields()) {
        out.put(f.position(), copy(w.get(f.name()), f.schema()));
      }
      return out;
    }
    if (v instanceof GenericEnum e) {
      return new GenericEnum((EnumSchema) nonNull(reader, v), e.symbol());
    }
    if (v instanceof GenericFixed f) {
      return new GenericFixed((FixedSchema) nonNull(reader, v), f.bytes());
    }
    if (v instanceof List<?> list) {
      Schema items = ((io.lancaster.avro.schema.ArraySchema) reader).items();
      return list.stream().map(x -> copy(x, items)).toList();
    }
    if (v instanceof Map<?, ?> map) {
      Schema values = ((io.lancaster.avro.schema.MapSchema) reader).values();
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put((String) k, copy(x, values)));
      return out;
    }
    if (v instanceof Integer i && reader.type() == Schema.Type.LONG) {
      return i.longValue();
    }
    return v;
  }

  /** The reader branch that holds a named value (or the schema itself when it is not a union). */
  private static Schema nonNull(Schema reader, Object v) {
    if (reader instanceof UnionSchema u) {
      Schema.Type t = v instanceof GenericRecord ? Schema.Type.RECORD
          : v instanceof GenericEnum ? Schema.Type.ENUM : Schema.Type.FIXED;
      return u.branches().stream().filter(b -> b.type() == t).findFirst().orElseThrow();
    }
    return reader;
  }

  private static Object withDefaults(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    RecordSchema rs = (RecordSchema) p.reader();
    RecordSchema address = (RecordSchema) rs.field("address").schema();
    GenericRecord out = new GenericRecord(rs);
    out.put("id", w.get("id"));
    out.put("name", w.get("name"));
    out.put("email", null);
    out.put("score", 1.5);
    out.put("ratio", 0.25f);
    out.put("active", true);
    out.put("count", -7);
    out.put("big", 1234567890123L);
    out.put("nick", "ü");
    out.put("bin", ByteBuffer.wrap(new byte[] {'a', 'b'}));
    out.put("pair", new GenericFixed((FixedSchema) rs.field("pair").schema(), new byte[] {'x', 'y'}));
    out.put("tags", List.of("a", "b"));
    out.put("attrs", Map.of("k", 1));
    out.put("level", new GenericEnum((EnumSchema) rs.field("level").schema(), "HIGH"));
    out.put("address", new GenericRecord(address).put("street", "Main").put("zip", 12345));
    out.put("history", List.of());
    out.put("manager", null);
    return out;
  }

  private static Object promoted(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    GenericRecord out = new GenericRecord((RecordSchema) p.reader());
    out.put("i2l", (long) (Integer) w.get("i2l"));
    out.put("i2f", (float) (Integer) w.get("i2f"));
    out.put("i2d", (double) (Integer) w.get("i2d"));
    out.put("l2f", (float) (Long) w.get("l2f"));
    out.put("l2d", (double) (Long) w.get("l2d"));
    out.put("f2d", (double) (Float) w.get("f2d"));
    out.put("maybe", w.get("maybe") == null ? null : (long) (Integer) w.get("maybe"));
    out.put("plain", (long) (Integer) w.get("plain"));
    return out;
  }

  private static Object promotedInCollections(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    GenericRecord out = new GenericRecord((RecordSchema) p.reader());
    out.put("ints", ((List<?>) w.get("ints")).stream().map(i -> (Object) (long) (Integer) i).toList());
    Map<String, Object> floats = new LinkedHashMap<>();
    ((Map<?, ?>) w.get("floats")).forEach((k, f) -> floats.put((String) k, (double) (Float) f));
    out.put("floats", floats);
    List<Object> longs = new ArrayList<>();
    for (Object m : (List<?>) w.get("longs")) {
      Map<String, Object> doubles = new LinkedHashMap<>();
      ((Map<?, ?>) m).forEach((k, l) -> doubles.put((String) k, (double) (Long) l));
      longs.add(doubles);
    }
    out.put("longs", longs);
    return out;
  }

  private static Object unionChanges(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    RecordSchema rs = (RecordSchema) p.reader();
    GenericRecord out = new GenericRecord(rs);
    out.put("grow", w.get("grow"));
    out.put("wrap", w.get("wrap"));
    Object widen = w.get("widen");
    out.put("widen", widen instanceof Integer i ? (Object) i.longValue() : widen);
    out.put("point", copy(w.get("point"), rs.field("point").schema()));
    return out;
  }

  private static Object fieldAliases(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    return new GenericRecord((RecordSchema) p.reader()).put("id", w.get("id")).put("new_name", w.get("old_name"))
        .put("current", w.get("legacy"));
  }

  private static Object enumDefault(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    RecordSchema rs = (RecordSchema) p.reader();
    EnumSchema color = (EnumSchema) rs.field("color").schema();
    UnaryOperator<Object> map = e -> {
      String s = ((GenericEnum) e).symbol();
      return new GenericEnum(color, color.hasSymbol(s) ? s : "OTHER");
    };
    List<Object> palette = new ArrayList<>();
    ((List<?>) w.get("palette")).forEach(e -> palette.add(map.apply(e)));
    return new GenericRecord(rs).put("color", map.apply(w.get("color"))).put("palette", palette);
  }

  private static Object stringBytes(Pair p, Object written) {
    GenericRecord w = (GenericRecord) written;
    List<Object> list = new ArrayList<>();
    ((List<?>) w.get("list")).forEach(s -> list.add(utf8((String) s)));
    return new GenericRecord((RecordSchema) p.reader()).put("s2b", utf8((String) w.get("s2b")))
        .put("b2s", text((ByteBuffer) w.get("b2s"))).put("list", list);
  }

  private static Object defaultEdgeCases(Pair p, Object written) {
    RecordSchema rs = (RecordSchema) p.reader();
    return new GenericRecord(rs).put("id", ((GenericRecord) written).get("id"))
        .put("raw", ByteBuffer.wrap(new byte[] {(byte) 0xff, 0, 'A'}))
        .put("code", new GenericFixed((FixedSchema) rs.field("code").schema(), new byte[] {(byte) 0xe9, 1}))
        .put("wide", 2.0);
  }

  /** string_bytes writes bytes that must read as a string: make them the UTF-8 of a generated string. */
  private static Object utf8Bytes(Object v) {
    GenericRecord r = (GenericRecord) v;
    return r.put("b2s", utf8("b:" + r.get("s2b")));
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ByteBuffer b) {
    return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
  }
}
