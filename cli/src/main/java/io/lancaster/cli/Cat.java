package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.SchemaResolutionException;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lancaster cat [--reader-schema R] [--codec C] [--level N] OUT_FILE IN_FILE...}: concatenates container
 * files into one, record by record, each input resolved to one schema: R, or else the first input's. Every input's
 * header is checked first, so an input that cannot resolve fails the command (exit 1, naming it) before anything
 * is written. Streaming: memory does not grow with the files. The output goes to a temporary file beside OUT_FILE
 * that replaces it only when every record is in, so a failure never leaves a half-written OUT_FILE and an input
 * may safely be the output. {@code -} as OUT_FILE writes to standard output.
 */
final class Cat implements Command {
  @Override
  public String name() {
    return "cat";
  }

  @Override
  public String usage() {
    return "[--reader-schema R [--apache-compatible]] [--codec C] [--level N] OUT_FILE IN_FILE...";
  }

  @Override
  public String summary() {
    return "concatenate Avro container files into one, resolving each to one schema";
  }

  @Override
  public String details() {
    return """
        Writes the records of every IN_FILE, in order, to the container file OUT_FILE (- for standard output).
        --reader-schema R  the schema of the output (an .avsc file); each input's records are resolved to it.
                           Without it, the first input's schema, to which every other input must resolve.
                           An input that cannot resolve stops the command before anything is written (exit 1).
        --apache-compatible  resolve as Apache Avro Java does where that keeps every value.
        --codec C          null, deflate, snappy, zstandard, bzip2 or xz; default: the first input's codec.
        --level N          the level of deflate, zstandard or xz.
        The user metadata of the first input is copied. OUT_FILE is written under a temporary name and renamed
        when complete, so it may be one of the inputs and a failure leaves it as it was.
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of(Resolution.APACHE_COMPATIBLE),
        Set.of(ToJson.READER_SCHEMA, CodecOption.CODEC, CodecOption.LEVEL), List.of("OUT_FILE", "IN_FILE"), 0, true);
  }

  @Override
  public void run(Args args, Console console) throws FileException, UsageException {
    String outFile = args.positional("OUT_FILE");
    List<String> inputs = args.repeated();
    requireRereadable(inputs);
    String readerFile = args.value(ToJson.READER_SCHEMA, null);
    if (readerFile == null && args.flag(Resolution.APACHE_COMPATIBLE)) {
      throw new UsageException(Resolution.APACHE_COMPATIBLE + " applies to resolution: give " + ToJson.READER_SCHEMA);
    }
    ResolutionOptions resolution = Resolution.options(args);

    First first = first(inputs.get(0), console);
    Schema schema = readerFile == null ? first.schema() : SchemaFiles.read(readerFile, console);
    String schemaName = readerFile == null ? "the schema of " + inputs.get(0) : readerFile;
    ReadOptions<Object> reading = Resolution.readingAs(schema, resolution);
    for (String in : inputs) {
      check(in, reading, schemaName, console);
    }

    Codec codec = CodecOption.of(args, first.codec());
    try (OutputTarget target = OutputTarget.open(outFile, console)) {
      try (DataFileWriter<Object> writer = writer(codec, first.userMetadata()).create(schema, target.stream())) {
        for (String in : inputs) {
          copy(in, reading, schemaName, writer, console);
        }
      } catch (BinaryOutput.Failed e) {
        return; // standard output is gone or full; Main reports it (quietly for a closed pipe)
      } catch (IOException | AvroException | UncheckedIOException e) {
        throw new FileException(outFile, e);
      }
      target.commit();
    } catch (IOException e) {
      throw new FileException(outFile, e);
    } finally {
      codec.close();
    }
  }

  /** Each input is opened twice (checked, then copied), so none may be a stream: standard input or a pipe. */
  private static void requireRereadable(List<String> inputs) throws UsageException, FileException {
    for (String in : inputs) {
      if (Inputs.isStdin(in)) {
        throw new UsageException("IN_FILE cannot be standard input: each input is read twice, checked then copied");
      }
      Path path = Path.of(in);
      if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
        throw new FileException(in, "not a regular file: each input is read twice, checked then copied");
      }
    }
  }

  /** What the output takes from the first input when the options do not say otherwise. */
  private record First(Schema schema, String codec, Map<String, byte[]> userMetadata) {}

  private static First first(String file, Console console) throws FileException {
    try (ContainerFile in = AvroFiles.open(file, console)) {
      Map<String, byte[]> meta = in.metadata();
      byte[] codec = meta.get("avro.codec");
      Map<String, byte[]> user = new LinkedHashMap<>();
      if (meta.containsKey("avro.schema")) { // else an Avro 1.2 file, whose footer holds only format entries
        meta.forEach((k, v) -> {
          if (!k.startsWith("avro.")) {
            user.put(k, v);
          }
        });
      }
      return new First(in.schema(), codec == null ? CodecFactory.NULL : new String(codec, StandardCharsets.UTF_8),
          user);
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }

  /** Opens the input as it will be copied: its header is read and its resolution plan built, then it is closed. */
  private static void check(String file, ReadOptions<Object> reading, String schemaName, Console console)
      throws FileException {
    try {
      AvroFiles.open(file, console, reading).close(); // opening is the check
    } catch (SchemaResolutionException e) {
      throw new FileException(file, Resolution.describe(e, schemaName));
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }

  private static DataFileWriter<Object> writer(Codec codec, Map<String, byte[]> userMetadata) {
    DataFileWriter<Object> writer = DataFileWriter.generic().setCodec(codec);
    userMetadata.forEach(writer::setMeta);
    return writer;
  }

  /** Appends every record of {@code file}; failures to read name the input, an IOException is the output's. */
  private static void copy(String file, ReadOptions<Object> reading, String schemaName, DataFileWriter<Object> writer,
      Console console) throws FileException, IOException {
    ContainerFile in;
    try {
      in = AvroFiles.open(file, console, reading);
    } catch (SchemaResolutionException e) {
      throw new FileException(file, Resolution.describe(e, schemaName));
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
    try (in) {
      while (hasNext(in, file)) {
        writer.append(next(in, file));
      }
    }
  }

  private static boolean hasNext(ContainerFile in, String file) throws FileException {
    try {
      return in.hasNext();
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }

  private static Object next(ContainerFile in, String file) throws FileException {
    try {
      return in.next();
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }
}
