package io.lancaster.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.lancaster.avro.json.Json;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Prints records in the JSON encoding, one per line (or, pretty, one indented value after another), through one
 * buffered generator: nothing is kept per record, so any number of records takes the same memory.
 */
final class JsonLines implements Closeable {
  /** Deep enough for data at the default maxDataDepth, where each level may add a union's object. */
  private static final int MAX_JSON_DEPTH = 4000;

  private final JsonDatumWriter writer;
  private final JsonGenerator out;
  private long written;

  JsonLines(Schema schema, OutputStream target, boolean pretty) throws IOException {
    this.writer = new JsonDatumWriter(schema);
    this.out = Json.factory(MAX_JSON_DEPTH).createGenerator(target);
    out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    out.setPrettyPrinter(pretty
        ? new DefaultPrettyPrinter(Separators.createDefaultInstance().withRootSeparator("\n"))
        : new MinimalPrettyPrinter("\n"));
  }

  void write(Object datum) throws IOException {
    writer.write(datum, out);
    written++;
  }

  long written() {
    return written;
  }

  /** Ends the last line and flushes; the target stays open. */
  @Override
  public void close() throws IOException {
    if (written > 0) {
      out.writeRaw('\n');
    }
    out.close();
  }
}
