package io.lancaster.hive;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.testing.HiveRows;
import io.lancaster.hive.testing.Plain;
import io.lancaster.hive.testing.TableSchemasForTests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class AvroRecordWritableTest {

  @Test
  void travelsAsBytesWithItsSchemas() throws Exception {
    AvroHiveSerDe serde = new AvroHiveSerDe();
    Properties p = new Properties();
    p.setProperty(TableProperties.SCHEMA_LITERAL, TableSchemasForTests.ALL_TYPES);
    serde.initialize(new Configuration(false), p);
    AvroRecordWritable original =
        (AvroRecordWritable) serde.serialize(HiveRows.allTypes(2), serde.getObjectInspector());
    RecordSchema file = (RecordSchema) Schema.parse("""
        {"type": "record", "name": "Old", "fields": [{"name": "i", "type": "int"}]}""");
    original.set(original.record(), original.resolvedTo(), file);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    original.write(new DataOutputStream(bytes));
    AvroRecordWritable copy = new AvroRecordWritable();
    copy.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(Plain.of(copy.record())).isEqualTo(Plain.of(original.record()));
    assertThat(copy.resolvedTo()).isEqualTo(original.resolvedTo());
    assertThat(copy.fileSchema()).isEqualTo(file);
    assertThat(Plain.of(serde.deserialize(copy))).isEqualTo(Plain.of(HiveRows.allTypes(2)));
  }
}
