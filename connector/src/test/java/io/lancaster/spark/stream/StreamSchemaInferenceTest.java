package io.lancaster.spark.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * A streaming read without a schema: Spark refuses it unless {@code spark.sql.streaming.schemaInference} is on; then
 * the schema is Lancaster's inference from the files there when the query starts, and files added later with a newer
 * writer schema (fields reordered, one added) are read with it, each resolved by field name.
 */
class StreamSchemaInferenceTest {
  static final String INFERENCE = "spark.sql.streaming.schemaInference";

  @TempDir Path dir;

  /** Runs {@code body} with the inference conf set, then restores the conf as it was. */
  private static <T> T withInference(boolean on, Callable<T> body) throws Exception {
    RuntimeConfig conf = LocalSpark.session().conf();
    Option<String> before = conf.getOption(INFERENCE);
    conf.set(INFERENCE, Boolean.toString(on));
    try {
      return body.call();
    } finally {
      if (before.isDefined()) {
        conf.set(INFERENCE, before.get());
      } else {
        conf.unset(INFERENCE);
      }
    }
  }

  private Dataset<Row> stream() {
    return LocalSpark.session().readStream().format(SinkOutput.LANCASTER).load(dir.resolve("in").toString());
  }

  @Test
  void withoutInferenceAStreamingReadNeedsASchema() throws Exception {
    InputFiles.add(dir.resolve("in"), "f0", 0, 5);
    Throwable error = withInference(false, () -> catchThrowable(this::stream));
    assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Schema must be specified");
  }

  @Test
  void withInferenceTheStartingFilesGiveTheSchemaAndLaterFilesAreResolvedToIt() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    InputFiles.add(in, "f0", 0, 5);
    Dataset<Row> rows = withInference(true, this::stream);
    assertThat(rows.schema().fieldNames()).containsExactly("id", "name");
    assertThat(rows.schema().apply("id").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(rows.schema().apply("name").dataType()).isEqualTo(DataTypes.StringType);

    StreamingQuery q = rows.writeStream().format(SinkOutput.LANCASTER)
        .option("checkpointLocation", dir.resolve("checkpoint").toString()).trigger(Trigger.ProcessingTime(0))
        .start(out.toString());
    try {
      q.processAllAvailable();
      InputFiles.add(in, "f1", InputFiles.EVOLVED, 5, 10);
      q.processAllAvailable();
      InputFiles.add(in, "f2", 10, 15);
      q.processAllAvailable();
    } finally {
      q.stop();
    }
    assertThat(SinkOutput.ids(out)).isEqualTo(SinkOutput.range(0, 15));
    List<String> names = SinkOutput.read(out).orderBy("id").select("name").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(names).isEqualTo(SinkOutput.range(0, 15).stream().map(i -> "n" + i).toList());
    assertThat(SinkOutput.read(out).schema().fieldNames()).containsExactly("id", "name");
  }
}
