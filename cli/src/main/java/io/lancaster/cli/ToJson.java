package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.resolve.SchemaResolutionException;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code lancaster tojson [--pretty] [--reader-schema R [--apache-compatible]] FILE}: every record in the spec's
 * JSON encoding, one per line, streaming; with a reader schema, each record is first resolved to it (schema
 * evolution). A failure part-way leaves the records before it printed, then reports the error (exit 1).
 */
final class ToJson implements Command {
  /** How often (in records) to check that standard output still takes our bytes (a closed pipe). */
  private static final int CHECK_OUTPUT_EVERY = 4096;
  static final String READER_SCHEMA = "--reader-schema";

  @Override
  public String name() {
    return "tojson";
  }

  @Override
  public String usage() {
    return "[--pretty] [--reader-schema R [--apache-compatible]] FILE";
  }

  @Override
  public String summary() {
    return "print the records of an Avro container file in the JSON encoding, one per line";
  }

  @Override
  public String details() {
    return """
        The JSON encoding of the Avro specification, as avro-tools prints it: records and maps as objects, enums
        as their symbol, bytes and fixed as strings of code points 0-255, a union value as {"<branch>": value}
        (the full name for named types) or null; NaN and infinities as the strings "NaN", "Infinity" and
        "-Infinity". Records stream through in constant memory. --pretty indents each record.
        --reader-schema R  resolve each record to the schema in the file R (.avsc) by the spec's schema
                           resolution rules before printing: fields matched by name or alias, missing ones
                           filled from their defaults, promotions (int to long etc.) applied. A file whose
                           schema cannot be read with R fails at once (exit 1) naming the field and the rule.
        --apache-compatible  resolve as Apache Avro Java does where that keeps every value: record names are
                           not compared, and a union branch of exactly the writer's type wins.
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of("--pretty", Resolution.APACHE_COMPATIBLE), Set.of(READER_SCHEMA), List.of("FILE"), 0);
  }

  @Override
  public void run(Args args, Console console) throws FileException, UsageException {
    String file = args.positional("FILE");
    String readerFile = args.value(READER_SCHEMA, null);
    if (readerFile == null && args.flag(Resolution.APACHE_COMPATIBLE)) {
      throw new UsageException(Resolution.APACHE_COMPATIBLE + " applies to resolution: give " + READER_SCHEMA);
    }
    if (readerFile != null && Inputs.isStdin(readerFile) && Inputs.isStdin(file)) {
      throw new UsageException("the reader schema and the data cannot both come from standard input");
    }
    Schema reader = readerFile == null ? null : SchemaFiles.read(readerFile, console);
    ReadOptions<Object> options = reader == null ? ReadOptions.defaults()
        : Resolution.readingAs(reader, Resolution.options(args));
    try (ContainerFile records = AvroFiles.open(file, console, options);
        JsonLines lines = new JsonLines(reader == null ? records.schema() : reader, console.out(),
            args.flag("--pretty"))) {
      while (records.hasNext()) {
        lines.write(records.next());
        if (lines.written() % CHECK_OUTPUT_EVERY == 0 && console.out().checkError()) {
          return; // the reader of our output has gone (e.g. | head); Main reports the failed write
        }
      }
    } catch (SchemaResolutionException e) {
      throw new FileException(file, Resolution.describe(e, readerFile));
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }
}
