package io.lancaster.avro.file;

import static io.lancaster.avro.file.FileTestData.assertSameRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.CanonicalForm;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.testing.SharedTestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apache Avro's cross-language test files (share/test/data) read in Lancaster: the weather files hold the records
 * of weather.json, and every file reads to the values Apache Avro Java reads from it.
 */
class ApacheTestFilesTest {
  private static Path data() {
    return SharedTestData.apacheAvro().resolve("data");
  }

  private static List<Object> read(Path file) throws IOException {
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      List<Object> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(r.next());
      }
      return out;
    }
  }

  private static List<Object> readAsStream(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DataFileReader<Object> r = DataFileReader.open(in, file.toString())) {
      List<Object> out = new ArrayList<>();
      r.forEach(out::add);
      return out;
    }
  }

  /** The records of weather.json (one JSON object per line), as generic records of {@code schema}. */
  private static List<Object> weatherJson(RecordSchema schema) throws IOException {
    List<Object> out = new ArrayList<>();
    for (String line : Files.readAllLines(data().resolve("weather.json"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Map<?, ?> json = (Map<?, ?>) Json.parse(line);
      out.add(new GenericRecord(schema)
          .put("station", json.get("station"))
          .put("time", json.get("time"))
          .put("temp", Math.toIntExact((Long) json.get("temp"))));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"weather.avro, null", "weather-deflate.avro, deflate", "weather-snappy.avro, snappy",
      "weather-zstd.avro, zstandard"})
  void weatherFilesHoldTheRecordsOfWeatherJson(String name, String codec) throws IOException {
    Path file = data().resolve(name);
    Schema expectedSchema = new SchemaParser().parse(SharedTestData.apacheAvro().resolve("schemas/weather.avsc"));
    List<Object> records;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      assertThat(r.codecName()).isEqualTo(codec);
      // The files were written with the schema before "order": "ignore" was added to weather.avsc.
      assertThat(CanonicalForm.of(r.schema())).isEqualTo(CanonicalForm.of(expectedSchema));
      records = new ArrayList<>();
      r.forEach(records::add);
    }
    List<Object> expected = weatherJson((RecordSchema) expectedSchema);
    assertThat(expected).hasSize(5);
    assertThat(records).isEqualTo(expected);
    assertThat(readAsStream(file)).isEqualTo(expected);
  }

  @Test
  void sortedWeatherFileHoldsTheSameRecordsInSortOrder() throws IOException {
    Path file = data().resolve("weather-sorted.avro");
    List<Object> records = read(file);
    RecordSchema schema;
    try (DataFileReader<Object> r = DataFileReader.open(file)) {
      schema = (RecordSchema) r.schema();
    }
    // station has "order": "ignore", so the sort order is by time, then temp.
    Comparator<Object> order = Comparator.comparingLong((Object o) -> (Long) ((GenericRecord) o).get("time"))
        .thenComparingInt(o -> (Integer) ((GenericRecord) o).get("temp"));
    assertThat(records).isSortedAccordingTo(order);
    List<Object> expected = new ArrayList<>(weatherJson(schema));
    expected.sort(order);
    assertThat(records).containsExactlyElementsOf(expected);
  }

  @Test
  void syncInMetaFileReadsFullyAsApacheAvroReadsIt() throws IOException {
    Path file = data().resolve("syncInMeta.avro");
    byte[] bytes = Files.readAllBytes(file);
    List<Object> expected = FileTestData.readApache(bytes);
    assertThat(expected).isNotEmpty();
    List<Object> records = read(file);
    assertSameRecords(expected, records);
    assertSameRecords(expected, readAsStream(file));
  }

  @Test
  void avro12FileReadsAsApacheAvroReadsIt() throws IOException {
    Path file = data().resolve("test.avro12");
    List<Object> expected = new ArrayList<>();
    // Apache Avro's openReader recognises the 1.2 format by its magic and reads it with DataFileReader12.
    try (org.apache.avro.file.FileReader<Object> r = org.apache.avro.file.DataFileReader.openReader(
        new org.apache.avro.file.SeekableFileInput(file.toFile()), new GenericDatumReader<>())) {
      r.forEach(expected::add);
    }
    List<Object> records = new ArrayList<>();
    try (LegacyDataFileReader<Object> r = LegacyDataFileReader.open(file)) {
      assertThat(r.metaString("codec")).isEqualTo("null");
      assertThat(r.schema().toString()).contains("stringField");
      while (r.hasNext()) {
        records.add(r.next());
      }
      assertThat(records).hasSize(Integer.parseInt(r.metaString("count")));
    }
    assertThat(expected).hasSize(100);
    assertSameRecords(expected, records);
  }

  @Test
  void avro12FileIsRecognisedByTheCurrentReader() {
    Path file = data().resolve("test.avro12");
    assertThatThrownBy(() -> DataFileReader.open(file))
        .isInstanceOf(AvroDataException.class)
        .hasMessageContaining("Avro 1.2 container file")
        .hasMessageContaining("LegacyDataFileReader")
        .hasMessageContaining(file.toString());
  }

  @Test
  void schemaDirectoriesReadAsApacheAvroReadsThem() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(data().resolve("schemas"))) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).isNotEmpty();
    for (Path dir : dirs) {
      Path file = dir.resolve("data.avro");
      List<Object> expected = FileTestData.readApache(Files.readAllBytes(file));
      assertThat(expected).as(dir.toString()).isNotEmpty();
      assertSameRecords(expected, read(file));
      try (DataFileReader<Object> r = DataFileReader.open(file)) {
        Schema declared = SchemaParser.lenient().parse(dir.resolve("schema.json"));
        assertThat(r.schema()).as(dir.toString()).isEqualTo(declared);
      }
    }
  }

  @Test
  void everyAvroFileInTheDataDirectoryReadsAsApacheAvroReadsIt() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(data())) {
      files = s.filter(p -> Files.isRegularFile(p) && startsWithMagic(p)).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path file : files) {
      List<Object> expected = FileTestData.readApache(Files.readAllBytes(file));
      try {
        assertSameRecords(expected, read(file));
      } catch (AssertionError e) {
        throw new AssertionError(file + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean startsWithMagic(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] magic = in.readNBytes(4);
      return java.util.Arrays.equals(magic, DataFileFormat.MAGIC);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
