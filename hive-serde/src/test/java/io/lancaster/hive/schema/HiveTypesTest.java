package io.lancaster.hive.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.testing.TableSchemasForTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.avro.AvroSerDe;
import org.apache.hadoop.hive.serde2.objectinspector.StructField;
import org.apache.hadoop.hive.serde2.objectinspector.StructObjectInspector;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;
import org.junit.jupiter.api.Test;

class HiveTypesTest {

  private static final String MORE_TYPES = """
      {"type": "record", "name": "More", "fields": [
        {"name": "micros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "localMillis", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
        {"name": "time", "type": {"type": "int", "logicalType": "time-millis"}},
        {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "either", "type": ["int", "string"]},
        {"name": "many", "type": ["null", "string", "int", {"type": "array", "items": "long"}]},
        {"name": "numbers", "type": ["int", "long"]},
        {"name": "optionalList", "type": ["null", {"type": "array", "items": ["null", "double"]}]},
        {"name": "nested", "type": {"type": "map", "values": {"type": "record", "name": "V", "fields": [
          {"name": "k", "type": {"type": "enum", "name": "K", "symbols": ["A"]}},
          {"name": "raw", "type": {"type": "fixed", "name": "Two", "size": 2}}]}}},
        {"name": "nothing", "type": "null"}
      ]}""";

  @Test
  void mapsEveryTypeAsHiveAvroSerDeDoes() throws Exception {
    for (String literal : List.of(TableSchemasForTests.ALL_TYPES, MORE_TYPES)) {
      StructObjectInspector hive = hiveInspector(literal);
      TableLayout ours = TableLayout.of((RecordSchema) Schema.parse(literal), UnionMapping.UNIONTYPE);

      assertThat(typeName(ours.rowInspector())).isEqualTo(typeName(hive));
      assertThat(comments(ours.rowInspector())).isEqualTo(comments(hive));
      assertThat(ours.columnNames()).hasSize(hive.getAllStructFieldRefs().size());
    }
  }

  @Test
  void mapsTheUnionsOfAllTypesToUniontypeByDefault() {
    TableLayout layout = layout(TableSchemasForTests.ALL_TYPES, UnionMapping.DEFAULT);

    assertThat(layout.columnTypes().get(layout.columnNames().indexOf("u")).getTypeName())
        .isEqualTo("uniontype<int,string>");
    assertThat(layout.columnTypes().get(layout.columnNames().indexOf("opt")).getTypeName()).isEqualTo("bigint");
  }

  @Test
  void mapsFixedDecimalsToDecimalWhereHiveShowsBinary() throws Exception {
    String literal = """
        {"type": "record", "name": "R", "fields": [
          {"name": "amount", "type": {"type": "fixed", "name": "D", "size": 8, "logicalType": "decimal",
            "precision": 12, "scale": 3}}]}""";

    assertThat(typeName(layout(literal, UnionMapping.DEFAULT).rowInspector()))
        .isEqualTo("struct<amount:decimal(12,3)>");
    assertThat(typeName(hiveInspector(literal))).isEqualTo("struct<amount:binary>");
  }

  @Test
  void mapsUnionsOfOneTypeToThatTypeWhereHiveMakesAUniontype() throws Exception {
    String literal = """
        {"type": "record", "name": "R", "fields": [{"name": "only", "type": ["int"]}]}""";

    assertThat(typeName(layout(literal, UnionMapping.DEFAULT).rowInspector())).isEqualTo("struct<only:int>");
    assertThat(typeName(hiveInspector(literal))).isEqualTo("struct<only:uniontype<int>>");
  }

  @Test
  void mapsUnionsToStructsOfMembersAsSparkAvroWithTheStructMapping() {
    TableLayout layout = layout(MORE_TYPES, UnionMapping.STRUCT);

    assertThat(typeOf(layout, "either")).isEqualTo("struct<member0:int,member1:string>");
    assertThat(typeOf(layout, "many")).isEqualTo("struct<member0:string,member1:int,member2:array<bigint>>");
    assertThat(typeOf(layout, "numbers")).isEqualTo("bigint");
    assertThat(typeOf(layout, "optionalList")).isEqualTo("array<double>");
    assertThat(typeOf(layout("""
        {"type": "record", "name": "R", "fields": [{"name": "x", "type": ["null", "float", "double"]}]}""",
        UnionMapping.STRUCT), "x")).isEqualTo("double");
  }

  @Test
  void rejectsRecursiveRecords() {
    String literal = """
        {"type": "record", "name": "Node", "fields": [
          {"name": "value", "type": "int"},
          {"name": "next", "type": ["null", "Node"]}]}""";

    assertThatThrownBy(() -> layout(literal, UnionMapping.DEFAULT))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("column next")
        .hasMessageContaining("record Node contains itself");
  }

  @Test
  void rejectsDecimalsWiderThanHiveHolds() {
    String literal = """
        {"type": "record", "name": "R", "fields": [
          {"name": "big", "type": {"type": "bytes", "logicalType": "decimal", "precision": 40, "scale": 0}}]}""";

    assertThatThrownBy(() -> layout(literal, UnionMapping.DEFAULT))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("column big")
        .hasMessageContaining("at most 38 digits");
  }

  @Test
  void readsCharLengthsGivenAsStringsAndRejectsMissingOnes() {
    String asString = """
        {"type": "record", "name": "R", "fields": [
          {"name": "code", "type": {"type": "string", "logicalType": "CHAR", "maxLength": "3"}}]}""";
    String missing = """
        {"type": "record", "name": "R", "fields": [
          {"name": "code", "type": {"type": "string", "logicalType": "varchar"}}]}""";

    assertThat(typeOf(layout(asString, UnionMapping.DEFAULT), "code")).isEqualTo("char(3)");
    assertThatThrownBy(() -> layout(missing, UnionMapping.DEFAULT))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("maxLength");
  }

  @Test
  void readsTheUnionMappingProperty() {
    Properties p = new Properties();
    assertThat(UnionMapping.of(p)).isEqualTo(UnionMapping.UNIONTYPE);
    p.setProperty(TableProperties.UNION_MAPPING, " Struct ");
    assertThat(UnionMapping.of(p)).isEqualTo(UnionMapping.STRUCT);
    p.setProperty(TableProperties.UNION_MAPPING, "variant");
    assertThatThrownBy(() -> UnionMapping.of(p))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("lancaster.avro.union.mapping must be uniontype or struct, not \"variant\"");
  }

  private static TableLayout layout(String literal, UnionMapping unions) {
    return TableLayout.of((RecordSchema) Schema.parse(literal), unions);
  }

  private static String typeOf(TableLayout layout, String column) {
    return layout.columnTypes().get(layout.columnNames().indexOf(column)).getTypeName();
  }

  static StructObjectInspector hiveInspector(String literal) throws Exception {
    AvroSerDe serde = new AvroSerDe();
    Properties p = new Properties();
    p.setProperty(TableProperties.SCHEMA_LITERAL, literal);
    serde.initialize(new Configuration(false), p);
    return (StructObjectInspector) serde.getObjectInspector();
  }

  static String typeName(StructObjectInspector inspector) {
    return TypeInfoUtils.getTypeInfoFromObjectInspector(inspector).getTypeName();
  }

  private static List<String> comments(StructObjectInspector inspector) {
    List<String> out = new ArrayList<>();
    for (StructField f : inspector.getAllStructFieldRefs()) {
      out.add(f.getFieldName() + ": " + f.getFieldComment());
    }
    return out;
  }
}
