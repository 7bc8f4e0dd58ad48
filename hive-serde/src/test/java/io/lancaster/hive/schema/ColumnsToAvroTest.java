package io.lancaster.hive.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.avro.AvroSerDe;
import org.junit.jupiter.api.Test;

class ColumnsToAvroTest {

  @Test
  void derivesTheSchemaHiveAvroSerDeDerivesFromColumns() throws Exception {
    Properties table = columns(
        "id,name,flags,price,born,seen,code,label,raw,small,tiny,ratio,tags,props,address,choice",
        "bigint:string:boolean:decimal(10,2):date:timestamp:char(3):varchar(20):binary:smallint:tinyint:float"
            + ":array<string>:map<string,array<int>>:struct<street:string,zip:int>:uniontype<int,string>");
    table.setProperty(TableProperties.TABLE_NAME, "shop.orders");
    table.setProperty(TableProperties.COLUMN_COMMENTS, "the id\0the name");

    assertThat(ours(table).toString()).isEqualTo(hives(table).toString());
  }

  @Test
  void takesNameNamespaceAndDocFromTheSchemaProperties() throws Exception {
    Properties table = columns("a", "int");
    table.setProperty(TableProperties.TABLE_NAME, "db.t");
    table.setProperty(TableProperties.SCHEMA_NAME, "Event");
    table.setProperty(TableProperties.SCHEMA_NAMESPACE, "com.example");
    table.setProperty(TableProperties.SCHEMA_DOC, "events");

    RecordSchema schema = ours(table);

    assertThat(schema.fullName()).isEqualTo("com.example.Event");
    assertThat(schema.doc()).isEqualTo("events");
    assertThat(schema.toString()).isEqualTo(hives(table).toString());
  }

  @Test
  void namesTheRecordBaseRecordWithoutATableName() throws Exception {
    Properties table = columns("a", "int");

    assertThat(ours(table).fullName()).isEqualTo("baseRecord");
    assertThat(ours(table).toString()).isEqualTo(hives(table).toString());
  }

  @Test
  void refusesMapsWithoutStringKeysAndInvalidNames() {
    assertThatThrownBy(() -> ours(columns("m", "map<int,string>")))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("map<int,string>");
    Properties spaced = columns("a b", "int");
    assertThatThrownBy(() -> ours(spaced))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("\"a b\" is not a valid Avro name");
  }

  private static Properties columns(String names, String types) {
    Properties p = new Properties();
    p.setProperty(TableProperties.COLUMNS, names);
    p.setProperty(TableProperties.COLUMN_TYPES, types);
    return p;
  }

  private static RecordSchema ours(Properties table) {
    return TableSchemas.of(null, table);
  }

  /** Hive's AvroSerDe writes the schema it derives into the table properties it was given. */
  private static Schema hives(Properties table) throws Exception {
    Properties copy = new Properties();
    copy.putAll(table);
    new AvroSerDe().initialize(new Configuration(false), copy);
    return Schema.parse(copy.getProperty(TableProperties.SCHEMA_LITERAL));
  }
}
