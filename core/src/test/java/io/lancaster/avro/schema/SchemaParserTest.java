package io.lancaster.avro.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec's rules for schema declarations, each with the error (or the reading) it requires. */
class SchemaParserTest {

  private static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  private static org.apache.avro.Schema apache(String json) {
    return new org.apache.avro.Schema.Parser().parse(json);
  }

  /** A record R with one field "a" of {@code type}, with {@code dflt} as its default unless null. */
  private static String record(String type, String dflt) {
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":" + type
        + (dflt == null ? "" : ",\"default\":" + dflt) + "}]}";
  }

  private static String q(String s) {
    return s.replace('\'', '"');
  }

  @Nested
  class Names {
    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'record','name':'1R','fields':[]}",
        "{'type':'record','name':'R-1','fields':[]}",
        "{'type':'record','name':'','fields':[]}",
        "{'type':'enum','name':'r\u00e9sum\u00e9','symbols':['A']}",
        "{'type':'fixed','name':'F','namespace':'a..b','size':1}",
        "{'type':'fixed','name':'F','namespace':'a.1b','size':1}",
        "{'type':'fixed','name':'a.b-c.F','size':1}",
        "{'type':'record','name':'R','fields':[{'name':'my-field','type':'int'}]}",
        "{'type':'record','name':'R','fields':[{'name':'','type':'int'}]}",
        "{'type':'enum','name':'E','symbols':['A','1B']}",
        "{'type':'enum','name':'E','symbols':['A','B C']}"})
    void invalidNamesAreRejectedWhenValidating(String json) {
      assertThatThrownBy(() -> parse(q(json))).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("invalid").hasMessageContaining("[A-Za-z_][A-Za-z0-9_]*");
      // Apache Avro (1.12, default validation) agrees, except that it allows any Unicode letter where the spec
      // allows [A-Za-z].
      if (json.chars().allMatch(c -> c < 128)) {
        assertThatThrownBy(() -> apache(q(json))).isInstanceOf(RuntimeException.class);
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'record','name':'1R','fields':[]}",
        "{'type':'fixed','name':'F','namespace':'a.1b','size':1}",
        "{'type':'record','name':'R','fields':[{'name':'my-field','type':'int'}]}",
        "{'type':'enum','name':'E','symbols':['A','1B']}"})
    void invalidNamesAreAcceptedWithoutValidation(String json) {
      Schema s = new SchemaParser().validateNames(false).parse(q(json));
      assertThat(new SchemaParser().validateNames(false).parse(s.toString())).isEqualTo(s);
    }

    @Test
    void anEmptyNameIsRejectedEvenWithoutValidation() {
      assertThatThrownBy(() -> SchemaParser.lenient().parse(q("{'type':'record','name':'','fields':[]}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("empty name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"int", "string", "null", "a.b.long"})
    void aNamedTypeMayNotTakeAPrimitiveName(String name) {
      assertThatThrownBy(() -> parse(q("{'type':'fixed','name':'" + name + "','size':1}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("primitive type");
    }

    @Test
    void complexTypeNamesMayBeReusedAsNames() {
      Schema s = parse(q("{'type':'record','name':'record','namespace':'ns','fields':[{'name':'a','type':"
          + "{'type':'enum','name':'map','symbols':['array']}},{'name':'b','type':'map'}]}"));
      RecordSchema r = (RecordSchema) s;
      assertThat(r.fullName()).isEqualTo("ns.record");
      assertThat(r.field("b").schema()).isSameAs(r.field("a").schema());
      assertThat(r.field("b").schema().fullName()).isEqualTo("ns.map");
    }

    /** The example of the spec's "Names" section, with the full names it says each definition has. */
    @Test
    void theSpecsNamesExampleGivesTheFullNamesItSays() {
      String json = q("{'type':'record','name':'Example','fields':["
          + "{'name':'inheritNull','type':{'type':'enum','name':'Simple','symbols':['a','b']}},"
          + "{'name':'explicitNamespace','type':{'type':'fixed','name':'Simple','namespace':'explicit','size':12}},"
          + "{'name':'fullName','type':{'type':'record','name':'a.full.Name','namespace':'ignored','fields':["
          + "{'name':'inheritNamespace','type':{'type':'enum','name':'Understanding','symbols':['d','e']}}]}}]}");
      RecordSchema example = (RecordSchema) parse(json);
      assertThat(example.fullName()).isEqualTo("Example");
      assertThat(example.namespace()).isEmpty();
      assertThat(example.field("inheritNull").schema().fullName()).isEqualTo("Simple");
      assertThat(example.field("explicitNamespace").schema().fullName()).isEqualTo("explicit.Simple");
      RecordSchema full = (RecordSchema) example.field("fullName").schema();
      assertThat(full.name()).isEqualTo(new Name("a.full", "Name"));
      assertThat(full.field("inheritNamespace").schema().fullName()).isEqualTo("a.full.Understanding");
      assertThat(names(example)).containsExactlyInAnyOrder("Example", "Simple", "explicit.Simple", "a.full.Name",
          "a.full.Understanding");
      assertThat(names(parse(example.toString()))).isEqualTo(names(example));
      assertThat(names(parse(apache(json).toString()))).as("as Apache Avro reads it").isEqualTo(names(example));
    }

    @Test
    void aSimpleReferenceMeansTheEnclosingNamespace() {
      RecordSchema r = (RecordSchema) parse(q("{'type':'record','name':'R','namespace':'a','fields':["
          + "{'name':'x','type':{'type':'fixed','name':'F','size':1}},"
          + "{'name':'y','type':{'type':'fixed','name':'F','namespace':'b','size':2}},"
          + "{'name':'z','type':'F'},{'name':'w','type':'b.F'},{'name':'v','type':'a.F'}]}"));
      assertThat(r.field("z").schema()).isSameAs(r.field("x").schema());
      assertThat(r.field("v").schema()).isSameAs(r.field("x").schema());
      assertThat(r.field("w").schema()).isSameAs(r.field("y").schema());
      assertThat(((FixedSchema) r.field("w").schema()).size()).isEqualTo(2);
    }

    @Test
    void undefinedNamesAreErrors() {
      assertThatThrownBy(() -> parse(record("\"Nope\"", null))).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("undefined name").hasMessageContaining("Nope");
      assertThatThrownBy(() -> parse("\"com.example.Missing\"")).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("com.example.Missing");
      // Used before its definition (in the spec's depth-first, left-to-right order): undefined at that point.
      assertThatThrownBy(() -> parse(q("{'type':'record','name':'R','fields':[{'name':'a','type':'E'},"
          + "{'name':'b','type':{'type':'enum','name':'E','symbols':['A']}}]}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("\"E\"");
    }

    @Test
    void aNameMayBeDefinedOnlyOnce() {
      assertThatThrownBy(() -> parse(q("{'type':'record','name':'R','fields':[{'name':'a','type':"
          + "{'type':'fixed','name':'R','size':1}}]}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("R is defined twice");
      assertThatThrownBy(() -> parse(q("['null',{'type':'enum','name':'a.E','symbols':['A']},"
          + "{'type':'fixed','name':'E','namespace':'a','size':1}]")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("a.E is defined twice");
      // The same simple name in two namespaces is two types.
      UnionSchema u = (UnionSchema) parse(q("[{'type':'enum','name':'a.E','symbols':['A']},"
          + "{'type':'fixed','name':'b.E','size':1}]"));
      assertThat(u.branches()).extracting(Schema::fullName).containsExactly("a.E", "b.E");
    }

    @Test
    void typesOfEarlierParsesStayKnownAndAFailedParseForgetsItsTypes() {
      SchemaParser parser = new SchemaParser();
      parser.parse(q("{'type':'enum','name':'ns.E','symbols':['A']}"));
      assertThatThrownBy(() -> parser.parse(q("{'type':'record','name':'ns.Bad','fields':[{'name':'a','type':"
          + "{'type':'fixed','name':'ns.F','size':1}},{'name':'b','type':'Missing'}]}")))
          .isInstanceOf(SchemaParseException.class);
      assertThat(parser.knownTypes()).containsOnlyKeys("ns.E");
      RecordSchema r = (RecordSchema) parser.parse(q("{'type':'record','name':'ns.Bad','fields':["
          + "{'name':'a','type':{'type':'fixed','name':'F','size':1}},{'name':'b','type':'E'}]}"));
      assertThat(r.field("b").schema()).isSameAs(parser.knownTypes().get("ns.E"));
      assertThat(parser.knownTypes()).containsOnlyKeys("ns.E", "ns.Bad", "ns.F");
    }

    @Test
    void aliasesAreResolvedRelativeToTheTypesNamespace() {
      String json = q("{'type':'record','name':'R','namespace':'a.b','aliases':['Old','x.y.Older'],'fields':["
          + "{'name':'e','type':{'type':'enum','name':'E','aliases':['OldE'],'symbols':['A']}},"
          + "{'name':'f','type':{'type':'fixed','name':'c.d.F','aliases':['OldF','e.OldF2'],'size':1},"
          + "'aliases':['old_f']}]}");
      RecordSchema r = (RecordSchema) parse(json);
      assertThat(r.aliases()).containsExactly(new Name("a.b", "Old"), new Name("x.y", "Older"));
      assertThat(((NamedSchema) r.field("e").schema()).aliases()).containsExactly(new Name("a.b", "OldE"));
      assertThat(((NamedSchema) r.field("f").schema()).aliases())
          .containsExactly(new Name("c.d", "OldF"), new Name("e", "OldF2"));
      assertThat(r.field("f").aliases()).containsExactly("old_f");
      org.apache.avro.Schema theirs = apache(json);
      assertThat(theirs.getAliases()).containsExactlyInAnyOrder("a.b.Old", "x.y.Older");
      assertThat(theirs.getField("f").schema().getAliases()).containsExactlyInAnyOrder("c.d.OldF", "e.OldF2");
      RecordSchema reparsed = (RecordSchema) parse(r.toString());
      assertThat(reparsed.aliases()).isEqualTo(r.aliases());
      assertThat(((NamedSchema) reparsed.field("f").schema()).aliases())
          .isEqualTo(((NamedSchema) r.field("f").schema()).aliases());
    }

    private static Set<String> names(Schema s) {
      Set<String> out = new java.util.TreeSet<>();
      collect(s, out, new java.util.IdentityHashMap<>());
      return out;
    }

    private static void collect(Schema s, Set<String> out, Map<Schema, Boolean> seen) {
      if (seen.put(s, Boolean.TRUE) != null) {
        return;
      }
      if (s instanceof NamedSchema n) {
        out.add(n.fullName());
      }
      if (s instanceof RecordSchema r) {
        r.fields().forEach(f -> collect(f.schema(), out, seen));
      } else if (s instanceof UnionSchema u) {
        u.branches().forEach(b -> collect(b, out, seen));
      } else if (s instanceof ArraySchema a) {
        collect(a.items(), out, seen);
      } else if (s instanceof MapSchema m) {
        collect(m.values(), out, seen);
      }
    }
  }

  @Nested
  class Structure {
    @Test
    void duplicateFieldsAndSymbolsAreErrors() {
      assertThatThrownBy(() -> parse(q("{'type':'record','name':'R','fields':[{'name':'a','type':'int'},"
          + "{'name':'a','type':'long'}]}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("two fields named \"a\"");
      assertThatThrownBy(() -> parse(q("{'type':'enum','name':'E','symbols':['A','B','A']}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("\"A\" twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[['null','int']]", "['int',['null','string']]"})
    void aUnionMayNotImmediatelyContainAUnion(String json) {
      assertThatThrownBy(() -> parse(q(json))).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("may not immediately contain another union");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "['int','int']|int",
        "['null','string',{'type':'string','logicalType':'uuid'}]|string",
        "[{'type':'array','items':'int'},{'type':'array','items':'long'}]|array",
        "[{'type':'map','values':'int'},{'type':'map','values':'long'}]|map",
        "[{'type':'fixed','name':'F','size':1},'F']|F"})
    void aUnionMayNotHoldTwoBranchesOfOneType(String json, String type) {
      assertThatThrownBy(() -> parse(q(json))).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("two branches of type " + type);
    }

    @Test
    void aUnionMayHoldSeveralNamedTypesAndAUnionInsideAnArrayIsFine() {
      UnionSchema u = (UnionSchema) parse(q("[{'type':'fixed','name':'A','size':1},{'type':'fixed','name':'B',"
          + "'size':1},{'type':'enum','name':'C','symbols':['X']},{'type':'array','items':['null','int']},'null']"));
      assertThat(u.size()).isEqualTo(5);
      assertThat(u.nullIndex()).isEqualTo(4);
      assertThat(u.indexOf("B")).isEqualTo(1);
      assertThat(u.indexOf("array")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':'fixed','name':'F'}", "{'type':'fixed','name':'F','size':-1}",
        "{'type':'fixed','name':'F','size':'16'}", "{'type':'fixed','name':'F','size':1.5}",
        "{'type':'fixed','name':'F','size':3000000000}"})
    void aFixedNeedsANonNegativeIntegerSize(String json) {
      assertThatThrownBy(() -> parse(q(json))).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("non-negative integer \"size\"");
    }

    @Test
    void fixedOfSizeZeroAndEmptyRecordsAreValid() {
      assertThat(((FixedSchema) parse(q("{'type':'fixed','name':'F','size':0}"))).size()).isZero();
      assertThat(((RecordSchema) parse(q("{'type':'record','name':'R','fields':[]}"))).fields()).isEmpty();
    }

    @Test
    void anEnumDefaultMustBeOneOfItsSymbols() {
      assertThatThrownBy(() -> parse(q("{'type':'enum','name':'E','symbols':['A','B'],'default':'C'}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("\"C\"").hasMessageContaining("[A, B]");
      assertThatThrownBy(() -> parse(q("{'type':'enum','name':'E','symbols':['A'],'default':0}")))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("must be a string");
      assertThat(((EnumSchema) parse(q("{'type':'enum','name':'E','symbols':['A','B'],'default':'B'}")))
          .defaultSymbol()).isEqualTo("B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':'array'}", "{'type':'map'}", "{'type':'record','name':'R'}",
        "{'type':'enum','name':'E'}", "{'name':'R'}", "{'type':'record','fields':[]}", "42", "true", "null",
        "{'type':'record','name':'R','fields':[{'name':'a'}]}",
        "{'type':'record','name':'R','fields':[{'name':'a','type':'int','order':'sideways'}]}",
        "{'type':'record','name':'R','fields':['a']}", "", "{", "'int' 'int'"})
    void malformedDeclarationsAreSchemaParseExceptions(String json) {
      assertThatThrownBy(() -> parse(q(json))).isInstanceOf(SchemaParseException.class);
    }
  }

  @Nested
  class Defaults {
    @ParameterizedTest(name = "{0} default {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'null'|0",
        "'boolean'|1",
        "'boolean'|'true'",
        "'int'|'1'",
        "'int'|1.5",
        "'int'|1.0",
        "'int'|2147483648",
        "'int'|null",
        "'long'|1.5",
        "'long'|9223372036854775808",
        "'float'|'x'",
        "'float'|true",
        "'double'|[1]",
        "'string'|1",
        "'string'|null",
        "'bytes'|1",
        "'bytes'|'\u0100'",
        "{'type':'fixed','name':'F','size':2}|'abc'",
        "{'type':'fixed','name':'F','size':2}|'\u0100b'",
        "{'type':'enum','name':'E','symbols':['A']}|'B'",
        "{'type':'enum','name':'E','symbols':['A']}|0",
        "{'type':'array','items':'int'}|{}",
        "{'type':'array','items':'int'}|[1,'x']",
        "{'type':'map','values':'int'}|[]",
        "{'type':'map','values':'int'}|{'k':'x'}",
        "{'type':'record','name':'S','fields':[{'name':'x','type':'int'}]}|{}",
        "{'type':'record','name':'S','fields':[{'name':'x','type':'int'}]}|{'x':'y'}",
        "{'type':'record','name':'S','fields':[{'name':'x','type':'int'}]}|[]",
        "['int','null']|null",
        "['null','int']|1",
        "['string','int']|1"})
    void invalidDefaultsAreRejectedInStrictModeOnly(String type, String dflt) {
      String json = record(q(type), q(dflt));
      assertThatThrownBy(() -> parse(json)).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("invalid default for field R.a");
      Schema lenient = new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.NONE).parse(json);
      assertThat(((RecordSchema) lenient).field("a").defaultValue()).isEqualTo(Json.parse(q(dflt)));
      assertThat(DefaultValues.isValid(((RecordSchema) lenient).field("a").schema(), Json.parse(q(dflt))))
          .isFalse();
    }

    @ParameterizedTest(name = "{0} default {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'null'|null",
        "'boolean'|false",
        "'int'|-2147483648",
        "'long'|9223372036854775807",
        "'long'|1",
        "'float'|1",
        "'float'|'NaN'",
        "'double'|'-Infinity'",
        "'double'|1e300",
        "'string'|''",
        "'bytes'|'\u00ff\\u0000'",
        "{'type':'fixed','name':'F','size':2}|'\u00ffa'",
        "{'type':'fixed','name':'F','size':0}|''",
        "{'type':'enum','name':'E','symbols':['A','B']}|'B'",
        "{'type':'array','items':'int'}|[]",
        "{'type':'array','items':['null','int']}|[null,null]",
        "{'type':'map','values':'int'}|{'k':1}",
        "{'type':'record','name':'S','fields':[{'name':'x','type':'int','default':3}]}|{}",
        "{'type':'record','name':'S','fields':[{'name':'x','type':'int'}]}|{'x':1,'extra':true}",
        "['null','int']|null",
        "['int','null']|7",
        "[{'type':'enum','name':'E','symbols':['A']},'null']|'A'"})
    void validDefaultsAreAccepted(String type, String dflt) {
      RecordSchema r = (RecordSchema) parse(record(q(type), q(dflt)));
      assertThat(r.field("a").hasDefault()).isTrue();
      assertThat(r.field("a").defaultValue()).isEqualTo(Json.parse(q(dflt)));
      assertThat(((RecordSchema) parse(r.toString())).field("a").defaultValue()).isEqualTo(r.field("a").defaultValue());
    }

    @Test
    void aUnionDefaultMatchesTheFirstBranchUnlessAnyBranchIsAllowed() {
      String laterBranch = record("[\"null\",\"int\"]", "1");
      assertThatThrownBy(() -> parse(laterBranch)).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("must match the first branch (null)");
      SchemaParser anyBranch = new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.ANY_UNION_BRANCH);
      assertThat(((RecordSchema) anyBranch.parse(laterBranch)).field("a").defaultValue()).isEqualTo(1L);
      // Apache Avro Java accepts any branch too: what ANY_UNION_BRANCH is for.
      assertThat(apache(laterBranch).getField("a").hasDefaultValue()).isTrue();
      // No branch at all is still an error in that mode, and accepted without validation.
      String noBranch = record("[\"null\",\"int\"]", "\"x\"");
      assertThatThrownBy(() -> new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.ANY_UNION_BRANCH)
          .parse(noBranch)).isInstanceOf(SchemaParseException.class).hasMessageContaining("one of the branches");
      assertThat(SchemaParser.lenient().parse(noBranch)).isNotNull();
    }

    @Test
    void nestedDefaultsAreCheckedInsideRecordsAndUnions() {
      String json = q("{'type':'record','name':'R','fields':[{'name':'a','type':{'type':'record','name':'S',"
          + "'fields':[{'name':'u','type':['null',{'type':'array','items':'long'}]}]},'default':{'u':[1]}}]}");
      assertThatThrownBy(() -> parse(json)).isInstanceOf(SchemaParseException.class)
          .hasMessageContaining("field u");
      assertThat(new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.ANY_UNION_BRANCH).parse(json))
          .isNotNull();
    }

    @Test
    void aDefaultMayReferToTheRecordBeingDefined() {
      Schema s = parse(q("{'type':'record','name':'Node','fields':[{'name':'v','type':'int'},"
          + "{'name':'next','type':['null','Node'],'default':null},"
          + "{'name':'kids','type':{'type':'array','items':'Node'},'default':[{'v':1,'kids':[]}]}]}"));
      assertThat(SchemaVisitor.isRecursive(s)).isTrue();
      assertThat(parse(s.toString())).isEqualTo(s);
    }
  }

  @Nested
  class LogicalTypes {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'type':'bytes','logicalType':'decimal','precision':9,'scale':2}|decimal(9,2)",
        "{'type':'bytes','logicalType':'decimal','precision':9}|decimal(9,0)",
        "{'type':'fixed','name':'D','size':4,'logicalType':'decimal','precision':9,'scale':9}|decimal(9,9)",
        "{'type':'fixed','name':'D','size':1,'logicalType':'decimal','precision':2}|decimal(2,0)",
        "{'type':'fixed','name':'D','size':16,'logicalType':'decimal','precision':38,'scale':10}|decimal(38,10)",
        "{'type':'bytes','logicalType':'big-decimal'}|BIG_DECIMAL",
        "{'type':'string','logicalType':'uuid'}|UUID",
        "{'type':'fixed','name':'U','size':16,'logicalType':'uuid'}|UUID",
        "{'type':'int','logicalType':'date'}|DATE",
        "{'type':'int','logicalType':'time-millis'}|TIME_MILLIS",
        "{'type':'long','logicalType':'time-micros'}|TIME_MICROS",
        "{'type':'long','logicalType':'timestamp-millis'}|TIMESTAMP_MILLIS",
        "{'type':'long','logicalType':'timestamp-micros'}|TIMESTAMP_MICROS",
        "{'type':'long','logicalType':'timestamp-nanos'}|TIMESTAMP_NANOS",
        "{'type':'long','logicalType':'local-timestamp-millis'}|LOCAL_TIMESTAMP_MILLIS",
        "{'type':'long','logicalType':'local-timestamp-micros'}|LOCAL_TIMESTAMP_MICROS",
        "{'type':'long','logicalType':'local-timestamp-nanos'}|LOCAL_TIMESTAMP_NANOS",
        "{'type':'fixed','name':'Dur','size':12,'logicalType':'duration'}|DURATION"})
    void everyValidLogicalTypeIsRecognised(String json, String expected) {
      Schema s = parse(q(json));
      LogicalType lt = s.logicalType();
      if (expected.startsWith("decimal")) {
        String[] ps = expected.substring(8, expected.length() - 1).split(",");
        assertThat(lt).isEqualTo(new LogicalType.Decimal(Integer.parseInt(ps[0]), Integer.parseInt(ps[1])));
      } else {
        assertThat(lt).isEqualTo(LogicalType.Simple.valueOf(expected));
      }
      assertThat(apache(q(json)).getLogicalType()).as("Apache Avro recognises it too").isNotNull();
      assertThat(parse(s.toString()).logicalType()).isEqualTo(lt);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'type':'bytes','logicalType':'decimal','precision':4,'scale':5}",
        "{'type':'bytes','logicalType':'decimal','precision':0}",
        "{'type':'bytes','logicalType':'decimal','precision':-3}",
        "{'type':'bytes','logicalType':'decimal'}",
        "{'type':'bytes','logicalType':'decimal','precision':4,'scale':-1}",
        "{'type':'bytes','logicalType':'decimal','precision':'4'}",
        "{'type':'bytes','logicalType':'decimal','precision':4.5}",
        "{'type':'fixed','name':'D','size':2,'logicalType':'decimal','precision':5}",
        "{'type':'fixed','name':'D','size':16,'logicalType':'decimal','precision':39}",
        "{'type':'fixed','name':'D','size':0,'logicalType':'decimal','precision':1}",
        "{'type':'string','logicalType':'decimal','precision':4}",
        "{'type':'fixed','name':'U','size':15,'logicalType':'uuid'}",
        "{'type':'bytes','logicalType':'uuid'}",
        "{'type':'long','logicalType':'date'}",
        "{'type':'long','logicalType':'time-millis'}",
        "{'type':'int','logicalType':'time-micros'}",
        "{'type':'int','logicalType':'timestamp-millis'}",
        "{'type':'string','logicalType':'local-timestamp-nanos'}",
        "{'type':'fixed','name':'Dur','size':11,'logicalType':'duration'}",
        "{'type':'bytes','logicalType':'duration'}",
        "{'type':'fixed','name':'B','size':8,'logicalType':'big-decimal'}",
        "{'type':'string','logicalType':'no-such-type'}",
        "{'type':'int','logicalType':42}"})
    void invalidLogicalTypesAreIgnoredButKeptAndPrinted(String json) {
      Schema s = parse(q(json));
      assertThat(s.logicalType()).isNull();
      assertThat(apache(q(json)).getLogicalType()).as("Apache Avro ignores it too").isNull();
      Object declared = ((Map<?, ?>) Json.parse(q(json))).get("logicalType");
      assertThat(s.property("logicalType")).isEqualTo(declared);
      Map<?, ?> printed = (Map<?, ?>) Json.parse(s.toString());
      assertThat(printed.get("logicalType")).isEqualTo(declared);
      for (String attr : List.of("precision", "scale")) {
        assertThat(printed.get(attr)).isEqualTo(((Map<?, ?>) Json.parse(q(json))).get(attr));
      }
      assertThat(parse(s.toString())).isEqualTo(s);
    }

    @Test
    void decimalPrecisionLimitsOfFixedMatchTheSpecsFormula() {
      // The spec: a fixed of n bytes holds at most floor(log10(2^(8n-1) - 1)) digits.
      int[] expected = {0, 2, 4, 6, 9, 11, 14, 16, 18, 21, 23, 26, 28, 31, 33, 35, 38};
      for (int n = 1; n < expected.length; n++) {
        assertThat(LogicalType.Decimal.maxPrecision(n)).as("size %d", n).isEqualTo(expected[n]);
        String ok = "{'type':'fixed','name':'D','size':" + n + ",'logicalType':'decimal','precision':" + expected[n]
            + "}";
        String tooMany = ok.replace("'precision':" + expected[n], "'precision':" + (expected[n] + 1));
        assertThat(parse(q(ok)).logicalType()).isEqualTo(new LogicalType.Decimal(expected[n], 0));
        assertThat(parse(q(tooMany)).logicalType()).isNull();
        assertThat(apache(q(ok)).getLogicalType()).isNotNull();
        assertThat(apache(q(tooMany)).getLogicalType()).isNull();
      }
    }
  }

  @Nested
  class Depth {
    private String nestedArrays(int depth) {
      return "{\"type\":\"array\",\"items\":".repeat(depth) + "\"int\"" + "}".repeat(depth);
    }

    private String nestedRecords(int depth) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        sb.append("{\"type\":\"record\",\"name\":\"R").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
      }
      return sb.append("\"int\"").append("}]}".repeat(depth)).toString();
    }

    @Test
    void aHundredThousandNestedArraysAreASchemaParseExceptionNotAStackOverflow() {
      assertThatThrownBy(() -> parse(nestedArrays(100_000))).isInstanceOf(SchemaParseException.class);
      assertThatThrownBy(() -> parse("[".repeat(100_000) + "]".repeat(100_000)))
          .isInstanceOf(SchemaParseException.class);
      assertThatThrownBy(() -> parse(nestedRecords(20_000))).isInstanceOf(SchemaParseException.class);
    }

    @Test
    void theDepthLimitIsExactAndAdjustable() {
      assertThat(new SchemaParser().maxDepth(10).parse(nestedArrays(10))).isNotNull();
      assertThatThrownBy(() -> new SchemaParser().maxDepth(10).parse(nestedArrays(11)))
          .isInstanceOf(SchemaParseException.class).hasMessageContaining("maxSchemaDepth = 10");
      assertThatThrownBy(() -> new SchemaParser().maxDepth(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deeplyNestedSchemasPrintParseAndCompare() {
      // Deeper than the default maxSchemaDepth (200): the limit is raised, as a user with such schemas would.
      for (String json : List.of(nestedArrays(500), nestedRecords(150))) {
        Schema s = new SchemaParser().maxDepth(1000).parse(json);
        Schema again = new SchemaParser().maxDepth(1000).parse(s.toString());
        assertThat(again).isEqualTo(s);
        assertThat(again.hashCode()).isEqualTo(s.hashCode());
        assertThat(CanonicalForm.of(again)).isEqualTo(CanonicalForm.of(s));
        assertThat(new GenericDatumWriter(s)).isNotNull();
        assertThat(new GenericDatumReader(s)).isNotNull();
      }
    }

    /** Records nested 330 deep print to about 1000 JSON levels: the printer must not refuse what the parser took. */
    @Test
    void aSchemaThatParsesAlsoPrints() {
      Schema s = new SchemaParser().maxDepth(1000).parse(nestedRecords(340));
      assertThat(s.toString()).startsWith("{\"type\":\"record\",\"name\":\"R0\"");
    }

    /** Out of stack below the depth limit (a small thread stack) is still a SchemaParseException. */
    @Test
    void runningOutOfStackIsASchemaParseException() throws InterruptedException {
      String json = nestedRecords(5_000);
      SchemaParser parser = new SchemaParser().maxDepth(100_000);
      Throwable[] thrown = new Throwable[1];
      Thread t = new Thread(null, () -> {
        try {
          parser.parse(json);
        } catch (Throwable e) {
          thrown[0] = e;
        }
      }, "small-stack", 256 * 1024);
      t.start();
      t.join();
      assertThat(thrown[0]).isInstanceOf(SchemaParseException.class).hasMessageContaining("stack");
      assertThat(parser.knownTypes()).isEmpty();
    }
  }

  /** Loading a class named by a schema would let a schema run code; parsing and compiling it must not. */
  @Nested
  class NoClassLoading {
    @Test
    void javaClassPropertiesStayProperties() {
      String trap = Trap.class.getName();
      String json = q("{'type':'record','name':'R','java-class':'" + trap + "','fields':["
          + "{'name':'s','type':{'type':'string','java-class':'" + trap + "','avro.java.string':'String'}},"
          + "{'name':'m','type':{'type':'map','values':'int','java-key-class':'" + trap + "'}},"
          + "{'name':'a','type':{'type':'array','items':'long','java-element-class':'" + trap + "'}},"
          + "{'name':'x','type':{'type':'string','java-class':'com.nonexistent.Evil'}}]}");
      RecordSchema r = (RecordSchema) parse(json);
      assertThat(r.property("java-class")).isEqualTo(trap);
      assertThat(r.field("s").schema().properties()).containsEntry("java-class", trap)
          .containsEntry("avro.java.string", "String");
      assertThat(r.field("m").schema().property("java-key-class")).isEqualTo(trap);
      assertThat(r.field("a").schema().property("java-element-class")).isEqualTo(trap);
      assertThat(r.field("x").schema().property("java-class")).isEqualTo("com.nonexistent.Evil");
      assertThat(r.toString()).contains(trap).contains("com.nonexistent.Evil");
      new GenericDatumWriter(r);
      new GenericDatumReader(r);
      CanonicalForm.of(r);
      assertThat(TRAP_SPRUNG).isFalse();
    }
  }

  static final AtomicBoolean TRAP_SPRUNG = new AtomicBoolean();

  /** Initialising this class (what loading a schema's java-class would do) springs the trap. */
  static final class Trap {
    static {
      TRAP_SPRUNG.set(true);
    }

    private Trap() {}
  }
}
