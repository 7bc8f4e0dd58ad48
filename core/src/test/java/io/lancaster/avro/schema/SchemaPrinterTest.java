package io.lancaster.avro.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Printing a schema keeps everything that parsing read, and Apache Avro reads the printing the same way. */
class SchemaPrinterTest {

  private static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  private static org.apache.avro.Schema apache(String json) {
    return new org.apache.avro.Schema.Parser().parse(json);
  }

  private static String q(String s) {
    return s.replace('\'', '"');
  }

  private static final String EVERYTHING = q("{'type':'record','name':'R','namespace':'a.b','doc':'record doc',"
      + "'aliases':['OldR','x.OlderR'],'owner':'team \u00e9','fields':["
      + "{'name':'i','type':{'type':'int','logicalType':'date','x':[1,{'y':null}]},'doc':'field doc','default':7,"
      + "'order':'descending','aliases':['old_i','older_i'],'field-prop':true},"
      + "{'name':'e','type':{'type':'enum','name':'E','doc':'enum doc','symbols':['A','B'],'default':'B',"
      + "'aliases':['OldE'],'e-prop':1.5},'order':'ignore','default':'A'},"
      + "{'name':'f','type':{'type':'fixed','name':'F','namespace':'c','size':2,'doc':'fixed doc','f-prop':'p'},"
      + "'default':'\u00ff\\u0001'},"
      + "{'name':'m','type':{'type':'map','values':['null','c.F'],'m-prop':{}},'default':{'k':null}},"
      + "{'name':'arr','type':{'type':'array','items':'c.F','a-prop':-1},'default':[]},"
      + "{'name':'u','type':['c.F','string'],'default':'\\u0000\\u0000'}]}");

  @Test
  void printingKeepsDocsPropertiesDefaultsAliasesAndOrders() {
    RecordSchema r = (RecordSchema) parse(EVERYTHING);
    for (String printed : List.of(r.toString(), r.toString(true))) {
      RecordSchema p = (RecordSchema) parse(printed);
      assertThat(p).isEqualTo(r);
      assertThat(p.doc()).isEqualTo("record doc");
      assertThat(p.aliases()).containsExactly(new Name("a.b", "OldR"), new Name("x", "OlderR"));
      assertThat(p.property("owner")).isEqualTo("team \u00e9");
      Field i = p.field("i");
      assertThat(i.doc()).isEqualTo("field doc");
      assertThat(i.defaultValue()).isEqualTo(7L);
      assertThat(i.order()).isEqualTo(Field.Order.DESCENDING);
      assertThat(i.aliases()).containsExactly("old_i", "older_i");
      assertThat(i.property("field-prop")).isEqualTo(true);
      assertThat(i.schema().property("x")).isEqualTo(Json.parse("[1,{\"y\":null}]"));
      assertThat(i.schema().logicalType()).isEqualTo(LogicalType.Simple.DATE);
      EnumSchema e = (EnumSchema) p.field("e").schema();
      assertThat(e.doc()).isEqualTo("enum doc");
      assertThat(e.defaultSymbol()).isEqualTo("B");
      assertThat(e.aliases()).containsExactly(new Name("a.b", "OldE"));
      assertThat(e.property("e-prop")).isEqualTo(1.5);
      assertThat(p.field("e").order()).isEqualTo(Field.Order.IGNORE);
      FixedSchema f = (FixedSchema) p.field("f").schema();
      assertThat(f.fullName()).isEqualTo("c.F");
      assertThat(f.doc()).isEqualTo("fixed doc");
      assertThat(p.field("f").defaultValue()).isEqualTo("\u00ff\u0001");
      assertThat(p.field("m").schema().property("m-prop")).isEqualTo(Map.of());
      assertThat(p.field("m").defaultValue()).isEqualTo(Map.of("k", Json.NULL));
      assertThat(p.field("arr").schema().property("a-prop")).isEqualTo(-1L);
      assertThat(((ArraySchema) p.field("arr").schema()).items()).isSameAs(f);
      assertThat(p.field("u").defaultValue()).isEqualTo("\u0000\u0000");
    }
    // Apache Avro reads our printing as the same schema (its equality also ignores docs and aliases) ...
    assertThat(apache(r.toString())).isEqualTo(apache(EVERYTHING));
    // ... and keeps the docs and aliases we printed.
    assertThat(apache(r.toString()).getField("i").doc()).isEqualTo("field doc");
    assertThat(apache(r.toString()).getAliases()).containsExactlyInAnyOrder("a.b.OldR", "x.OlderR");
  }

