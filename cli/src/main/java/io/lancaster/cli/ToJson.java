package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code lancaster tojson [--pretty] FILE}: every record in the spec's JSON encoding, one per line, streaming.
 * A failure part-way leaves the records before it printed, then reports the error (exit 1).
 */
final class ToJson implements Command {
  /** How often (in records) to check that standard output still takes our bytes (a closed pipe). */
  private static final int CHECK_OUTPUT_EVERY = 4096;

  @Override
  public String name() {
    return "tojson";
  }

  @Override
  public String usage() {
    return "[--pretty] FILE";
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
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of("--pretty"), Set.of(), List.of("FILE"), 0);
  }

  @Override
  public void run(Args args, Console console) throws FileException {
    String file = args.positional("FILE");
    try (ContainerFile reader = AvroFiles.open(file, console);
        JsonLines lines = new JsonLines(reader.schema(), console.out(), args.flag("--pretty"))) {
      while (reader.hasNext()) {
        lines.write(reader.next());
        if (lines.written() % CHECK_OUTPUT_EVERY == 0 && console.out().checkError()) {
          return; // the reader of our output has gone (e.g. | head); Main reports the failed write
        }
      }
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }
}
