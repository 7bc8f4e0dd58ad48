package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.cli.demo.WebEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code lancaster demo [--records N] [DIR]}: the tour. Writes a realistic sample dataset (web-shop events with
 * nested records, arrays, maps, unions, enums, timestamps and decimals) as a deflate-compressed container file
 * with Lancaster's writer, then reads it back the ways the other commands do: schema, metadata, count, the
 * first records as JSON, and a full decode; each step with the time it took.
 */
final class Demo implements Command {
  static final int DEFAULT_RECORDS = 100_000;
  static final String FILE_NAME = "web-events.avro";
  private static final long SEED = 42;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String usage() {
    return "[--records N] [DIR]";
  }

  @Override
  public String summary() {
    return "write a sample dataset as Avro, read it back, and time each step";
  }

  @Override
  public String details() {
    return """
        Writes DIR/web-events.avro (DIR defaults to a new temporary directory; it is created if missing):
        N web-shop events (default 100000) with a nested record, an array, a map, unions, enums,
        timestamps and a decimal, deflate-compressed, through Lancaster's DataFileWriter. Then prints the
        file's schema, its metadata, its record count, its first 3 records as JSON, and the time to decode
        every record. The file is kept, for trying the other commands on it.
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of(), Set.of("--records"), List.of("DIR"), 1);
  }

  @Override
  public void run(Args args, Console console) throws FileException, UsageException {
    int records = records(args.value("--records", Integer.toString(DEFAULT_RECORDS)));
    String dirArg = args.positional("DIR");
    Path dir;
    try {
      dir = dirArg == null ? Files.createTempDirectory("lancaster-demo-") : Files.createDirectories(Path.of(dirArg));
    } catch (IOException e) {
      throw new FileException(dirArg == null ? System.getProperty("java.io.tmpdir") : dirArg, e);
    }
    Path file = dir.resolve(FILE_NAME);
    PrintStream out = console.out();
    out.printf(Locale.ROOT, "Lancaster demo: %,d web-shop events into %s%n", records, file);
    try {
      step(out, "write " + String.format(Locale.ROOT, "%,d", records) + " records (deflate)", o -> write(file, records, o));
      try (DataFileReader<Object> reader = DataFileReader.open(file)) {
        step(out, "schema", o -> o.println(reader.schema().toString(true)));
        step(out, "metadata (key<TAB>value)", o -> GetMeta.print(reader.metadata(), o));
      }
      step(out, "count (from the block headers)", o -> {
        try (ContainerFile reader = ContainerFile.of(DataFileReader.open(file))) {
          o.printf(Locale.ROOT, "%d%n", reader.count());
        }
      });
      step(out, "first 3 records as JSON", o -> {
        try (DataFileReader<Object> reader = DataFileReader.open(file);
            JsonLines lines = new JsonLines(reader.schema(), o, false)) {
          for (int i = 0; i < 3 && reader.hasNext(); i++) {
            lines.write(reader.next());
          }
        }
      });
      step(out, "decode every record", o -> {
        long start = System.nanoTime();
        long n = 0;
        try (DataFileReader<Object> reader = DataFileReader.open(file)) {
          while (reader.hasNext()) {
            reader.next();
            n++;
          }
        }
        double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
        o.printf(Locale.ROOT, "%,d records, %,.0f records/s%n", n, n / seconds);
      });
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file.toString(), e);
    }
    out.println();
    out.println("Try: lancaster tojson " + file + " | head");
  }

  private static int records(String text) throws UsageException {
    try {
      int n = Integer.parseInt(text.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--records needs a number of records (0 or more), got " + text);
    }
  }

  private static void write(Path file, int records, PrintStream o) throws IOException {
    WebEvents events = new WebEvents(SEED);
    try (DataFileWriter<Object> writer = DataFileWriter.generic()
        .setCodec(CodecFactory.deflate(CodecFactory.DEFAULT_DEFLATE_LEVEL))
        .setMeta("lancaster.demo", "web-shop events, seed " + SEED)
        .create(events.schema(), file)) {
      for (int i = 0; i < records; i++) {
        writer.append(events.next());
      }
    }
    o.printf(Locale.ROOT, "%s: %,d bytes%n", file, Files.size(file));
  }

  private interface Step {
    void run(PrintStream out) throws IOException;
  }

  /** Runs a step with its output held back, then prints a header with the time it took, then the output. */
  private static void step(PrintStream out, String title, Step step) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    long start = System.nanoTime();
    try (PrintStream o = new PrintStream(buffer, false, StandardCharsets.UTF_8)) {
      step.run(o);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    out.println();
    out.printf(Locale.ROOT, "== %s  [%,d ms]%n", title, millis);
    out.print(buffer.toString(StandardCharsets.UTF_8));
  }
}
