package io.lancaster.cli;

import io.lancaster.avro.AvroException;
import io.lancaster.avro.schema.CanonicalForm;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code lancaster fingerprint [--canonical] [--algorithm crc64|md5|sha256] SCHEMA_FILE}: the spec's fingerprint
 * of a schema's Parsing Canonical Form, as lowercase hex of the fingerprint's bytes. For CRC-64-AVRO those are
 * the 8 little-endian bytes that single-object encoding puts after its {@code C3 01} marker, so the hex can be
 * matched against a message header; Java's {@code SchemaNormalization.parsingFingerprint64} long is the same
 * bytes read little-endian.
 */
final class Fingerprint implements Command {
  private static final List<String> ALGORITHMS = List.of("crc64", "md5", "sha256");

  @Override
  public String name() {
    return "fingerprint";
  }

  @Override
  public String usage() {
    return "[--canonical] [--algorithm crc64|md5|sha256] SCHEMA_FILE";
  }

  @Override
  public String summary() {
    return "print a schema's fingerprint (hex) or its Parsing Canonical Form";
  }

  @Override
  public String details() {
    return """
        SCHEMA_FILE holds the schema's JSON (- reads standard input).
        --algorithm  crc64 (the default; CRC-64-AVRO, as single-object encoding uses), md5 or sha256.
                     The fingerprint is printed as lowercase hex of its bytes; for crc64 these are the
                     8 little-endian bytes single-object encoding writes after its C3 01 marker.
        --canonical  print the Parsing Canonical Form the fingerprints are computed from, instead.
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of("--canonical"), Set.of("--algorithm"), List.of("SCHEMA_FILE"), 0);
  }

  @Override
  public void run(Args args, Console console) throws FileException, UsageException {
    String algorithm = args.value("--algorithm", "crc64").toLowerCase(java.util.Locale.ROOT);
    if (!ALGORITHMS.contains(algorithm)) {
      throw new UsageException("unknown algorithm " + args.value("--algorithm", "") + " (crc64, md5 or sha256)");
    }
    if (args.flag("--canonical") && args.value("--algorithm", null) != null) {
      throw new UsageException("--canonical prints the canonical form; it takes no --algorithm");
    }
    String file = args.positional("SCHEMA_FILE");
    Schema schema;
    try {
      schema = new SchemaParser().parse(new String(Inputs.readAll(file, console), StandardCharsets.UTF_8));
    } catch (IOException | AvroException e) {
      throw new FileException(file, e);
    }
    if (args.flag("--canonical")) {
      console.out().println(CanonicalForm.of(schema));
    } else {
      console.out().println(HexFormat.of().formatHex(fingerprint(algorithm, schema)));
    }
  }

  static byte[] fingerprint(String algorithm, Schema schema) {
    switch (algorithm) {
      case "crc64": return Fingerprints.fingerprint("CRC-64-AVRO", schema);
      case "md5": return Fingerprints.md5(schema);
      case "sha256": return Fingerprints.sha256(schema);
      default: throw new IllegalArgumentException(algorithm);
    }
  }
}
