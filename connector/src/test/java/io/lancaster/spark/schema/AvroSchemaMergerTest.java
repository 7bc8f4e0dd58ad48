package io.lancaster.spark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.Resolver;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroSchemaMergerTest {

  // ---- records and fields ----

  @Test
  void identicalSchemasMergeToTheFirst() {
    Schema a = record("{'name':'id','type':'long'}");
    Schema b = record("{'name':'id','type':'long'}");

    assertThat(AvroSchemaMerger.merge(List.of(a, b))).isSameAs(a);
  }

  @Test
  void fieldsComeInTheFirstInputsOrderThenInOrderOfFirstAppearance() {
    Schema merged = merge(
        record("{'name':'x','type':'int'}, {'name':'y','type':'int'}"),
        record("{'name':'z','type':'int'}, {'name':'y','type':'int'}, {'name':'w','type':'int'}"),
        record("{'name':'v','type':'int'}, {'name':'x','type':'int'}"));

    assertThat(((RecordSchema) merged).fields()).extracting(Field::name).containsExactly("x", "y", "z", "w", "v");
  }

  @Test
  void aFieldMissingFromAnInputBecomesNullableWithDefaultNull() throws IOException {
    Schema full = record("{'name':'id','type':'int'}, {'name':'name','type':'string'}");
    Schema older = record("{'name':'id','type':'int'}");

    Schema merged = merge(older, full);

    assertThat(merged).isEqualTo(record("{'name':'id','type':'int'},"
        + "{'name':'name','type':['null','string'],'default':null}"));
    GenericRecord fromOlder = (GenericRecord) roundTrip(older, new GenericRecord((RecordSchema) older).put("id", 7),
        merged);
    assertThat(fromOlder.get("id")).isEqualTo(7);
    assertThat(fromOlder.get("name")).isNull();
    GenericRecord fromFull = (GenericRecord) roundTrip(full,
        new GenericRecord((RecordSchema) full).put("id", 8).put("name", "eight"), merged);
    assertThat(fromFull.get("name")).isEqualTo("eight");
  }

  @Test
  void aFieldPresentInSomeOfThreeInputsBecomesNullable() {
    Schema merged = merge(
        record("{'name':'a','type':'int'}, {'name':'b','type':'int'}"),
        record("{'name':'a','type':'int'}, {'name':'b','type':'int'}"
            + ", {'name':'c','type':'string','default':'-'}"),
        record("{'name':'a','type':'int'}"));

    assertThat(merged).isEqualTo(record("{'name':'a','type':'int'},"
        + "{'name':'b','type':['null','int'],'default':null},"
        + "{'name':'c','type':['null','string'],'default':null}"));
  }

  @Test
  void aMissingFieldsUnionGetsNullFirstAndKeepsTheOtherBranchesInOrder() {
    Schema merged = merge(
        record("{'name':'a','type':['int','null','string'],'default':1},"
            + "{'name':'b','type':['null','int']},"
            + "{'name':'c','type':['int','string']},"
            + "{'name':'d','type':'null'}"),
        record(""));

    assertThat(merged).isEqualTo(record("{'name':'a','type':['null','int','string'],'default':null},"
        + "{'name':'b','type':['null','int'],'default':null},"
        + "{'name':'c','type':['null','int','string'],'default':null},"
        + "{'name':'d','type':'null','default':null}"));
  }

  @Test
  void defaultsThatAgreeAreKept() {
    Schema merged = merge(record("{'name':'n','type':'int','default':3}"),
        record("{'name':'n','type':'long','default':3}"));

    assertThat(field(merged, "n").defaultValue()).isEqualTo(3L);
    assertThat(field(merged, "n").schema().type()).isEqualTo(Schema.Type.LONG);
  }

  @Test
  void defaultsThatDisagreeTakeTheFirstThatFitsTheMergedType() {
    // The merged type is ["string","null"]: the null default does not fit it, "x" does.
    Schema merged = merge(record("{'name':'s','type':['string','null']}"),
        record("{'name':'s','type':['null','string'],'default':null}"),
        record("{'name':'s','type':'string','default':'x'}"),
        record("{'name':'s','type':'string','default':'y'}"));

    assertThat(field(merged, "s").schema()).isEqualTo(schema("['string','null']"));
    assertThat(field(merged, "s").defaultValue()).isEqualTo("x");
  }

  @Test
  void aFieldEveryInputHasKeepsNoDefaultWhenNoneFits() {
    Schema merged = merge(record("{'name':'s','type':['string','null']}"),
        record("{'name':'s','type':['null','string'],'default':null}"));

    assertThat(field(merged, "s").hasDefault()).isFalse();
    assertThat(field(merged, "s").schema()).isEqualTo(schema("['string','null']"));
  }

  @Test
  void aFieldAndTheFieldItWasRenamedFromAreOneField() throws IOException {
    Schema renamed = record("{'name':'new_name','type':'int','aliases':['old_name']}");
    Schema original = record("{'name':'old_name','type':'int'}");

    Schema merged = merge(renamed, original);

    assertThat(((RecordSchema) merged).fields()).hasSize(1);
    assertThat(field(merged, "new_name").aliases()).containsExactly("old_name");
    assertThat(field(merged, "new_name").schema().type()).isEqualTo(Schema.Type.INT);
    GenericRecord read = (GenericRecord) roundTrip(original,
        new GenericRecord((RecordSchema) original).put("old_name", 5), merged);
    assertThat(read.get("new_name")).isEqualTo(5);
  }

  @Test
  void aFieldRenamedInALaterInputKeepsItsFirstNameAndTakesTheNewOneAsAlias() throws IOException {
    Schema original = record("{'name':'old_name','type':'int'}");
    Schema renamed = record("{'name':'new_name','type':'long','aliases':['old_name']}");

    Schema merged = merge(original, renamed);

    assertThat(((RecordSchema) merged).fields()).extracting(Field::name).containsExactly("old_name");
    assertThat(field(merged, "old_name").aliases()).containsExactly("new_name");
    assertThat(field(merged, "old_name").schema().type()).isEqualTo(Schema.Type.LONG);
    GenericRecord read = (GenericRecord) roundTrip(renamed,
        new GenericRecord((RecordSchema) renamed).put("new_name", 6L), merged);
    assertThat(read.get("old_name")).isEqualTo(6L);
  }

  @Test
  void aNestedRecordUsedInDifferentPlacesIsMergedFromAllItsDefinitions() {
    Schema a = record("{'name':'inner','type':{'type':'record','name':'I','fields':[{'name':'x','type':'int'}]}}");
    Schema b = record("{'name':'other','type':['null',{'type':'record','name':'I','fields':["
        + "{'name':'x','type':'int'},{'name':'y','type':'string'}]}]}");

    Schema merged = merge(a, b);

    // Each field is missing from one input, so both are nullable; they share the one merged I.
    RecordSchema inner = (RecordSchema) ((UnionSchema) field(merged, "inner").schema()).branch(1);
    assertThat(inner.fields()).extracting(Field::name).containsExactly("x", "y");
    assertThat(inner.field("y").schema()).isEqualTo(schema("['null','string']"));
    assertThat(((UnionSchema) field(merged, "other").schema()).branch(1)).isSameAs(inner);
  }

  // ---- primitives and logical types ----

  @ParameterizedTest
  @CsvSource({"int,long,long", "long,int,long", "int,float,float", "long,float,float", "float,long,float",
      "int,double,double", "long,double,double", "float,double,double", "double,int,double",
      "string,bytes,string", "bytes,string,string", "boolean,boolean,boolean"})
  void primitivesMergeIntoTheTypeTheOtherPromotesTo(String a, String b, String expected) {
    Schema merged = merge(record("{'name':'v','type':'" + a + "'}"), record("{'name':'v','type':'" + b + "'}"));

    assertThat(field(merged, "v").schema()).isEqualTo(schema("'" + expected + "'"));
  }

  @Test
  void threeNumbersMergeIntoTheWidest() {
    assertThat(merge(schema("'int'"), schema("'float'"), schema("'long'"))).isEqualTo(schema("'float'"));
  }

  @Test
  void promotedValuesReadAsTheWiderType() throws IOException {
    Schema ints = record("{'name':'v','type':'int'}");
    Schema merged = merge(ints, record("{'name':'v','type':'double'}"));

    GenericRecord read = (GenericRecord) roundTrip(ints, new GenericRecord((RecordSchema) ints).put("v", 3), merged);

    assertThat(read.get("v")).isEqualTo(3.0);
  }

  @Test
  void equalLogicalTypesAreKept() {
    Schema merged = merge(
        record("{'name':'t','type':{'type':'long','logicalType':'timestamp-millis'}},"
            + "{'name':'d','type':{'type':'bytes','logicalType':'decimal','precision':10,'scale':2}}"),
        record("{'name':'t','type':{'type':'long','logicalType':'timestamp-millis'}},"
            + "{'name':'d','type':{'type':'bytes','logicalType':'decimal','precision':10,'scale':2}}"
            + ",{'name':'extra','type':'int'}"));

    assertThat(field(merged, "t").schema().logicalType()).isEqualTo(LogicalType.Simple.TIMESTAMP_MILLIS);
    assertThat(field(merged, "d").schema().logicalType()).isEqualTo(new LogicalType.Decimal(10, 2));
  }

  @Test
  void differentTimestampUnitsConflict() {
    Schema millis = record("{'name':'when','type':{'type':'long','logicalType':'timestamp-millis'}}");
    Schema micros = record("{'name':'when','type':{'type':'long','logicalType':'timestamp-micros'}}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(millis, micros)))
        .isInstanceOf(SchemaMergeException.class)
        .hasMessage("cannot merge the files' schemas at field when: long (timestamp-millis) and long "
            + "(timestamp-micros) do not merge (logical types must be equal)");
  }

  @Test
  void decimalsOfDifferentPrecisionConflictEvenWithTheSameScale() {
    Schema narrow = record("{'name':'d','type':{'type':'bytes','logicalType':'decimal','precision':10,'scale':2}}");
    Schema wide = record("{'name':'d','type':{'type':'bytes','logicalType':'decimal','precision':12,'scale':2}}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(narrow, wide)))
        .isInstanceOfSatisfying(SchemaMergeException.class, e -> {
          assertThat(e.path()).isEqualTo("d");
          assertThat(e.firstType()).isEqualTo("bytes (decimal(10,2))");
          assertThat(e.secondType()).isEqualTo("bytes (decimal(12,2))");
        });
  }

  @Test
  void aLogicalTypeAndAPlainTypeConflictEvenWhenTheyWouldPromote() {
    Schema date = record("{'name':'d','type':{'type':'int','logicalType':'date'}}");
    Schema plain = record("{'name':'d','type':'long'}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(date, plain)))
        .isInstanceOf(SchemaMergeException.class)
        .hasMessageContaining("field d: int (date) and long");
  }

  // ---- enums, fixed, arrays, maps ----

  @Test
  void enumsTakeEverySymbolInOrderOfFirstAppearance() throws IOException {
    Schema a = record("{'name':'e','type':{'type':'enum','name':'E','symbols':['A','B'],'default':'A'}}");
    Schema b = record("{'name':'e','type':{'type':'enum','name':'E','symbols':['B','C','A'],'default':'A'}}");

    Schema merged = merge(a, b);

    EnumSchema e = (EnumSchema) field(merged, "e").schema();
    assertThat(e.symbols()).containsExactly("A", "B", "C");
    assertThat(e.defaultSymbol()).isEqualTo("A");
    EnumSchema be = (EnumSchema) field(b, "e").schema();
    GenericRecord read = (GenericRecord) roundTrip(b,
        new GenericRecord((RecordSchema) b).put("e", new GenericEnum(be, "C")), merged);
    assertThat(((GenericEnum) read.get("e")).symbol()).isEqualTo("C");
  }

  @Test
  void enumsWithDifferentDefaultsHaveNone() {
    Schema a = record("{'name':'e','type':{'type':'enum','name':'E','symbols':['A','B'],'default':'A'}}");
    Schema b = record("{'name':'e','type':{'type':'enum','name':'E','symbols':['A','B'],'default':'B'}}");

    assertThat(((EnumSchema) field(merge(a, b), "e").schema()).defaultSymbol()).isNull();
  }

  @Test
  void fixedOfTheSameNameAndSizeMerge() {
    Schema a = record("{'name':'h','type':{'type':'fixed','name':'Hash','size':16}}");
    Schema b = record("{'name':'h','type':{'type':'fixed','name':'Hash','size':16}}, {'name':'n','type':'int'}");

    assertThat(field(merge(a, b), "h").schema())
        .isEqualTo(schema("{'type':'fixed','name':'Hash','namespace':'t','size':16}"));
  }

  @Test
  void fixedOfDifferentSizesConflict() {
    Schema a = record("{'name':'h','type':{'type':'fixed','name':'Hash','size':16}}");
    Schema b = record("{'name':'h','type':{'type':'fixed','name':'Hash','size':32}}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(a, b)))
        .isInstanceOf(SchemaMergeException.class)
        .hasMessage("cannot merge the files' schemas at field h: fixed t.Hash of size 16 and fixed t.Hash of size 32 "
            + "do not merge (fixed sizes differ)");
  }

  @Test
  void arraysMergeTheirItemsAndMapsTheirValues() {
    Schema a = record("{'name':'xs','type':{'type':'array','items':'int'}},"
        + "{'name':'m','type':{'type':'map','values':{'type':'record','name':'V','fields':["
        + "{'name':'x','type':'int'}]}}}");
    Schema b = record("{'name':'xs','type':{'type':'array','items':'long'}},"
        + "{'name':'m','type':{'type':'map','values':{'type':'record','name':'V','fields':["
        + "{'name':'x','type':'int'},{'name':'y','type':'string'}]}}}");

    assertThat(merge(a, b)).isEqualTo(record("{'name':'xs','type':{'type':'array','items':'long'}},"
        + "{'name':'m','type':{'type':'map','values':{'type':'record','name':'V','fields':["
        + "{'name':'x','type':'int'},{'name':'y','type':['null','string'],'default':null}]}}}"));
  }

  // ---- unions ----

  @Test
  void unionBranchesAreMergedByKindWithoutPromotionAcrossBranches() {
    assertThat(merge(schema("['null','int']"), schema("['null','long']")))
        .isEqualTo(schema("['null','int','long']"));
  }

  @Test
  void unionBranchesOfTheSameNameMerge() {
    Schema a = schema("['null',{'type':'record','name':'R','fields':[{'name':'x','type':'int'}]},"
        + "{'type':'enum','name':'E','symbols':['A']}]");
    Schema b = schema("[{'type':'enum','name':'E','symbols':['B']},'null',"
        + "{'type':'record','name':'R','fields':[{'name':'x','type':'long'}]}]");

    assertThat(merge(a, b)).isEqualTo(schema("['null',{'type':'record','name':'R','fields':["
        + "{'name':'x','type':'long'}]},{'type':'enum','name':'E','symbols':['A','B']}]"));
  }

  @Test
  void unionBranchesOfDifferentNamesAreBothKept() {
    Schema a = schema("['null',{'type':'record','name':'A','fields':[]}]");
    Schema b = schema("['null',{'type':'record','name':'B','fields':[]}]");

    assertThat(merge(a, b)).isEqualTo(schema("['null',{'type':'record','name':'A','fields':[]},"
        + "{'type':'record','name':'B','fields':[]}]"));
  }

  @Test
  void aNonUnionJoinsAUnionAsABranch() {
    assertThat(merge(schema("['null','string']"), schema("'int'"))).isEqualTo(schema("['null','string','int']"));
    assertThat(merge(schema("'int'"), schema("['null','string']"))).isEqualTo(schema("['int','null','string']"));
    assertThat(merge(schema("['null','long']"), schema("'long'"))).isEqualTo(schema("['null','long']"));
  }

  @Test
  void aNonUnionRecordMergesIntoTheUnionBranchOfItsName() throws IOException {
    Schema plain = record("{'name':'r','type':{'type':'record','name':'In','fields':[{'name':'x','type':'int'}]}}");
    Schema nullable = record("{'name':'r','type':['null',{'type':'record','name':'In','fields':["
        + "{'name':'x','type':'long'}]}],'default':null}");

    Schema merged = merge(plain, nullable);

    assertThat(field(merged, "r").schema()).isEqualTo(schema("[{'type':'record','name':'In','namespace':'t',"
        + "'fields':[{'name':'x','type':'long'}]},'null']"));
    RecordSchema in = (RecordSchema) field(plain, "r").schema();
    GenericRecord read = (GenericRecord) roundTrip(plain,
        new GenericRecord((RecordSchema) plain).put("r", new GenericRecord(in).put("x", 4)), merged);
    assertThat(((GenericRecord) read.get("r")).get("x")).isEqualTo(4L);
  }

  // ---- conflicts ----

  @Test
  void aRecordAndAnIntConflictNamingTheFieldPath() {
    Schema a = record("{'name':'outer','type':{'type':'record','name':'O','fields':["
        + "{'name':'inner','type':{'type':'record','name':'I','fields':[]}}]}}");
    Schema b = record("{'name':'outer','type':{'type':'record','name':'O','fields':["
        + "{'name':'inner','type':'int'}]}}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(a, b)))
        .isInstanceOf(SchemaMergeException.class)
        .hasMessage("cannot merge the files' schemas at field outer.inner: record t.I and int do not merge");
  }

  @Test
  void recordsOfDifferentNamesConflict() {
    Schema a = record("{'name':'r','type':{'type':'record','name':'A','fields':[]}}");
    Schema b = record("{'name':'r','type':{'type':'record','name':'B','fields':[]}}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(a, b)))
        .isInstanceOfSatisfying(SchemaMergeException.class, e -> {
          assertThat(e.path()).isEqualTo("r");
          assertThat(e.firstType()).isEqualTo("record t.A");
          assertThat(e.secondType()).isEqualTo("record t.B");
        });
  }

  @Test
  void aRecordAndAnEnumOfTheSameNameConflict() {
    Schema a = record("{'name':'x','type':{'type':'record','name':'N','fields':[]}}");
    Schema b = record("{'name':'x','type':{'type':'enum','name':'N','symbols':['A']}}");

    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(a, b)))
        .isInstanceOf(SchemaMergeException.class)
        .hasMessageContaining("field x: record t.N and enum t.N");
  }

  @Test
  void conflictsInsideCollectionsNameTheItemsAndValues() {
    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(
        record("{'name':'xs','type':{'type':'array','items':'int'}}"),
        record("{'name':'xs','type':{'type':'array','items':'string'}}"))))
        .isInstanceOfSatisfying(SchemaMergeException.class, e -> assertThat(e.path()).isEqualTo("xs[]"));
    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(
        record("{'name':'m','type':{'type':'map','values':['null','int']}}"),
        record("{'name':'m','type':{'type':'map','values':['null',{'type':'map','values':'int'}]}}"),
        record("{'name':'m','type':{'type':'map','values':['null',{'type':'map','values':'boolean'}]}}"))))
        .isInstanceOfSatisfying(SchemaMergeException.class, e -> assertThat(e.path()).isEqualTo("m{}{}"));
  }

  @Test
  void topLevelTypesThatDoNotMergeConflict() {
    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(schema("'int'"), schema("'string'"))))
        .isInstanceOf(SchemaMergeException.class)
        .hasMessage("cannot merge the files' schemas at the top level: int and string do not merge");
    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of(schema("'null'"), schema("'int'"))))
        .isInstanceOf(SchemaMergeException.class);
  }

  @Test
  void noSchemasIsAnError() {
    assertThatThrownBy(() -> AvroSchemaMerger.merge(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no writer schemas to merge");
  }

  // ---- recursion ----

  @Test
  void aRecursiveRecordIsMergedOnce() throws IOException {
    Schema a = schema("{'type':'record','name':'Node','fields':[{'name':'value','type':'int'},"
        + "{'name':'next','type':['null','Node']}]}");
    Schema b = schema("{'type':'record','name':'Node','fields':[{'name':'value','type':'long'},"
        + "{'name':'next','type':['null','Node']},{'name':'label','type':'string'},"
        + "{'name':'children','type':{'type':'array','items':'Node'}}]}");

    Schema merged = merge(a, b);

    RecordSchema node = (RecordSchema) merged;
    assertThat(node.fields()).extracting(Field::name).containsExactly("value", "next", "label", "children");
    assertThat(((UnionSchema) node.field("next").schema()).branch(1)).isSameAs(node);
    assertThat(node.field("value").schema().type()).isEqualTo(Schema.Type.LONG);
    assertThat(node.field("children").defaultValue()).isEqualTo(Json.NULL);

    RecordSchema an = (RecordSchema) a;
    GenericRecord list = new GenericRecord(an).put("value", 1)
        .put("next", new GenericRecord(an).put("value", 2).put("next", null));
    GenericRecord read = (GenericRecord) roundTrip(a, list, merged);
    assertThat(read.get("value")).isEqualTo(1L);
    assertThat(read.get("label")).isNull();
    assertThat(((GenericRecord) read.get("next")).get("value")).isEqualTo(2L);
  }

  // ---- property: every evolution's data reads through the merged schema ----

  /**
   * Random schemas and random evolutions of them (fields added and dropped, numbers promoted, enum symbols added,
   * unions widened), merged in random order: each input resolves against the merged schema, and its random data
   * reads back equal after promotion, with null in the fields it lacks.
   */
  @Test
  void everyEvolutionsDataReadsBackThroughTheMergedSchema() throws IOException {
    RandomSchemas schemas = new RandomSchemas(RandomSchemas.Options.DEFAULT.withRecordPercent(100));
    RandomData data = new RandomData(4, 6);
    int changed = 0;
    for (int seed = 0; seed < 1000; seed++) {
      Random random = new Random(seed);
      RandomEvolution evolution = new RandomEvolution(random);
      List<Schema> inputs = new ArrayList<>(List.of(schemas.next(random)));
      int count = 2 + random.nextInt(2);
      while (inputs.size() < count) {
        inputs.add(evolution.evolve(inputs.get(random.nextInt(inputs.size())), 1 + random.nextInt(4)));
      }
      Collections.shuffle(inputs, random);

      Schema merged = AvroSchemaMerger.merge(inputs);

      for (Schema input : inputs) {
        try {
          Resolver.plan(input, merged, ResolutionOptions.DEFAULT);
          for (int i = 0; i < 4; i++) {
            Object datum = data.next(input, random);
            ResolvedValues.assertResolved(datum, roundTrip(input, datum, merged), "");
          }
        } catch (RuntimeException | AssertionError e) {
          throw new AssertionError("seed " + seed + ": input\n" + input + "\nmerged\n" + merged + "\n" + e, e);
        }
      }
      if (inputs.stream().noneMatch(merged::equals)) {
        changed++;
      }
    }
    // The evolutions must really differ: most merges are a schema that none of their inputs is.
    assertThat(changed).isGreaterThan(500);
  }

  // ---- helpers ----

  /** Merges and checks what every test needs: each input resolves against the merged schema by the spec. */
  private static Schema merge(Schema... inputs) {
    Schema merged = AvroSchemaMerger.merge(List.of(inputs));
    for (Schema input : inputs) {
      Resolver.plan(input, merged, ResolutionOptions.DEFAULT);
    }
    return merged;
  }

  private static Object roundTrip(Schema writer, Object datum, Schema reader) throws IOException {
    BufferEncoder out = new BufferEncoder();
    new GenericDatumWriter(writer).write(datum, out);
    return new ResolvingDatumReader(writer, reader).read(new ByteArrayDecoder(out.toByteArray()));
  }

  /** A schema from JSON written with single quotes. */
  private static Schema schema(String json) {
    return new SchemaParser().parse(json.replace('\'', '"'));
  }

  /** The record t.R with these fields (JSON with single quotes). */
  private static Schema record(String fields) {
    return schema("{'type':'record','name':'R','namespace':'t','fields':[" + fields + "]}");
  }

  private static Field field(Schema record, String name) {
    return ((RecordSchema) record).field(name);
  }
}
