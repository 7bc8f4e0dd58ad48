package io.lancaster.hive;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.testing.HiveRows;
import io.lancaster.hive.testing.TableSchemasForTests;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.hive.ql.exec.FileSinkOperator;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task fetches the schema behind avro.schema.url once, however many SerDes, readers and writers it opens. */
class SchemaUrlPerTaskTest {
  @TempDir
  Path dir;

  @Test
  void fetchesTheSchemaOncePerTask() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/table.avsc", exchange -> {
      requests.incrementAndGet();
      byte[] body = TableSchemasForTests.ALL_TYPES.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      Properties table = new Properties();
      table.setProperty(TableProperties.SCHEMA_URL,
          "http://127.0.0.1:" + server.getAddress().getPort() + "/table.avsc");

      JobConf writeTask = task();
      AvroHiveSerDe serializer = new AvroHiveSerDe();
      serializer.initialize(writeTask, table);
      new AvroHiveSerDe().initialize(writeTask, table);
      for (String file : new String[] {"000000_0", "000000_1"}) {
        FileSinkOperator.RecordWriter writer = new AvroHiveOutputFormat().getHiveRecordWriter(writeTask,
            new org.apache.hadoop.fs.Path(dir.resolve(file).toUri()), AvroRecordWritable.class, false, table, null);
        writer.write(serializer.serialize(HiveRows.allTypes(1), serializer.getObjectInspector()));
        writer.close(false);
      }
      assertThat(requests).hasValue(1);

      JobConf readTask = task();
      FileInputFormat.setInputPaths(readTask, new org.apache.hadoop.fs.Path(dir.toUri()));
      AvroHiveSerDe deserializer = new AvroHiveSerDe();
      deserializer.initialize(readTask, table);
      int rows = 0;
      for (InputSplit split : new AvroHiveInputFormat().getSplits(readTask, 1)) {
        RecordReader<NullWritable, AvroRecordWritable> reader =
            new AvroHiveInputFormat().getRecordReader(split, readTask, Reporter.NULL);
        AvroRecordWritable value = reader.createValue();
        while (reader.next(NullWritable.get(), value)) {
          assertThat(deserializer.deserialize(value)).isNotNull();
          rows++;
        }
        reader.close();
      }
      assertThat(rows).isEqualTo(2);
      assertThat(requests).hasValue(2);
    } finally {
      server.stop(0);
    }
  }

  private static JobConf task() {
    JobConf job = new JobConf(false);
    job.set("fs.defaultFS", "file:///");
    return job;
  }
}
