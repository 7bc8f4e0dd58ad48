package io.lancaster.avro.message;

import static io.lancaster.avro.message.MessageSchemas.V1;
import static io.lancaster.avro.message.MessageSchemas.V1_JSON;
import static io.lancaster.avro.message.MessageSchemas.V2;
import static io.lancaster.avro.message.MessageSchemas.V2_JSON;
import static io.lancaster.avro.message.MessageSchemas.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InMemorySchemaStore} and {@link DirectorySchemaStore}: lookups by fingerprint, loading, refreshing. */
class SchemaStoreTest {
  private static final String V3_JSON = V2_JSON.replace("\"name\":\"name\",\"type\":\"string\"",
      "\"name\":\"name\",\"type\":[\"string\",\"null\"]");

  @TempDir
  Path dir;

  @Test
  void inMemoryStoreFindsWhatWasAdded() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    assertThat(store.findByFingerprint(Fingerprints.crc64(V1))).isNull();
    long fp = store.add(V1);
    assertThat(fp).isEqualTo(Fingerprints.crc64(V1));
    assertThat(store.findByFingerprint(fp)).isSameAs(V1);
    assertThat(store.findByFingerprint(Fingerprints.crc64(V2))).isNull();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void inMemoryStoreKeepsTheFirstOfSchemasWithOneCanonicalForm() {
    Schema documented = new SchemaParser().parse(V1_JSON.replace("\"name\":\"User\",",
        "\"name\":\"User\",\"doc\":\"a user\","));
    InMemorySchemaStore store = new InMemorySchemaStore(V1);
    assertThat(store.add(documented)).isEqualTo(Fingerprints.crc64(V1));
    assertThat(store.findByFingerprint(Fingerprints.crc64(V1))).isSameAs(V1);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void inMemoryStoreTakesSchemasFromManyThreads() throws Exception {
    List<Schema> schemas = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      schemas.add(new SchemaParser().parse(V1_JSON.replace("\"User\"", "\"User" + i + "\"")));
    }
    InMemorySchemaStore store = new InMemorySchemaStore();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        tasks.add(() -> {
          for (int i = first; i < schemas.size(); i += 2) { // every schema added by two threads
            store.add(schemas.get(i));
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.size()).isEqualTo(64);
    for (Schema s : schemas) {
      assertThat(store.findByFingerprint(Fingerprints.crc64(s))).isSameAs(s);
    }
  }

  @Test
  void directoryStoreLoadsEveryAvscFileOfTheDirectoryOnly() throws IOException {
    write("user-v1.avsc", V1_JSON);
    write("user-v2.avsc", V2_JSON);
    write("notes.txt", "not a schema");
    write("user-v3.avsc.bak", V3_JSON);
    Files.createDirectory(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested").resolve("v3.avsc"), V3_JSON);
    Files.createDirectory(dir.resolve("folder.avsc"));

    DirectorySchemaStore store = new DirectorySchemaStore(dir);
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.directory()).isEqualTo(dir);
    assertThat(store.findByFingerprint(Fingerprints.crc64(V1))).isEqualTo(V1);
    assertThat(store.findByFingerprint(Fingerprints.crc64(V2))).isEqualTo(V2);
    assertThat(store.findByFingerprint(Fingerprints.crc64(new SchemaParser().parse(V3_JSON)))).isNull();
  }

  @Test
  void directoryStoreFeedsADecoder() throws IOException {
    write("user-v1.avsc", V1_JSON);
    byte[] message = new SingleObjectEncoder(V1).encode(v1(9, "Zed", "RED", "gone"));
    GenericRecord r = (GenericRecord) new SingleObjectDecoder(V2, new DirectorySchemaStore(dir)).decode(message);
    assertThat(r).isEqualTo(MessageSchemas.v2(9, "Zed", null, "RED"));
  }

  @Test
  void fileThatFailsToParseIsNamed() throws IOException {
    write("good.avsc", V1_JSON);
    Path bad = write("broken.avsc", "{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"x\"}]}");
    assertThatThrownBy(() -> new DirectorySchemaStore(dir)).isInstanceOf(SchemaParseException.class)
        .hasMessageContaining(bad.toString()).hasMessageContaining("does not hold a valid schema");
    Files.writeString(bad, "{not json");
    assertThatThrownBy(() -> new DirectorySchemaStore(dir)).isInstanceOf(SchemaParseException.class)
        .hasMessageContaining(bad.toString());
    Files.write(bad, new byte[] {'"', (byte) 0xFF, (byte) 0xFE, '"'});
    assertThatThrownBy(() -> new DirectorySchemaStore(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(bad.toString());
  }

  @Test
  void parserSupplierDecidesHowStrictLoadingIs() throws IOException {
    String invalidName = V1_JSON.replace("\"name\":\"User\"", "\"name\":\"user-record\"");
    write("legacy.avsc", invalidName);
    assertThatThrownBy(() -> new DirectorySchemaStore(dir)).isInstanceOf(SchemaParseException.class)
        .hasMessageContaining("legacy.avsc");
    DirectorySchemaStore lenient = new DirectorySchemaStore(dir, SchemaParser::lenient);
    assertThat(lenient.findByFingerprint(Fingerprints.crc64(SchemaParser.lenient().parse(invalidName))))
        .isNotNull();
  }

  @Test
  void missingDirectoryIsAnIoError() {
    Path absent = dir.resolve("absent");
    assertThatThrownBy(() -> new DirectorySchemaStore(absent)).isInstanceOf(IOException.class)
        .hasMessageContaining(absent.toString());
  }

  @Test
  void refreshSeesNewFilesAndADecoderThenFindsTheirSchemas() throws IOException {
    write("user-v2.avsc", V2_JSON);
    DirectorySchemaStore store = new DirectorySchemaStore(dir);
    SingleObjectDecoder decoder = new SingleObjectDecoder(V2, store);
    byte[] v1message = new SingleObjectEncoder(V1).encode(v1(1, "a", "GREEN", ""));
    assertThatThrownBy(() -> decoder.decode(v1message)).isInstanceOf(MissingSchemaException.class);

    write("user-v1.avsc", V1_JSON);
    assertThat(store.findByFingerprint(Fingerprints.crc64(V1))).as("not before refresh").isNull();
    store.refresh();
    assertThat(store.size()).isEqualTo(2);
    assertThat(((GenericRecord) decoder.decode(v1message)).get("id")).isEqualTo(1L);

    // A refresh that fails keeps the schemas loaded before.
    write("zz-broken.avsc", "{\"type\":\"nope\"}");
    assertThatThrownBy(store::refresh).isInstanceOf(SchemaParseException.class).hasMessageContaining("zz-broken");
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.findByFingerprint(Fingerprints.crc64(V1))).isEqualTo(V1);

    // Removing a file and refreshing forgets its schema.
    Files.delete(dir.resolve("zz-broken.avsc"));
    Files.delete(dir.resolve("user-v2.avsc"));
    store.refresh();
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.findByFingerprint(Fingerprints.crc64(V2))).isNull();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
