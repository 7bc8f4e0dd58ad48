package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose top-level schema is not a record (Kafka Connect writes {@code ["null","bytes"]}) reads as one column
 * named {@code value}. spark-avro rejects such files, so Lancaster's result is checked directly.
 */
class NonRecordSchemaReadTest {
  @TempDir Path dir;

  @Test
  void nullableBytesReadAsOneValueColumn() {
    Schema schema = Schema.parse("[\"null\",\"bytes\"]");
    AvroFiles.write(Writer.APACHE, dir.resolve("k.avro"), schema,
        Arrays.asList(Values.bytes(1, 2, 255), null, Values.bytes()));
    BothReaders.Outcome[] both = BothReaders.readBoth(dir.toString(), Map.of(), UnaryOperator.identity());
    assertThat(both[1].failed()).as("spark-avro rejects a non-record schema: %s", both[1]).isTrue();
    BothReaders.Outcome ours = both[0];
    assertThat(ours.failed()).as("%s", ours).isFalse();
    assertThat(ours.schema()).isEqualTo(new StructType().add("value", DataTypes.BinaryType, true));
    assertThat(ours.rows()).containsExactlyInAnyOrder("{0x}", "{0x0102ff}", "{null}");
  }

  @Test
  void stringReadsAsOneValueColumnAndFilters() {
    Schema schema = Schema.parse("\"string\"");
    AvroFiles.write(Writer.LANCASTER, dir.resolve("s.avro"), schema, List.of("a", "", "\uD83D\uDE00", "b"));
    BothReaders.Outcome ours = BothReaders.read(BothReaders.LANCASTER, dir.toString(), Map.of(),
        df -> df.filter("value <> 'b'"));
    assertThat(ours.failed()).as("%s", ours).isFalse();
    // a file source's columns are always nullable in Spark
    assertThat(ours.schema()).isEqualTo(new StructType().add("value", DataTypes.StringType, true));
    assertThat(ours.rows()).containsExactlyInAnyOrder("{\"a\"}", "{\"\"}", "{\"\uD83D\uDE00\"}");
    assertThat(BothReaders.read(BothReaders.LANCASTER, dir.toString(), Map.of(), df -> df.selectExpr("count(*)"))
        .rows()).containsExactly("{Long:4}");
  }
}
