package io.lancaster.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.schema.RecordSchemas;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.testing.HiveRows;
import io.lancaster.hive.testing.Plain;
import io.lancaster.hive.testing.TableSchemasForTests;
import java.rmi.server.UID;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.SerDeException;
import org.apache.hadoop.hive.serde2.avro.AvroGenericRecordWritable;
import org.apache.hadoop.hive.serde2.avro.AvroSerDe;
import org.apache.hadoop.hive.serde2.objectinspector.StructField;
import org.apache.hadoop.hive.serde2.objectinspector.StructObjectInspector;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;
import org.junit.jupiter.api.Test;

class AvroHiveSerDeTest {

  @Test
  void writesTheRecordsHiveAvroSerDeWritesAndReadsThemBackAsTheSameRows() throws Exception {
    AvroHiveSerDe ours = serde(literal(TableSchemasForTests.ALL_TYPES));
    AvroSerDe hive = new AvroSerDe();
    hive.initialize(new Configuration(false), literal(TableSchemasForTests.ALL_TYPES));
    StructObjectInspector inspector = (StructObjectInspector) ours.getObjectInspector();

    for (int n = 0; n < 12; n++) {
      List<Object> row = HiveRows.allTypes(n);

      AvroRecordWritable written = (AvroRecordWritable) ours.serialize(row, inspector);
      AvroGenericRecordWritable hiveWritten = (AvroGenericRecordWritable) hive.serialize(row,
          hive.getObjectInspector());
      assertThat(Plain.of(written.record())).isEqualTo(Plain.of(hiveWritten.getRecord()));

      Object read = ours.deserialize(written);
      hiveWritten.setFileSchema(hiveWritten.getRecord().getSchema());
      hiveWritten.setRecordReaderID(new UID());
      assertThat(Plain.of(read)).isEqualTo(Plain.of(row)).isEqualTo(Plain.of(hive.deserialize(hiveWritten)));
    }
  }

  @Test
  void sharesTheObjectInspectorsOfATableSchema() throws Exception {
    AvroHiveSerDe one = serde(literal(TableSchemasForTests.ALL_TYPES));
    AvroHiveSerDe other = serde(literal(TableSchemasForTests.ALL_TYPES));

    assertThat(other.getObjectInspector()).isSameAs(one.getObjectInspector());
  }

  @Test
  void publishesTheTableSchemaForTheInputFormat() throws Exception {
    Configuration conf = new Configuration(false);
    new AvroHiveSerDe().initialize(conf, literal(TableSchemasForTests.ALL_TYPES));

    assertThat(Schema.parse(conf.get(TableProperties.SERDE_SCHEMA)))
        .isEqualTo(Schema.parse(TableSchemasForTests.ALL_TYPES));
  }

  @Test
  void usesTheTablesSchemaWhateverThePartitionSays() throws Exception {
    String old = """
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}""";
    String current = """
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},
          {"name": "b", "type": "string", "default": "-"}]}""";
    AvroHiveSerDe serde = new AvroHiveSerDe();
    serde.initialize(new Configuration(false), literal(current), literal(old));

    assertThat(((StructObjectInspector) serde.getObjectInspector()).getAllStructFieldRefs())
        .extracting(StructField::getFieldName).containsExactly("a", "b");
  }

  @Test
  void keepsATableWithABadSchemaUsableForAlterButRefusesToReadOrWriteIt() throws Exception {
    Properties p = new Properties();
    p.setProperty(TableProperties.SCHEMA_URL, "file:///no/such/schema.avsc");
    AvroHiveSerDe serde = serde(p);
    StructObjectInspector inspector = (StructObjectInspector) serde.getObjectInspector();

    assertThat(inspector.getAllStructFieldRefs()).extracting(StructField::getFieldName)
        .startsWith("error_error_error_error_error_error_error", "cannot_determine_schema");
    assertThat(inspector.getAllStructFieldRefs().get(0).getFieldComment()).contains("/no/such/schema.avsc");
    assertThat(serde.getConfigurationErrors()).contains("/no/such/schema.avsc");
    assertThatThrownBy(() -> serde.deserialize(new AvroRecordWritable()))
        .isInstanceOf(SerDeException.class).hasMessageContaining("/no/such/schema.avsc");
    assertThatThrownBy(() -> serde.serialize(Arrays.asList(new Object[7]), inspector))
        .isInstanceOf(SerDeException.class).hasMessageContaining("/no/such/schema.avsc");
  }

  @Test
  void keepsTheColumnsInTheMetastoreOnlyWithoutALiteralOrUrl() {
    AvroHiveSerDe serde = new AvroHiveSerDe();

    assertThat(serde.shouldStoreFieldsInMetastore(Map.of("avro.schema.literal", "{}"))).isFalse();
    assertThat(serde.shouldStoreFieldsInMetastore(Map.of("avro.schema.url", "hdfs:///s.avsc"))).isFalse();
    assertThat(serde.shouldStoreFieldsInMetastore(Map.of("comment", "x"))).isTrue();
  }

