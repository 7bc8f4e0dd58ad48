package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unreadable files and bad data: every file command exits 1 with exactly one line on standard error,
 * {@code lancaster: <file>: <message>}, the message saying what is wrong and where.
 */
class BadFileTest {
  private static final List<String> FILE_COMMANDS = List.of("tojson", "getschema", "getmeta", "count");

  @TempDir
  Path dir;

  private static Cli.Result assertOneLineError(Path file, String... args) {
    return assertOneLineError(file.toString(), null, args);
  }

  private static Cli.Result assertOneLineError(String file, byte[] stdin, String... args) {
    Cli.Result r = stdin == null ? Cli.run(args) : Cli.runWithStdin(stdin, args);
    assertThat(r.exitCode()).as("%s: %s", String.join(" ", args), r.err()).isEqualTo(1);
    assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
    assertThat(r.err()).startsWith("lancaster: " + file + ": ").doesNotContain("Exception");
    return r;
  }

  @Test
  void aMissingFile() {
    Path missing = dir.resolve("nope.avro");
    for (String command : FILE_COMMANDS) {
      Cli.Result r = assertOneLineError(missing, command, missing.toString());
      assertThat(r.err()).isEqualTo("lancaster: " + missing + ": no such file\n");
      assertThat(r.out()).isEmpty();
    }
    assertThat(assertOneLineError(missing, "fingerprint", missing.toString()).err()).endsWith(": no such file\n");
  }

  @Test
  void aDirectory() {
    for (String command : FILE_COMMANDS) {
      assertThat(assertOneLineError(dir, command, dir.toString()).err()).endsWith(": is a directory\n");
    }
  }

  @Test
  void aFileThatIsNotAnAvroContainerFile() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, world\n");
    for (String command : FILE_COMMANDS) {
      assertThat(assertOneLineError(text, command, text.toString()).err())
          .contains("not an Avro object container file");
    }
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);
    assertThat(assertOneLineError(empty, "count", empty.toString()).err())
        .contains("not an Avro object container file");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.002, 0.01, 0.5, 0.999})
  void aTruncatedFile(double keep) throws IOException {
    byte[] whole = Files.readAllBytes(TestFiles.lancasterFile(dir, 2000));
    Path cut = Files.write(dir.resolve("cut.avro"), Arrays.copyOf(whole, (int) (whole.length * keep)));
    for (String command : List.of("tojson", "count")) {
      assertThat(assertOneLineError(cut, command, cut.toString()).err()).contains("truncated");
    }
    assertOneLineError("-", Files.readAllBytes(cut), "count", "-");
  }

  @Test
  void aDamagedSyncMarkerNamesTheBlockAndItsOffset() throws IOException {
    Path file = TestFiles.lancasterFile(dir, 2000);
    byte[] bytes = Files.readAllBytes(file);
    byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
    int headerEnd = indexOf(bytes, sync, 0) + 16;
    int afterBlock0 = indexOf(bytes, sync, headerEnd);
    bytes[afterBlock0 + 5] ^= 0x55;
    Path damaged = Files.write(dir.resolve("damaged.avro"), bytes);
    for (String command : List.of("tojson", "count")) {
      assertThat(assertOneLineError(damaged, command, damaged.toString()).err())
          .contains("sync marker").contains("block 0").contains("offset " + headerEnd);
    }
    // The header is intact: the schema and metadata still print.
    assertThat(Cli.run("getschema", damaged.toString()).exitCode()).isZero();
  }

  @Test
  void badRecordDataFailsTojsonButNotCountWhichDecodesNoRecord() throws IOException {
    EnumSchema schema = (EnumSchema) Schema.parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");
    Path file = dir.resolve("enum.avro");
    try (DataFileWriter<Object> w = DataFileWriter.generic().create(schema, file)) {
      for (int i = 0; i < 100; i++) {
        w.append(new GenericEnum(schema, "B"));
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
    int dataStart = indexOf(bytes, sync, 0) + 16 + 2 + 2; // count 100 and size 100 take two varint bytes each
    for (int i = dataStart + 40; i < dataStart + 100; i++) {
      bytes[i] = 0x7e; // ordinal 63 of an enum of 2 symbols
    }
    Path bad = Files.write(dir.resolve("bad-enum.avro"), bytes);

    Cli.Result tojson = assertOneLineError(bad, "tojson", bad.toString());
    assertThat(tojson.err()).contains("block 0");
    assertThat(tojson.outLines()).hasSize(40).allMatch(l -> l.equals("\"B\""));

    Cli.Result count = Cli.run("count", bad.toString());
    assertThat(count.exitCode()).isZero();
    assertThat(count.out()).isEqualTo("100\n");
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    for (int i = from; i <= data.length - pattern.length; i++) {
      if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    throw new AssertionError("pattern not found");
  }
}
