package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import io.lancaster.spark.testing.LocalSpark;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrupt files: a deflate block with flipped bytes, a truncated file, a file that is not Avro at all. Reading fails
 * with an error that names the file and the block; with {@code ignoreCorruptFiles} the good files are read and the
 * corrupt one skipped, as in spark-avro.
 */
class CorruptFileReadTest {
  static final Schema ROW = Schema.parse("""
      {"type":"record","name":"Row","fields":[{"name":"id","type":"long"},{"name":"s","type":"string"}]}""");
  private static final int GOOD_ROWS = 2 * 300;
  private static final String GOOD_COUNT_AND_SUM = "{Long:" + GOOD_ROWS + ", Long:" + GOOD_ROWS * (GOOD_ROWS - 1L) / 2
      + "}";
  private static final UnaryOperator<Dataset<Row>> COUNT =
      df -> df.selectExpr("count(*)", "sum(id)");

  @TempDir Path dir;

  private static List<Object> rows(long from, int count) {
    List<Object> out = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      out.add(Values.record(ROW, i, "row number " + i + " of a file that compresses well"));
    }
    return out;
  }

  /** Two good files (ids 0..599) and a one-block deflate file of 2,000 rows (ids from 10,000) to damage. */
  private Path withGoodFilesAnd(String badName) {
    AvroFiles.write(Writer.LANCASTER, dir.resolve("t/good1.avro"), ROW, rows(0, 300));
    AvroFiles.write(Writer.APACHE, dir.resolve("t/good2.avro"), ROW, rows(300, 300));
    return AvroFiles.write(Writer.LANCASTER, dir.resolve("t").resolve(badName), ROW, rows(10_000, 2000), "deflate",
        0);
  }

  private static void flipBytesInTheMiddle(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
      bytes[i] ^= 0x5A;
    }
    Files.write(file, bytes);
  }

  private static void truncate(Path file, double keep) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate((long) (ch.size() * keep));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"flipped", "truncated"})
  void corruptBlockFailsNamingTheFileAndTheBlock(String damage) throws IOException {
    Path bad = withGoodFilesAnd("bad.avro");
    if (damage.equals("flipped")) {
      flipBytesInTheMiddle(bad);
    } else {
      truncate(bad, 0.6);
    }
    BothReaders.Outcome ours = BothReaders.assertAlike(damage, dir.resolve("t").toString(), Map.of(), COUNT);
    assertThat(ours.failed()).as("%s", ours).isTrue();
    AvroDataException cause = lancasterCause(ours.failure());
    assertThat(cause.file()).as(Causes.messages(ours.failure())).endsWith("bad.avro");
    assertThat(cause.block()).isZero();
    assertThat(cause.offset()).isPositive();
    assertThat(cause.getMessage()).contains("bad.avro", "block 0", "offset " + cause.offset());
  }

  private static AvroDataException lancasterCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof AvroDataException a) {
        return a;
      }
    }
    throw new AssertionError("no AvroDataException in " + Causes.messages(t), t);
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated", "not avro"})
  void ignoreCorruptFilesReadsTheGoodFilesAsSparkAvro(String damage) throws IOException {
    Path bad = withGoodFilesAnd("bad.avro");
    if (damage.equals("truncated")) {
      truncate(bad, 0.6);
    } else {
      Files.writeString(bad, "id,s\n1,this is a CSV file named .avro\n");
    }
    String path = dir.resolve("t").toString();
    BothReaders.Outcome failing = BothReaders.assertAlike(damage, path, Map.of(), COUNT);
    assertThat(failing.failed()).as("without ignoreCorruptFiles: %s", failing).isTrue();
    BothReaders.Outcome ours = BothReaders.assertSameRead(damage, path, Map.of("ignoreCorruptFiles", "true"), COUNT);
    assertThat(ours.rows()).containsExactly(GOOD_COUNT_AND_SUM);
  }

  /**
   * A deliberate difference: in a block whose deflate bytes are damaged, spark-avro returns the records decoded
   * before the damage is detected (Spark keeps what a corrupt file gave before failing); Lancaster decodes a block
   * into a batch and drops the whole block.
   */
  @Test
  void ignoreCorruptFilesDropsADamagedBlockWhole() throws IOException {
    flipBytesInTheMiddle(withGoodFilesAnd("bad.avro"));
    String path = dir.resolve("t").toString();
    Map<String, String> ignore = Map.of("ignoreCorruptFiles", "true");
    BothReaders.Outcome ours = BothReaders.read(BothReaders.LANCASTER, path, ignore, COUNT);
    assertThat(ours.rows()).as("%s", ours).containsExactly(GOOD_COUNT_AND_SUM);
    BothReaders.Outcome theirs = BothReaders.read(LocalSpark.SPARK_AVRO, path,
        ignore, df -> df.selectExpr("count(*)"));
    long count = Long.parseLong(theirs.rows().get(0).replaceAll("[^0-9]", ""));
    assertThat(count).as("spark-avro: %s", theirs).isBetween((long) GOOD_ROWS, GOOD_ROWS + 2000L);
  }

  @Test
  void ignoreCorruptFilesSkipsAnUnreadableFileWhenInferringTheSchema() throws IOException {
    Path bad = withGoodFilesAnd("bad.avro");
    Files.write(bad, new byte[] {'O', 'b', 'j', 1, 7, 7}); // a header cut short
    // files given one by one are listed in that order: schema inference meets the bad one first
    List<String> paths = List.of(bad.toString(), dir.resolve("t/good1.avro").toString(),
        dir.resolve("t/good2.avro").toString());
    BothReaders.Outcome[] failing = BothReaders.readBoth(paths, Map.of(), COUNT);
    BothReaders.assertAlike("header", failing[0], failing[1]);
    assertThat(failing[0].failed()).as("without ignoreCorruptFiles: %s", failing[0]).isTrue();
    assertThat(Causes.messages(failing[0].failure())).contains("bad.avro");
    BothReaders.Outcome[] both = BothReaders.readBoth(paths, Map.of("ignoreCorruptFiles", "true"), COUNT);
    BothReaders.Outcome ours = BothReaders.assertAlike("header", both[0], both[1]);
    assertThat(ours.rows()).as("%s", ours).containsExactly(GOOD_COUNT_AND_SUM);
  }
}
