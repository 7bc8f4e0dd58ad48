package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lancaster getmeta}: every metadata entry as key TAB value, in file order, printed safely. */
class GetMetaTest {
  @TempDir
  Path dir;

  @Test
  void printsSchemaCodecAndUserMetadataInFileOrder() throws IOException {
    Path file = dir.resolve("meta.avro");
    Schema schema = Schema.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    DataFileWriter.generic()
        .setCodec(CodecFactory.deflate(1))
        .setMeta("owner", "data team")
        .setMeta("rows.expected", 12)
        .create(schema, file)
        .close(); // no records: the header is what matters
    Cli.Result r = Cli.run("getmeta", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).containsExactlyInAnyOrder(
        "avro.schema\t{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
        "avro.codec\tdeflate",
        "owner\tdata team",
        "rows.expected\t12");
    assertThat(r.outLines()).containsSubsequence("owner\tdata team", "rows.expected\t12");
  }

  @Test
  void escapesControlCharactersAndBinaryValues() throws IOException {
    Path file = dir.resolve("binary.avro");
    ApacheAvro.write(file, new org.apache.avro.Schema.Parser().parse("\"int\""), List.of(), 
        org.apache.avro.file.CodecFactory.nullCodec(), java.util.Map.of(
            "text", "tab\there\nnew line \\ caf\u00e9 \u001b[31m".getBytes(StandardCharsets.UTF_8),
            "binary", new byte[] {0, (byte) 0xff, 'a', '\\', (byte) 0xc3}),
        4096);
    Cli.Result r = Cli.run("getmeta", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines())
        .contains("text\ttab\\there\\nnew line \\\\ caf\u00e9 \\u001b[31m")
        .contains("binary\t\\x00\\xffa\\\\\\xc3")
        .contains("avro.codec\tnull");
    assertThat(r.outLines()).hasSize(4);
  }

  @Test
  void printsTheMetadataOfAFileWhoseMetadataHoldsItsSyncMarker() throws IOException {
    Path file = TestData.apacheAvro().resolve("data/syncInMeta.avro");
    Cli.Result r = Cli.run("getmeta", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> keys;
    try (DataFileReader<Object> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      keys = reader.getMetaKeys();
    }
    assertThat(r.outLines()).hasSameSizeAs(keys);
    assertThat(r.outLines()).allSatisfy(line -> {
      assertThat(line.chars().filter(c -> c == '\t')).hasSize(1);
      assertThat(line.chars().filter(c -> c < 0x20 && c != '\t')).isEmpty();
    });
    assertThat(r.outLines().stream().map(l -> l.substring(0, l.indexOf('\t'))).toList())
        .containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void readsStandardInput() throws IOException {
    Path file = TestFiles.apacheFile(dir, "deflate", 2);
    Cli.Result r = Cli.runWithStdin(Files.readAllBytes(file), "getmeta", "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).contains("avro.codec\tdeflate", "user.note\twritten by Apache Avro");
  }
}
