package io.lancaster.spark.stream;

import io.lancaster.spark.testing.LocalSpark;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a streaming file sink's output directory holds. Spark reads such a directory through its log
 * ({@code _spark_metadata}), which lists the files of committed batches only; these helpers also look at the
 * files themselves, to check that no file outside the log is left.
 */
final class SinkOutput {
  static final String LANCASTER = "lancaster";

  private SinkOutput() {}

  static Dataset<Row> read(Path out) {
    return LocalSpark.session().read().format(LANCASTER).load(out.toString());
  }

  /** The ids Spark reads, sorted, duplicates kept. */
  static List<Long> ids(Path out) {
    return read(out).select("id").orderBy("id").collectAsList().stream().map(r -> r.getLong(0)).toList();
  }

  static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  /** The data files the sink's log lists. */
  static List<Path> loggedFiles(Path out) {
    return Arrays.stream(read(out).inputFiles()).map(f -> Path.of(URI.create(f))).sorted().toList();
  }

  /** The data files on disk ({@code part-*}), logged or not. */
  static List<Path> partFiles(Path out) {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids Apache Avro Java reads from the logged files, sorted. */
  static List<Long> apacheIds(Path out) {
    List<Long> ids = new ArrayList<>();
    for (Path p : loggedFiles(out)) {
      try (DataFileReader<GenericRecord> r = new DataFileReader<>(new File(p.toString()),
          new GenericDatumReader<>())) {
        for (GenericRecord record : r) {
          ids.add((Long) record.get("id"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(p.toString(), e);
      }
    }
    ids.sort(null);
    return ids;
  }
}
