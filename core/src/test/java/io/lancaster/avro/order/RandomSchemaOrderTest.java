package io.lancaster.avro.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.testing.RandomData;
import io.lancaster.avro.testing.RandomSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.api.Test;

/**
 * The sort order on random schemas (every type, random field orders, recursion, logical types, maps anywhere): both
 * comparators agree with Apache Avro on every pair, including on which pairs cannot be compared because a map is
 * reached.
 */
class RandomSchemaOrderTest {
  private static final int SCHEMAS = 80;
  private static final int VALUES = 10;
  private static final int MAP_REACHED = 2; // not a comparison result

  @Test
  void agreesWithApacheAvroOnRandomSchemas() throws IOException {
    Random random = new Random(424242);
    RandomSchemas schemas = new RandomSchemas();
    RandomData data = new RandomData(4, 4);
    int refusedUpFront = 0;
    int mapPairs = 0;
    int comparedPairs = 0;
    for (int n = 0; n < SCHEMAS; n++) {
      Schema schema = schemas.next(random);
      ApacheOrder apache = new ApacheOrder(schema.toString());
      List<Object> values = new ArrayList<>();
      List<byte[]> encoded = new ArrayList<>();
      List<Object> apacheValues = new ArrayList<>();
      GenericDatumWriter writer = new GenericDatumWriter(schema);
      for (int i = 0; i < VALUES; i++) {
        Object v = data.next(schema, random);
        BufferEncoder out = new BufferEncoder();
        writer.write(v, out);
        values.add(v);
        encoded.add(out.toByteArray());
        apacheValues.add(apache.decode(out.toByteArray()));
      }

      BinaryComparator binary;
      GenericComparator generic;
      try {
        binary = new BinaryComparator(schema);
        generic = new GenericComparator(schema);
      } catch (UncomparableException e) {
        refusedUpFront++;
        // Refused only when comparing would always fail: Apache Avro must fail on every pair.
        for (int i = 0; i < VALUES; i++) {
          for (int j = 0; j < VALUES; j++) {
            if (i != j) { // Apache Avro answers 0 for a value compared with itself, before looking at it
              assertThat(apacheOrMap(apache, apacheValues.get(i), apacheValues.get(j))).as("schema %s", schema)
                  .isEqualTo(MAP_REACHED);
            }
          }
        }
        continue;
      }
      for (int i = 0; i < VALUES; i++) {
        for (int j = 0; j < VALUES; j++) {
          if (i == j) {
            continue;
          }
          int expected = apacheOrMap(apache, apacheValues.get(i), apacheValues.get(j));
          int b = i;
          int c = j;
          assertThat(oursOrMap(() -> binary.compare(encoded.get(b), encoded.get(c))))
              .as("binary, schema %s\n x = %s\n y = %s", schema, values.get(i), values.get(j)).isEqualTo(expected);
          assertThat(oursOrMap(() -> generic.compare(values.get(b), values.get(c))))
              .as("generic, schema %s\n x = %s\n y = %s", schema, values.get(i), values.get(j)).isEqualTo(expected);
          if (expected == MAP_REACHED) {
            mapPairs++;
          } else {
            comparedPairs++;
          }
        }
      }
    }
    assertThat(comparedPairs).isGreaterThan(SCHEMAS * VALUES * 4);
    assertThat(mapPairs + refusedUpFront).as("random schemas should reach maps now and then").isPositive();
  }

  private static int apacheOrMap(ApacheOrder apache, Object x, Object y) {
    try {
      return apache.specCompare(x, y);
    } catch (AvroRuntimeException e) {
      assertThat(e).hasMessage("Can't compare maps!");
      return MAP_REACHED;
    }
  }

  private static int oursOrMap(java.util.function.IntSupplier comparison) {
    try {
      return comparison.getAsInt();
    } catch (UncomparableException e) {
      return MAP_REACHED;
    }
  }
}
