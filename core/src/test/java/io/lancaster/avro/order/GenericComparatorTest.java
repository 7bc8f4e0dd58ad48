package io.lancaster.avro.order;

import static io.lancaster.avro.order.BinaryComparatorTest.encode;
import static io.lancaster.avro.order.BinaryComparatorTest.parse;
import static io.lancaster.avro.order.BinaryComparatorTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.nio.ByteBuffer;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic comparator on every Java form the generic writer accepts, and on values it refuses. */
class GenericComparatorTest {

  /** Each pair: the same or neighbouring values in two Java forms; generic and binary order must agree. */
  @Test
  void ordersEveryFormTheWriterAcceptsAsItsEncoding() {
    FixedSchema fixed = (FixedSchema) parse("{\"type\": \"fixed\", \"name\": \"F\", \"size\": 2}");
    EnumSchema e = (EnumSchema) parse("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"b\", \"a\"]}");
    ByteBuffer slice = ByteBuffer.wrap(new byte[] {9, 1, (byte) 0x80, 9}, 1, 2);
    assertSameOrder(parse("\"bytes\""), new byte[] {1, (byte) 0x80}, slice);
    assertSameOrder(parse("\"bytes\""), new byte[] {1, (byte) 0x7f}, slice);
    assertSameOrder(parse("\"bytes\""), slice, ByteBuffer.wrap(new byte[] {1}));
    assertThat(slice.position()).as("compare leaves the buffer's position alone").isEqualTo(1);
    assertSameOrder(fixed, new byte[] {0, (byte) 0xff}, new GenericFixed(fixed, new byte[] {0, 1}));
    assertSameOrder(e, "a", new GenericEnum(e, "b"));
    assertSameOrder(e, "b", new GenericEnum(e, "b"));
    assertSameOrder(parse("\"long\""), 5, 4L);
    assertSameOrder(parse("\"long\""), (short) -3, (byte) -2);
    assertSameOrder(parse("\"double\""), 0.5f, 0.5d);
    assertSameOrder(parse("\"double\""), Float.NaN, Double.NaN);
    assertSameOrder(parse("\"string\""), new StringBuilder("ab"), "abc");
    assertSameOrder(parse("{\"type\": \"array\", \"items\": \"int\"}"), new LinkedList<>(List.of(1, 2)),
        List.of(1, 2, 0));
    assertSameOrder(parse("[\"null\", \"long\", \"double\"]"), 7, 7.0);
    assertSameOrder(parse("[\"null\", \"long\", \"double\"]"), 8L, 7);
  }

  private static void assertSameOrder(Schema schema, Object x, Object y) {
    int binary = new BinaryComparator(schema).compare(encode(schema, x), encode(schema, y));
    GenericComparator generic = new GenericComparator(schema);
    assertThat(generic.compare(x, y)).as("%s vs %s", x, y).isEqualTo(binary);
    assertThat(generic.compare(y, x)).as("%s vs %s", y, x).isEqualTo(-binary);
  }

  @Test
  void valuesOfTheWrongTypeAreTypeErrorsNamingTheField() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "id", "type": "int"},
          {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "I", "fields": [
            {"name": "s", "type": "string"}]}}}]}""");
    RecordSchema item = (RecordSchema) ((ArraySchema) schema.field("items").schema()).items();
    Object good = rec(schema, 1, List.of(rec(item, "x"), rec(item, "y")));
    Object bad = rec(schema, 1, List.of(rec(item, "x"), rec(item, 5)));
    AvroTypeException e = catchThrowableOfType(AvroTypeException.class,
        () -> new GenericComparator(schema).compare(good, bad));
    assertThat(e.fieldPath()).isEqualTo("items.[1].s");
    assertThat(e).hasMessageStartingWith("expected string, got java.lang.Integer 5");

    AvroTypeException u = catchThrowableOfType(AvroTypeException.class,
        () -> new GenericComparator(parse("[\"null\", \"int\"]")).compare(1, "one"));
    assertThat(u).hasMessageContaining("no branch of union");

    AvroTypeException symbol = catchThrowableOfType(AvroTypeException.class,
        () -> new GenericComparator(parse("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"a\"]}"))
            .compare("a", "b"));
    assertThat(symbol).hasMessageContaining("\"b\" is not a symbol of enum E");
  }

  @Test
  void ignoredFieldsAreNotLookedAt() {
    RecordSchema schema = (RecordSchema) parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "junk", "type": "int", "order": "ignore"},
          {"name": "k", "type": "string", "order": "descending"}]}""");
    GenericComparator comparator = new GenericComparator(schema);
    assertThat(comparator.compare(rec(schema, "not even an int", "a"), rec(schema, null, "b"))).isEqualTo(1);
  }
}
