package io.lancaster.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.lancaster.avro.AvroException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.json.JsonDataException;
import io.lancaster.avro.json.JsonDatumReader;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code lancaster fromjson --schema S [--codec C] [--level N] [--sync-interval BYTES] JSON_FILE}: the inverse
 * of {@code tojson}. Reads values in the spec's JSON encoding (one per line, or simply one after another) and
 * writes them as an Avro container file to standard output, streaming. A value that does not fit the schema
 * ends the command (exit 1) with {@code JSON_FILE:line:column: field PATH: what is wrong}; the records before it
 * have been written, so the output is a valid but incomplete file.
 */
final class FromJson implements Command {
  static final String SCHEMA = "--schema";
  static final String SYNC_INTERVAL = "--sync-interval";

  @Override
  public String name() {
    return "fromjson";
  }

  @Override
  public String usage() {
    return "--schema S [--codec C] [--level N] [--sync-interval BYTES] JSON_FILE";
  }

  @Override
  public String summary() {
    return "write JSON-encoded values as an Avro container file to standard output";
  }

  @Override
  public String details() {
    return """
        JSON_FILE (- for standard input) holds values of the schema in the file S (.avsc) in the spec's JSON
        encoding, as tojson prints them: one per line, or one after another. The container file goes to
        standard output: lancaster fromjson --schema user.avsc users.json > users.avro
        --codec C            null (the default, as in avro-tools), deflate, snappy, zstandard, bzip2 or xz.
        --level N            the level of deflate (-1 to 9), zstandard (-131072 to 22) or xz (0 to 9).
        --sync-interval BYTES  uncompressed bytes of records per block (default 64000).
        Record fields missing from the JSON take their schema default; unknown keys are skipped. A value that
        does not fit the schema stops the command (exit 1) naming JSON_FILE:line:column and the field path.
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of(), Set.of(SCHEMA, CodecOption.CODEC, CodecOption.LEVEL, SYNC_INTERVAL),
        List.of("JSON_FILE"), 0);
  }

  @Override
  public void run(Args args, Console console) throws FileException, UsageException {
    String schemaFile = args.value(SCHEMA, null);
    if (schemaFile == null) {
      throw new UsageException("missing " + SCHEMA + " S (the schema of the values, an .avsc file)");
    }
    String file = args.positional("JSON_FILE");
    if (Inputs.isStdin(schemaFile) && Inputs.isStdin(file)) {
      throw new UsageException("the schema and the JSON cannot both come from standard input");
    }
    int syncInterval = syncInterval(args);
    Codec codec = CodecOption.of(args, "null");
    try {
      write(SchemaFiles.read(schemaFile, console), file, codec, syncInterval, console);
    } finally {
      codec.close(); // the writer closes it too; this covers the failures before there is one
    }
  }

  private static void write(Schema schema, String file, Codec codec, int syncInterval, Console console)
      throws FileException {
    JsonDatumReader reader = new JsonDatumReader(schema);
    // The input is opened first: a missing JSON_FILE must not leave a container header on standard output.
    try (InputStream in = Inputs.open(file, console);
        JsonParser json = reader.parser(in);
        DataFileWriter<Object> out = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
            .create(schema, BinaryOutput.of(console))) {
      while (json.nextToken() != null) {
        out.append(reader.read(json));
      }
    } catch (BinaryOutput.Failed e) {
      // standard output is gone or full; Main reports it (quietly for a closed pipe)
    } catch (JsonDataException e) {
      throw at(file, e.line(), e.column(), e.fieldPath(), e.detail());
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
      throw at(file, where == null ? -1 : where.getLineNr(), where == null ? -1 : where.getColumnNr(), "",
          what.strip());
    } catch (IOException | AvroException | UncheckedIOException e) {
      throw new FileException(file, e);
    }
  }

  private static int syncInterval(Args args) throws UsageException {
    String text = args.value(SYNC_INTERVAL, Integer.toString(DataFileWriter.DEFAULT_SYNC_INTERVAL));
    int bytes;
    try {
      bytes = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      bytes = -1;
    }
    if (bytes < DataFileWriter.MIN_SYNC_INTERVAL || bytes > DataFileWriter.MAX_SYNC_INTERVAL) {
      throw new UsageException(SYNC_INTERVAL + " needs a number of bytes from " + DataFileWriter.MIN_SYNC_INTERVAL
          + " to " + DataFileWriter.MAX_SYNC_INTERVAL + ", got " + text);
    }
    return bytes;
  }

  /** {@code FILE:line:column: field PATH: detail}, the way compilers point at a place in a text file. */
  private static FileException at(String file, int line, int column, String fieldPath, String detail) {
    String where = line < 0 ? file : file + ":" + line + ":" + column;
    return new FileException(where, fieldPath.isEmpty() ? detail : "field " + fieldPath + ": " + detail);
  }
}
