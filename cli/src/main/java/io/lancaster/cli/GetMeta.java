package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code lancaster getmeta FILE}: every metadata entry of a container file, {@code avro.schema} and
 * {@code avro.codec} included, as {@code key<TAB>value} lines in file order (like avro-tools). Values are printed
 * safely, one per line: see {@link MetaText}.
 */
final class GetMeta implements Command {
  @Override
  public String name() {
    return "getmeta";
  }

  @Override
  public String usage() {
    return "FILE";
  }

  @Override
  public String summary() {
    return "print each metadata entry of an Avro container file as key<TAB>value";
  }

  @Override
  public String details() {
    return """
        Entries come in file order, avro.schema and avro.codec included. Each value is printed on one line:
        UTF-8 text with \\\\, \\n, \\t, \\r and \\u00XX escapes for backslashes and control characters; a value
        that is not valid UTF-8 is printed with \\xHH escapes for every byte outside printable ASCII.
        """;
  }

  @Override
  public ArgSpec spec() {
    return ArgSpec.positional("FILE");
  }

  @Override
  public void run(Args args, Console console) throws FileException {
    String file = args.positional("FILE");
    try (ContainerFile reader = AvroFiles.open(file, console)) {
      print(reader.metadata(), console.out());
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }

  static void print(Map<String, byte[]> metadata, PrintStream out) {
    for (Map.Entry<String, byte[]> e : metadata.entrySet()) {
      out.println(MetaText.of(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\t"
          + MetaText.of(e.getValue()));
    }
  }
}
