package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code lancaster count FILE}: the number of records, summed from the data blocks' record counts. No record is
 * decoded; each block is still read whole and checked (its sync marker, its decompression, and that its count
 * can fit in its data), so a damaged file fails rather than yielding a plausible number. (Avro 1.2 files have no
 * block sizes; their records are read to be counted.)
 */
final class Count implements Command {
  @Override
  public String name() {
    return "count";
  }

  @Override
  public String usage() {
    return "FILE";
  }

  @Override
  public String summary() {
    return "count the records of an Avro container file from its block headers, without decoding them";
  }

  @Override
  public ArgSpec spec() {
    return ArgSpec.positional("FILE");
  }

  @Override
  public void run(Args args, Console console) throws FileException {
    String file = args.positional("FILE");
    try (ContainerFile reader = AvroFiles.open(file, console)) {
      console.out().println(reader.count());
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }
}
