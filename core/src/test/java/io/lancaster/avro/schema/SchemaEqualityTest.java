package io.lancaster.avro.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Schema equality and hashing: what counts (names, structure, properties, defaults, orders, enum defaults) and what
 * does not (docs, aliases, spelling), checked against Apache Avro's equality where the two agree.
 */
class SchemaEqualityTest {

  private static Schema parse(String json) {
    return new SchemaParser().parse(json);
  }

  private static org.apache.avro.Schema apache(String json) {
    return new org.apache.avro.Schema.Parser().parse(json);
  }

  private static String q(String s) {
    return s.replace('\'', '"');
  }

  private void assertEqual(String a, String b) {
    Schema x = parse(q(a));
    Schema y = parse(q(b));
    assertThat(x).isEqualTo(y);
    assertThat(x.hashCode()).isEqualTo(y.hashCode());
    assertThat(apache(q(a))).as("Apache Avro agrees").isEqualTo(apache(q(b)));
  }

  private void assertDifferent(String a, String b) {
    assertThat(parse(q(a))).isNotEqualTo(parse(q(b)));
    assertThat(apache(q(a))).as("Apache Avro agrees").isNotEqualTo(apache(q(b)));
  }

  @Test
  void docsAndAliasesDoNotCount() {
    assertEqual("{'type':'record','name':'R','doc':'one','fields':[{'name':'a','type':'int','doc':'x'}]}",
        "{'type':'record','name':'R','doc':'two','aliases':['Q'],'fields':[{'name':'a','type':'int',"
            + "'aliases':['b']}]}");
    assertEqual("{'type':'enum','name':'E','doc':'d','symbols':['A']}", "{'type':'enum','name':'E','symbols':['A']}");
    assertEqual("{'type':'fixed','name':'F','size':3}", "{'type':'fixed','name':'F','size':3,'doc':'d'}");
  }

  @Test
  void spellingDoesNotCount() {
    assertEqual("{'type':'record','name':'a.R','fields':[{'name':'x','type':'int'}]}",
        "{'fields':[{'type':{'type':'int'},'name':'x'}],'namespace':'a','name':'R','type':'record'}");
    assertEqual("['null',{'type':'string'}]", "['null','string']");
  }

  @Test
  void propertiesCount() {
    assertDifferent("{'type':'string','p':1}", "{'type':'string','p':2}");
    assertDifferent("{'type':'string','p':1}", "'string'");
    assertDifferent("{'type':'fixed','name':'F','size':3,'p':'x'}", "{'type':'fixed','name':'F','size':3}");
    assertDifferent("{'type':'record','name':'R','fields':[{'name':'a','type':'int','p':true}]}",
        "{'type':'record','name':'R','fields':[{'name':'a','type':'int'}]}");
    assertDifferent("{'type':'int','logicalType':'date'}", "'int'");
  }

  @Test
  void structureCounts() {
    String base = "{'type':'record','name':'ns.R','fields':[{'name':'a','type':'int','default':1}]}";
    assertEqual(base, base);
    assertDifferent(base, base.replace("ns.R", "ns.Q"));
    assertDifferent(base, base.replace("ns.R", "other.R"));
    assertDifferent(base, base.replace("'a'", "'b'"));
    assertDifferent(base, base.replace("'int'", "'long'"));
    assertDifferent(base, base.replace("'default':1", "'default':2"));
    assertDifferent(base, base.replace("'default':1", "'default':1,'order':'descending'"));
    assertDifferent("{'type':'enum','name':'E','symbols':['A','B']}", "{'type':'enum','name':'E','symbols':['B','A']}");
    // The enum default changes how data resolves, so it counts (Apache Avro 1.12's equality ignores it).
    assertThat(parse(q("{'type':'enum','name':'E','symbols':['A','B'],'default':'A'}")))
        .isNotEqualTo(parse(q("{'type':'enum','name':'E','symbols':['A','B']}")));
    assertDifferent("{'type':'fixed','name':'F','size':3}", "{'type':'fixed','name':'F','size':4}");
    assertDifferent("['null','int']", "['int','null']");
    assertDifferent("{'type':'array','items':'int'}", "{'type':'map','values':'int'}");
  }

  @Test
  void recursiveSchemasCompareAndHashWithoutEndlessRecursion() {
    String list = "{'type':'record','name':'Node','fields':[{'name':'v','type':'int'},"
        + "{'name':'next','type':['null','Node']}]}";
    assertEqual(list, list);
    assertDifferent(list, list.replace("'int'", "'long'"));
    String mutual = "{'type':'record','name':'A','fields':[{'name':'b','type':['null',{'type':'record',"
        + "'name':'B','fields':[{'name':'a','type':['null','A']},{'name':'bs','type':{'type':'map','values':'B'}}]}]}]}";
    assertEqual(mutual, mutual);
    assertDifferent(mutual, mutual.replace("'values':'B'", "'values':'A'"));
  }
}
