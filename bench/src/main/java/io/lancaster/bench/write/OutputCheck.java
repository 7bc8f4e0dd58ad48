package io.lancaster.bench.write;

import static org.apache.spark.sql.functions.bit_xor;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import io.lancaster.avro.file.DataFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks a writer's output, untimed: its Avro files carry the codec asked for, and read back with
 * {@code format("lancaster")} they hold the source's rows: the same count and the same checksum (the XOR of
 * every row's hash, so row order does not matter).
 */
public final class OutputCheck {
  private static final String LANCASTER = BenchWriter.LANCASTER.format();

  private final SparkSession spark;
  private final String[] columns;
  private final Fingerprint expected;

  /** The count and checksum of the rows in {@code source}, the rows every output must hold. */
  public OutputCheck(Dataset<Row> source) {
    this.spark = source.sparkSession();
    this.columns = source.columns();
    this.expected = fingerprint(source);
  }

  /** The problems with {@code writer}'s output in {@code dir}, written with {@code codec}; empty if none. */
  public List<String> problems(BenchWriter writer, WriteCodec codec, Path dir) throws IOException {
    List<String> problems = new ArrayList<>();
    String what = writer.label() + " with " + codec.option();
    List<Path> files = avroFiles(dir);
    if (files.isEmpty()) {
      return List.of(what + " wrote no .avro file in " + dir);
    }
    for (Path f : files) {
      try (DataFileReader<Object> reader = DataFileReader.open(f)) {
        if (!codec.avroName().equals(reader.codecName())) {
          problems.add(what + " wrote " + f.getFileName() + " with codec " + reader.codecName() + ", not "
              + codec.avroName());
        }
      }
    }
    Fingerprint read = fingerprint(spark.read().format(LANCASTER).load(dir.toString()));
    if (read.rows() != expected.rows()) {
      problems.add(what + ": " + read.rows() + " rows read back, " + expected.rows() + " written");
    } else if (!Objects.equals(read.checksum(), expected.checksum())) {
      problems.add(what + ": the rows read back differ from the rows written (checksum " + read.checksum()
          + ", expected " + expected.checksum() + ")");
    }
    return problems;
  }

  /** The data files of an output, without Spark's {@code _SUCCESS} and checksum files. */
  public static List<Path> avroFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".avro")).sorted()
          .toList();
    }
  }

  private Fingerprint fingerprint(Dataset<Row> rows) {
    Column[] cols = Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new);
    Row r = rows.agg(count(lit(1)), bit_xor(xxhash64(cols))).first();
    return new Fingerprint(r.getLong(0), r.get(1));
  }

  private record Fingerprint(long rows, Object checksum) {}
}
