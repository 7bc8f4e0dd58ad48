package io.lancaster.avro.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec's resolution rules, one at a time, on hand-written schema pairs. */
class ResolvingDatumReaderTest {

  private static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  private static byte[] write(Schema schema, Object datum) throws IOException {
    BufferEncoder out = new BufferEncoder();
    new GenericDatumWriter(schema).write(datum, out);
    return out.toByteArray();
  }

  private static Object resolve(Schema writer, Schema reader, Object datum) throws IOException {
    return resolve(writer, reader, datum, ResolutionOptions.DEFAULT);
  }

  private static Object resolve(Schema writer, Schema reader, Object datum, ResolutionOptions options)
      throws IOException {
    byte[] bytes = write(writer, datum);
    ByteArrayDecoder in = new ByteArrayDecoder(bytes);
    Object result = new ResolvingDatumReader(writer, reader, options).read(in);
    assertThat(in.remaining()).as("every written byte is consumed").isZero();
    ByteArrayDecoder again = new ByteArrayDecoder(bytes);
    new ResolvingDatumReader(writer, reader, options).skip(again);
    assertThat(again.remaining()).as("skip consumes the writer's datum").isZero();
    return result;
  }

  @Test
  void promotions() throws IOException {
    assertThat(resolve(parse("\"int\""), parse("\"long\""), -7)).isEqualTo(-7L);
    assertThat(resolve(parse("\"int\""), parse("\"float\""), 16777217)).isEqualTo(16777216f);
    assertThat(resolve(parse("\"int\""), parse("\"double\""), Integer.MIN_VALUE)).isEqualTo((double) Integer.MIN_VALUE);
    assertThat(resolve(parse("\"long\""), parse("\"float\""), 1L << 40)).isEqualTo((float) (1L << 40));
    assertThat(resolve(parse("\"long\""), parse("\"double\""), Long.MAX_VALUE)).isEqualTo((double) Long.MAX_VALUE);
    assertThat(resolve(parse("\"float\""), parse("\"double\""), 0.1f)).isEqualTo((double) 0.1f);
    assertThat(resolve(parse("\"string\""), parse("\"bytes\""), "é"))
        .isEqualTo(ByteBuffer.wrap("é".getBytes(StandardCharsets.UTF_8)));
    assertThat(resolve(parse("\"bytes\""), parse("\"string\""), ByteBuffer.wrap("ü".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("ü");
  }

  @Test
  void impossiblePromotionsFailWhenThePlanIsBuilt() {
    assertThatThrownBy(() -> new ResolvingDatumReader(parse("\"long\""), parse("\"int\"")))
        .isInstanceOf(SchemaResolutionException.class).hasMessageContaining("writer type long cannot be read as int");
    assertThatThrownBy(() -> new ResolvingDatumReader(parse("\"double\""), parse("\"float\"")))
        .isInstanceOf(SchemaResolutionException.class);
    assertThatThrownBy(() -> new ResolvingDatumReader(parse("\"string\""), parse("\"int\"")))
        .isInstanceOf(SchemaResolutionException.class);
  }

  @Test
  void recordFieldsByNameAliasDefaultAndSkip() throws IOException {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"gone\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"map\",\"values\":\"string\"}}},"
        + "{\"name\":\"old_name\",\"type\":\"int\"},"
        + "{\"name\":\"kept\",\"type\":\"string\"}]}");
    Schema reader = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"kept\",\"type\":\"string\"},"
        + "{\"name\":\"added\",\"type\":{\"type\":\"array\",\"items\":\"long\"},\"default\":[1,2]},"
        + "{\"name\":\"new_name\",\"type\":\"long\",\"aliases\":[\"old_name\"]}]}");
    GenericRecord w = new GenericRecord((RecordSchema) writer)
        .put("gone", List.of(Map.of("a", "b"), Map.of()))
        .put("old_name", 42)
        .put("kept", "yes");
    GenericRecord r = (GenericRecord) resolve(writer, reader, w);
    assertThat(r.schema()).isSameAs(reader);
    assertThat(r.get("kept")).isEqualTo("yes");
    assertThat(r.get("added")).isEqualTo(List.of(1L, 2L));
    assertThat(r.get("new_name")).isEqualTo(42L);

    // A default is a fresh value in every record: changing one does not change the next.
    @SuppressWarnings("unchecked")
    List<Object> added = (List<Object>) r.get("added");
    added.clear();
    GenericRecord next = (GenericRecord) resolve(writer, reader, w);
    assertThat(next.get("added")).isEqualTo(List.of(1L, 2L));
  }

  @Test
  void aReaderFieldWithoutDefaultThatTheWriterLacksFailsWithItsPath() {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"inner\",\"type\":"
        + "{\"type\":\"record\",\"name\":\"I\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}}]}");
    Schema reader = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"inner\",\"type\":"
        + "{\"type\":\"record\",\"name\":\"I\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
        + "{\"name\":\"b\",\"type\":\"string\"}]}}]}");
    assertThatThrownBy(() -> new ResolvingDatumReader(writer, reader))
        .isInstanceOf(SchemaResolutionException.class)
        .hasMessageContaining("field inner.b")
        .satisfies(e -> assertThat(((SchemaResolutionException) e).path()).isEqualTo("inner.b"));
  }

  @Test
  void namedTypesMatchByUnqualifiedNameOrReaderAlias() throws IOException {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"a.Old\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    Schema renamed = parse("{\"type\":\"record\",\"name\":\"b.New\",\"aliases\":[\"a.Old\"],"
        + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    Schema otherNamespace = parse("{\"type\":\"record\",\"name\":\"c.Old\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    Schema unrelated = parse("{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    GenericRecord w = new GenericRecord((RecordSchema) writer).put("x", 1);
    assertThat(((GenericRecord) resolve(writer, renamed, w)).get("x")).isEqualTo(1);
    assertThat(((GenericRecord) resolve(writer, otherNamespace, w)).get("x")).isEqualTo(1);
    assertThatThrownBy(() -> new ResolvingDatumReader(writer, unrelated))
        .isInstanceOf(SchemaResolutionException.class).hasMessageContaining("names differ");
    // Apache Avro ignores record names; the option does too.
    assertThat(((GenericRecord) resolve(writer, unrelated, w, ResolutionOptions.DEFAULT.withIgnoreRecordNames(true)))
        .get("x")).isEqualTo(1);
  }

  @Test
  void enumsMapSymbolsUseTheReaderDefaultAndFailOnlyWhenAnUnknownSymbolOccurs() throws IOException {
    Schema writer = parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\"]}");
    Schema withDefault = parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"C\",\"A\",\"X\"],\"default\":\"X\"}");
    Schema withoutDefault = parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"C\",\"A\"]}");
    EnumSchema ws = (EnumSchema) writer;
    assertThat(((GenericEnum) resolve(writer, withDefault, new GenericEnum(ws, "A"))).symbol()).isEqualTo("A");
    assertThat(((GenericEnum) resolve(writer, withDefault, new GenericEnum(ws, "B"))).symbol()).isEqualTo("X");
    assertThat(((GenericEnum) resolve(writer, withoutDefault, new GenericEnum(ws, "C"))).symbol()).isEqualTo("C");
    assertThatThrownBy(() -> resolve(writer, withoutDefault, new GenericEnum(ws, "B")))
        .isInstanceOf(IncompatibleDataException.class).hasMessageContaining("symbol B");
  }

  @Test
  void unions() throws IOException {
    Schema nullableInt = parse("[\"null\",\"int\"]");
    Schema nullableLong = parse("[\"null\",\"long\"]");
    assertThat(resolve(nullableInt, nullableLong, 5)).isEqualTo(5L);
    assertThat(resolve(nullableInt, nullableLong, null)).isNull();
    // writer union, reader not: fine while the values fit
    assertThat(resolve(nullableInt, parse("\"long\""), 3)).isEqualTo(3L);
    assertThatThrownBy(() -> resolve(nullableInt, parse("\"long\""), null))
        .isInstanceOf(IncompatibleDataException.class).hasMessageContaining("null");
    // reader union, writer not: the FIRST branch that matches, promotions included (the spec)
    assertThat(resolve(parse("\"int\""), parse("[\"null\",\"long\",\"int\"]"), 9)).isEqualTo(9L);
    // ...unless exact branches are preferred, as Apache Avro does
    assertThat(resolve(parse("\"int\""), parse("[\"null\",\"long\",\"int\"]"), 9,
        ResolutionOptions.DEFAULT.withPreferExactUnionBranch(true))).isEqualTo(9);
    assertThatThrownBy(() -> new ResolvingDatumReader(parse("\"string\""), parse("[\"null\",\"int\"]")))
        .isInstanceOf(SchemaResolutionException.class);
  }

  @Test
  void decimalsResolveOnlyWithEqualPrecisionAndScale() throws IOException {
    Schema d92 = parse("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}");
    Schema d93 = parse("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":9,\"scale\":3}");
    Schema d122 = parse("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}");
    assertThatThrownBy(() -> new ResolvingDatumReader(d92, d93))
        .isInstanceOf(SchemaResolutionException.class).hasMessageContaining("decimal(9,2)");
    assertThatThrownBy(() -> new ResolvingDatumReader(d92, d122)).isInstanceOf(SchemaResolutionException.class);
    ByteBuffer v = ByteBuffer.wrap(new byte[] {1, 2});
    assertThat(resolve(d92, d122, v, ResolutionOptions.DEFAULT.withDecimalPrecisionWidening(true))).isEqualTo(v);
    assertThatThrownBy(() -> new ResolvingDatumReader(d92, d93, ResolutionOptions.DEFAULT.withDecimalPrecisionWidening(true)))
        .isInstanceOf(SchemaResolutionException.class);
  }

  @Test
  void recursiveSchemas() throws IOException {
    Schema writer = parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"v\",\"type\":\"int\"},"
        + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]}]}");
    Schema reader = parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":[{\"name\":\"v\",\"type\":\"long\"},"
        + "{\"name\":\"next\",\"type\":[\"null\",\"Node\"]},{\"name\":\"tag\",\"type\":\"string\",\"default\":\"t\"}]}");
    RecordSchema ws = (RecordSchema) writer;
    GenericRecord list = null;
    for (int i = 0; i < 50; i++) {
      list = new GenericRecord(ws).put("v", i).put("next", list);
    }
    GenericRecord r = (GenericRecord) resolve(writer, reader, list);
    int n = 0;
    for (GenericRecord node = r; node != null; node = (GenericRecord) node.get("next")) {
      assertThat(node.get("v")).isEqualTo((long) (49 - n));
      assertThat(node.get("tag")).isEqualTo("t");
      n++;
    }
    assertThat(n).isEqualTo(50);
  }
}
