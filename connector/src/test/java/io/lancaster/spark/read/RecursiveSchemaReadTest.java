package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A recursive schema: cut at recursiveFieldMaxDepth 1..3 as spark-avro cuts it; without the option both fail. */
class RecursiveSchemaReadTest {
  static final Schema SCHEMA = Schema.parse("""
      {"type":"record","name":"Node","fields":[
        {"name":"v","type":"int"},
        {"name":"next","type":["null","Node"]},
        {"name":"kids","type":{"type":"array","items":"Node"}},
        {"name":"label","type":"string"}
      ]}""");

  @TempDir Path dir;

  /** A node whose chain of {@code next} is {@code length} long and whose first kid list holds one leaf. */
  private static Object chain(int v, int length) {
    Object next = length == 0 ? null : chain(v + 1, length - 1);
    List<Object> kids = length % 2 == 0 ? List.of() : List.of(Values.record(SCHEMA, -v, null, List.of(), "leaf"));
    return Values.record(SCHEMA, v, next, kids, "n" + v);
  }

  @Test
  void recursiveSchemaFailsWithoutTheOptionInBoth() {
    AvroFiles.write(Writer.LANCASTER, dir.resolve("rec.avro"), SCHEMA, List.of(chain(0, 2)));
    BothReaders.Outcome ours = BothReaders.assertAlike("no option", dir.toString(), Map.of(), df -> df);
    assertThat(ours.failed()).isTrue();
    assertThat(Causes.messages(ours.failure())).contains("recursiveFieldMaxDepth");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void recursiveSchemaIsCutAtTheConfiguredDepthAsInSparkAvro(int depth) {
    List<Object> rows = new ArrayList<>();
    for (int length = 0; length < 5; length++) {
      rows.add(chain(length * 10, length));
    }
    AvroFiles.write(Writer.APACHE, dir.resolve("rec.avro"), SCHEMA, rows);
    BothReaders.Outcome ours = BothReaders.assertSameRead("depth " + depth, dir.toString(),
        Map.of("recursiveFieldMaxDepth", Integer.toString(depth)));
    assertThat(ours.rows()).hasSize(5);
    assertThat(ours.schema().getFieldIndex("next").isDefined()).as("next is cut at depth 1").isEqualTo(depth > 1);
  }

  static final Schema UNION_CUT = Schema.parse("""
      {"type":"record","name":"Expr","fields":[
        {"name":"op","type":"string"},
        {"name":"arg","type":["null","long","Expr"]}
      ]}""");

  /**
   * A recursion cut inside a multi-type union drops the cut member from the union's struct. spark-avro infers that
   * schema but its deserializer then rejects the file against it; Lancaster reads it (a spark-avro limitation, so
   * Lancaster's result is checked directly).
   */
  @Test
  void recursionCutInsideAUnionReadsWhereSparkAvroFails() {
    Object leaf = Values.record(UNION_CUT, "lit", 7L);
    Object neg = Values.record(UNION_CUT, "neg", leaf);
    AvroFiles.write(Writer.LANCASTER, dir.resolve("expr.avro"), UNION_CUT,
        Arrays.asList(leaf, neg, Values.record(UNION_CUT, "nil", null)));
    Map<String, String> options = Map.of("recursiveFieldMaxDepth", "1");
    BothReaders.Outcome[] both = BothReaders.readBoth(dir.toString(), options, UnaryOperator.identity());
    assertThat(both[1].failed()).as("spark-avro: %s", both[1]).isTrue();
    assertThat(Causes.messages(both[1].failure())).contains("Cannot convert Avro type");
    BothReaders.Outcome ours = both[0];
    assertThat(ours.failed()).as("%s", ours).isFalse();
    assertThat(ours.schema().simpleString()).isEqualTo("struct<op:string,arg:struct<member0:bigint>>");
    // the cut member reads as a struct with no member set
    assertThat(ours.rows()).containsExactlyInAnyOrder("{\"lit\", {Long:7}}", "{\"neg\", {null}}",
        "{\"nil\", null}");
  }
}
