package io.lancaster.hive.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.lancaster.avro.schema.RecordSchema;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSchemasTest {
  private static final String V1 = """
      {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}""";
  private static final String V2 = """
      {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}""";

  @TempDir
  Path dir;

  @Test
  void prefersTheLiteralThenTheUrlThenTheColumns() throws Exception {
    Path file = Files.writeString(dir.resolve("v2.avsc"), V2);
    Properties p = new Properties();
    p.setProperty(TableProperties.COLUMNS, "x,y,z");
    p.setProperty(TableProperties.COLUMN_TYPES, "int:int:int");
    p.setProperty(TableProperties.SCHEMA_URL, file.toUri().toString());
    p.setProperty(TableProperties.SCHEMA_LITERAL, V1);
    Configuration conf = new Configuration(false);

    assertThat(TableSchemas.of(conf, p).fields()).extracting(f -> f.name()).containsExactly("a");
    p.setProperty(TableProperties.SCHEMA_LITERAL, TableProperties.NONE);
    assertThat(TableSchemas.of(conf, p).fields()).extracting(f -> f.name()).containsExactly("a", "b");
    p.remove(TableProperties.SCHEMA_URL);
    assertThat(TableSchemas.of(conf, p).fields()).extracting(f -> f.name()).containsExactly("x", "y", "z");
  }

  @Test
  void readsSchemaUrlsOfHadoopFileSystemsWithoutScheme() throws Exception {
    Path file = Files.writeString(dir.resolve("v1.avsc"), V1);
    Properties p = new Properties();
    p.setProperty(TableProperties.SCHEMA_URL, file.toString());
    Configuration conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");

    assertThat(TableSchemas.of(conf, p).fullName()).isEqualTo("R");
  }

  @Test
  void fetchesAnHttpSchemaOncePerConfiguration() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/schema.avsc", exchange -> {
      requests.incrementAndGet();
      byte[] body = V2.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      Properties p = new Properties();
      p.setProperty(TableProperties.SCHEMA_URL,
          "http://127.0.0.1:" + server.getAddress().getPort() + "/schema.avsc");
      Configuration task = new Configuration(false);

      RecordSchema first = TableSchemas.of(task, p);
      for (int i = 0; i < 5; i++) {
        assertThat(TableSchemas.of(task, p)).isSameAs(first);
      }
      assertThat(requests).hasValue(1);
      assertThat(first.fields()).hasSize(2);

      TableSchemas.of(new Configuration(false), p);
      assertThat(requests).hasValue(2);
      TableSchemas.of(null, p);
      TableSchemas.of(null, p);
      assertThat(requests).hasValue(4);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void namesTheUrlItCannotRead() {
    Properties p = new Properties();
    String missing = dir.resolve("missing.avsc").toUri().toString();
    p.setProperty(TableProperties.SCHEMA_URL, missing);

    assertThatThrownBy(() -> TableSchemas.of(new Configuration(false), p))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageContaining("cannot read the table's schema from avro.schema.url " + missing);
  }

  @Test
  void explainsMissingBadAndNonRecordSchemas() {
    Properties p = new Properties();
    assertThatThrownBy(() -> TableSchemas.of(null, p))
        .isInstanceOf(TableSchemaException.class)
        .hasMessage("neither avro.schema.literal nor avro.schema.url is set, and the table has no columns to derive"
            + " a schema from");
    p.setProperty(TableProperties.SCHEMA_URL, TableProperties.NONE);
    assertThatThrownBy(() -> TableSchemas.of(null, p)).isInstanceOf(TableSchemaException.class);
    p.setProperty(TableProperties.SCHEMA_LITERAL, "{\"type\": \"record\"");
    assertThatThrownBy(() -> TableSchemas.of(null, p))
        .isInstanceOf(TableSchemaException.class)
        .hasMessageStartingWith("table property avro.schema.literal is not a valid schema");
    p.setProperty(TableProperties.SCHEMA_LITERAL, "\"string\"");
    assertThatThrownBy(() -> TableSchemas.of(null, p))
        .isInstanceOf(TableSchemaException.class)
        .hasMessage("a table's schema must be a record; table property avro.schema.literal holds a string");
  }

  @Test
  void sharesOneInstancePerSchema() {
    Properties a = new Properties();
    a.setProperty(TableProperties.SCHEMA_LITERAL, V1);
    Properties b = new Properties();
    b.setProperty(TableProperties.SCHEMA_LITERAL, "  " + V1.replace(" ", "\n"));

    RecordSchema schema = TableSchemas.of(null, a);
    assertThat(TableSchemas.of(null, b)).isSameAs(schema);
    assertThat(ParsedSchemas.parse(schema.toString())).isSameAs(schema);
  }
}
