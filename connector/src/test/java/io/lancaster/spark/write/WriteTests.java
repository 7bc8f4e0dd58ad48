package io.lancaster.spark.write;

import io.lancaster.spark.testing.LocalSpark;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.Row;
import scala.Option;

/** Helpers of the write tests: confs set for a block, the files of an output directory, rows as comparable text. */
final class WriteTests {
  static final String LANCASTER = "lancaster";

  private WriteTests() {}

  /** Runs {@code body} with session confs set, then restores each to its previous value (or unsets it). */
  static <T> T withConfs(Map<String, String> confs, Callable<T> body) throws Exception {
    return io.lancaster.spark.testing.SparkConfs.with(confs, body);
  }

  /** The data files under an output directory (recursively, partition directories included), sorted by path. */
  static List<Path> dataFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Apache Avro Java reads from the files of a directory: the writer schemas and the records. */
  record ApacheRead(List<org.apache.avro.Schema> schemas, List<GenericRecord> records,
      List<Map<String, String>> metadata) {}

  static ApacheRead readApache(Path dir) {
    List<org.apache.avro.Schema> schemas = new ArrayList<>();
    List<GenericRecord> records = new ArrayList<>();
    List<Map<String, String>> metadata = new ArrayList<>();
    for (Path p : dataFiles(dir)) {
      try (DataFileReader<GenericRecord> r = new DataFileReader<>(new File(p.toString()),
          new GenericDatumReader<>())) {
        schemas.add(r.getSchema());
        Map<String, String> meta = new TreeMap<>();
        for (String key : r.getMetaKeys()) {
          meta.put(key, r.getMetaString(key));
        }
        metadata.add(meta);
        while (r.hasNext()) {
          records.add(r.next());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(p.toString(), e);
      }
    }
    return new ApacheRead(schemas, records, metadata);
  }

  /** Records sorted by their text (Avro Java's JSON-like toString), for comparing writes whatever the row order. */
  static List<GenericRecord> sorted(List<GenericRecord> records) {
    List<GenericRecord> copy = new ArrayList<>(records);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }

  /** Collected rows as sorted text that spells every value exactly (binary as hex, map entries sorted by key). */
  static List<String> canonical(List<Row> rows) {
    return io.lancaster.spark.testing.Canonical.rows(rows);
  }


  /** The messages of a throwable and its causes, outermost first. */
  static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
