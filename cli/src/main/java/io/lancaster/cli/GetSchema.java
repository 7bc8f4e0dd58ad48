package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code lancaster getschema FILE}: the writer's schema of a container file, as indented JSON. */
final class GetSchema implements Command {
  @Override
  public String name() {
    return "getschema";
  }

  @Override
  public String usage() {
    return "FILE";
  }

  @Override
  public String summary() {
    return "print the schema of an Avro container file (indented JSON)";
  }

  @Override
  public ArgSpec spec() {
    return ArgSpec.positional("FILE");
  }

  @Override
  public void run(Args args, Console console) throws FileException {
    String file = args.positional("FILE");
    try (ContainerFile reader = AvroFiles.open(file, console)) {
      console.out().println(reader.schema().toString(true));
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }
}