  @Test
  void eachNamedTypeIsPrintedInFullOnceThenByItsShortestName() {
    String printed = parse(EVERYTHING).toString();
    assertThat(count(printed, "\"type\":\"fixed\"")).isEqualTo(1);
    assertThat(printed).contains("\"values\":[\"null\",\"c.F\"]").contains("\"items\":\"c.F\"");
    RecordSchema inner = (RecordSchema) parse(q("{'type':'record','name':'a.R','fields':[{'name':'x','type':"
        + "{'type':'fixed','name':'F','size':1}},{'name':'y','type':'a.F'}]}"));
    assertThat(inner.toString()).contains("{\"name\":\"y\",\"type\":\"F\"}");
  }

  @Test
  void aNullNamespaceTypeInsideANamespaceIsPrintedWithAnEmptyNamespace() {
    RecordSchema r = (RecordSchema) parse(q("{'type':'record','name':'R','namespace':'a','fields':["
        + "{'name':'x','type':{'type':'fixed','name':'F','namespace':'','size':1}}]}"));
    assertThat(r.field("x").schema().fullName()).isEqualTo("F");
    assertThat(r.toString()).contains("\"namespace\":\"\"");
    assertThat(((RecordSchema) parse(r.toString())).field("x").schema().fullName()).isEqualTo("F");
  }

  private int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'type':'record','name':'Node','fields':[{'name':'v','type':'int'},{'name':'next','type':['null','Node']}]}",
      "{'type':'record','name':'t.Tree','fields':[{'name':'kids','type':{'type':'array','items':'Tree'}}]}",
      "{'type':'record','name':'J','fields':[{'name':'o','type':['null',{'type':'map','values':'J'}]}]}",
      "{'type':'record','name':'A','namespace':'x','fields':[{'name':'b','type':['null',{'type':'record',"
          + "'name':'B','namespace':'y','fields':[{'name':'a','type':['null','x.A']}]}]}]}"})
  void recursiveSchemasPrintAndParse(String json) {
    Schema s = parse(q(json));
    assertThat(SchemaVisitor.isRecursive(s)).isTrue();
    Schema again = parse(s.toString());
    assertThat(again).isEqualTo(s);
    assertThat(again.toString()).isEqualTo(s.toString());
    assertThat(CanonicalForm.of(s)).isEqualTo(org.apache.avro.SchemaNormalization.toParsingForm(apache(q(json))));
    assertThat(apache(s.toString())).isEqualTo(apache(q(json)));
  }

  @Test
  void parsingJsonOfEveryKindOfValueAsPropertiesKeepsThem() {
    Map<String, Object> props = new HashMap<>();
    props.put("s", "x");
    props.put("l", Long.MIN_VALUE);
    props.put("d", -0.5);
    props.put("b", false);
    props.put("n", Json.NULL);
    props.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    List<Object> list = new ArrayList<>(List.of(1L, "two"));
    props.put("list", list);
    Schema s = PrimitiveSchema.of(Schema.Type.BYTES, props);
    Schema again = parse(s.toString());
    assertThat(again).isEqualTo(s);
    assertThat(again.properties().keySet()).isEqualTo(props.keySet());
    assertThat(again.properties().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        Map.Entry::getValue))).isEqualTo(props);
  }
}
