package io.lancaster.avro.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.order.GenericComparator;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaParser;
import org.junit.jupiter.api.Test;

class GenericRecordTest {
  private final RecordSchema schema = (RecordSchema) new SchemaParser().parse("{\"type\":\"record\",\"name\":\"K\","
      + "\"fields\":[{\"name\":\"country\",\"type\":\"string\"},"
      + "{\"name\":\"sample\",\"type\":\"string\",\"order\":\"ignore\"}]}");

  @Test
  void recordsTheSortOrderHoldsEqualHashAlike() {
    GenericRecord a = new GenericRecord(schema).put("country", "FR").put("sample", "x");
    GenericRecord b = new GenericRecord(schema).put("country", "FR").put("sample", "y");
    assertThat(new GenericComparator(schema).compare(a, b)).isZero();
    assertThat(a.hashCode()).isEqualTo(b.hashCode()); // a hash partitioner sends them to one reducer
    assertThat(a).isNotEqualTo(b); // equality still sees every field
    GenericRecord c = new GenericRecord(schema).put("country", "DE").put("sample", "x");
    assertThat(c.hashCode()).isNotEqualTo(a.hashCode());
  }

  @Test
  void unknownFieldNamesAreErrors() {
    GenericRecord a = new GenericRecord(schema);
    assertThatThrownBy(() -> a.get("nope")).isInstanceOf(AvroException.class).hasMessageContaining("no field \"nope\"");
  }
}