  @Test
  void readsRecordsOfTheQuerysColumnsOnlyWithTheOthersNull() throws Exception {
    AvroHiveSerDe serde = serde(literal(TableSchemasForTests.ALL_TYPES));
    RecordSchema table = (RecordSchema) Schema.parse(TableSchemasForTests.ALL_TYPES);
    List<Object> row = HiveRows.allTypes(4);
    GenericRecord full = ((AvroRecordWritable) serde.serialize(row, serde.getObjectInspector())).record();
    RecordSchema projected = RecordSchemas.subset(table, f -> f.name().equals("s") || f.name().equals("inner"));
    GenericRecord partial = new GenericRecord(projected);
    partial.put("s", full.get("s"));
    partial.put("inner", full.get("inner"));

    List<?> read = (List<?>) serde.deserialize(new AvroRecordWritable(partial, table, table));

    assertThat(Plain.of(read.get(5))).isEqualTo("text 4 é");
    assertThat(Plain.of(read.get(16))).isEqualTo(List.of(4, "y4"));
    assertThat(read.stream().filter(v -> v != null)).hasSize(2);
  }

  @Test
  void resolvesRecordsTheReaderLeftInTheirFilesSchema() throws Exception {
    String v1 = """
        {"type": "record", "name": "R", "fields": [{"name": "id", "type": "int"},
          {"name": "gone", "type": "string"}]}""";
    String v2 = """
        {"type": "record", "name": "R", "fields": [{"name": "id", "type": "long"},
          {"name": "added", "type": "string", "default": "new"}]}""";
    AvroHiveSerDe serde = serde(literal(v2));
    RecordSchema old = (RecordSchema) Schema.parse(v1);
    GenericRecord record = new GenericRecord(old).put("id", 5).put("gone", "x");

    assertThat(serde.deserialize(new AvroRecordWritable(record, null, old))).isEqualTo(List.of(5L, "new"));
  }

  @Test
  void resolvesRecordsReadWithAnotherVersionOfTheTableSchema() throws Exception {
    String v1 = """
        {"type": "record", "name": "R", "fields": [{"name": "id", "type": "int"},
          {"name": "name", "type": "string"}, {"name": "gone", "type": "string"}]}""";
    String v2 = """
        {"type": "record", "name": "R", "fields": [{"name": "id", "type": "long"},
          {"name": "name", "type": "string"}, {"name": "added", "type": "string", "default": "new"}]}""";
    AvroHiveSerDe serde = serde(literal(v2));
    RecordSchema readerVersion = (RecordSchema) Schema.parse(v1);
    RecordSchema projected = RecordSchemas.subset(readerVersion, f -> !f.name().equals("name"));
    GenericRecord record = new GenericRecord(projected).put("id", 5).put("gone", "x");

    assertThat(serde.deserialize(new AvroRecordWritable(record, readerVersion, readerVersion)))
        .isEqualTo(Arrays.asList(5L, null, "new"));
  }

  @Test
  void tellsWhichInputFormatToUseForOtherWritables() throws Exception {
    AvroHiveSerDe serde = serde(literal(TableSchemasForTests.ALL_TYPES));

    assertThatThrownBy(() -> serde.deserialize(new AvroGenericRecordWritable()))
        .isInstanceOf(SerDeException.class)
        .hasMessageContaining("STORED AS INPUTFORMAT 'io.lancaster.hive.AvroHiveInputFormat'");
  }

  @Test
  void writesAndReadsUnionsAsStructsOfMembersWithTheStructMapping() throws Exception {
    String schema = """
        {"type": "record", "name": "R", "fields": [
          {"name": "u", "type": ["null", "int", "string", {"type": "array", "items": "string"}]},
          {"name": "n", "type": ["int", "long"]}]}""";
    Properties p = literal(schema);
    p.setProperty(TableProperties.UNION_MAPPING, "struct");
    AvroHiveSerDe serde = serde(p);
    StructObjectInspector inspector = (StructObjectInspector) serde.getObjectInspector();
    assertThat(TypeInfoUtils.getTypeInfoFromObjectInspector(inspector).getTypeName())
        .isEqualTo("struct<u:struct<member0:int,member1:string,member2:array<string>>,n:bigint>");

    for (List<Object> row : List.of(
        Arrays.<Object>asList(Arrays.asList(null, "s", null), 7L),
        Arrays.<Object>asList(Arrays.asList(3, null, null), 8L),
        Arrays.<Object>asList(Arrays.asList(null, null, List.of("a", "b")), 9L),
        Arrays.<Object>asList(null, 10L))) {
      AvroRecordWritable written = (AvroRecordWritable) serde.serialize(row, inspector);
      Object u = row.get(0) == null ? null : ((List<?>) row.get(0)).stream().filter(v -> v != null).findFirst()
          .orElseThrow();
      assertThat(Plain.of(written.record().get("u"))).isEqualTo(Plain.of(u));
      assertThat(written.record().get("n")).isEqualTo(row.get(1));
      assertThat(Plain.of(serde.deserialize(written))).isEqualTo(Plain.of(row));
    }
  }

  @Test
  void refusesRowsOfAnotherWidth() throws Exception {
    AvroHiveSerDe narrow = serde(literal("""
        {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"""));
    AvroHiveSerDe wide = serde(literal(TableSchemasForTests.ALL_TYPES));

    assertThatThrownBy(() -> narrow.serialize(HiveRows.allTypes(1), wide.getObjectInspector()))
        .isInstanceOf(SerDeException.class)
        .hasMessageContaining("record R has 1 fields, the Hive struct written to it 20");
  }

  private static AvroHiveSerDe serde(Properties p) throws SerDeException {
    AvroHiveSerDe serde = new AvroHiveSerDe();
    serde.initialize(new Configuration(false), p);
    return serde;
  }

  private static Properties literal(String schema) {
    Properties p = new Properties();
    p.setProperty(TableProperties.SCHEMA_LITERAL, schema);
    return p;
  }
}
