package io.lancaster.it.interop;

import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Apache Avro C (libavro 1.11.1) as a peer: its command-line tools ({@code avrocat} prints a container file as
 * JSON, {@code avromod} re-encodes one with another codec, {@code avroappend} appends one file's data to
 * another) and {@code peer}, the test's own C program ({@code interop/c/peer.c}) compiled here with gcc against
 * libavro-dev, which writes files from values, reads them exactly or with a reader schema, and exchanges
 * single-object messages (see {@link CValueScript} for its value format).
 * {@link #start} skips (or, in CI, fails) the calling tests when the tools, gcc or libavro's headers are missing.
 */
public final class CPeer {
  /** The codecs libavro writes and reads under their spec names. */
  public static final List<String> CODECS = List.of("null", "deflate", "snappy");

  private static final String INSTALL = "apt-get install avro-bin libavro-dev gcc libc6-dev";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path avrocat;
  private final Path avromod;
  private final Path avroappend;
  private final Path peer;
  private final Path work;

  private CPeer(Path avrocat, Path avromod, Path avroappend, Path peer, Path work) {
    this.avrocat = avrocat;
    this.avromod = avromod;
    this.avroappend = avroappend;
    this.peer = peer;
    this.work = work;
  }

  /**
   * Finds the tools and compiles the peer program into a new directory under {@code parent}; skips the calling
   * test (fails it when peers are required) if anything is missing, naming what and how to install it.
   */
  public static CPeer start(Path parent) throws IOException {
    Path work = Files.createTempDirectory(parent, "c-peer");
    Path avrocat = onPath("avrocat");
    Path avromod = onPath("avromod");
    Path avroappend = onPath("avroappend");
    Peers.assumeInstalled(avrocat != null && avromod != null && avroappend != null,
        "Apache Avro C tools (avrocat, avromod, avroappend)", INSTALL);
    Path gcc = onPath("gcc");
    Peers.assumeInstalled(gcc != null, "gcc (to build the C peer program)", INSTALL);
    Path source = work.resolve("peer.c");
    try (InputStream in = CPeer.class.getResourceAsStream("/interop/c/peer.c")) {
      if (in == null) {
        throw new IllegalStateException("interop/c/peer.c is not on the test classpath");
      }
      Files.copy(in, source);
    }
    Path binary = work.resolve("peer");
    Processes.Result cc = Processes.run(List.of(gcc.toString(), "-O1", "-o", binary.toString(), source.toString(),
        "-lavro"), work, TIMEOUT);
    Peers.assumeInstalled(cc.exitCode() == 0, "libavro-dev (the C program did not build: "
        + cc.stderr().strip() + ")", INSTALL);
    return new CPeer(avrocat, avromod, avroappend, binary, work);
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** {@code avrocat file}: one line of libavro's JSON per datum. It exits 0 even on errors; check stderr. */
  public Processes.Result avrocat(Path file) throws IOException {
    return run(List.of(avrocat.toString(), file.toString()));
  }

  /** {@code avromod --codec --block-size in out}: C reads every datum of {@code in} and writes it to {@code out}. */
  public void avromod(Path in, Path out, String codec, int blockSize) throws IOException {
    Processes.Result r = run(List.of(avromod.toString(), "--codec=" + codec, "--block-size=" + blockSize,
        in.toString(), out.toString())).orThrow();
    if (!r.stderr().isBlank()) {
      throw new AssertionError("avromod reported an error: " + r.stderr());
    }
  }

  /** {@code avroappend in out}: C reads every datum of {@code in} and appends it to the existing file {@code out}. */
  public void avroappend(Path in, Path out) throws IOException {
    Processes.Result r = run(List.of(avroappend.toString(), in.toString(), out.toString())).orThrow();
    if (!r.stderr().isBlank()) {
      throw new AssertionError("avroappend reported an error: " + r.stderr());
    }
  }

  /** Runs avromod expecting it to fail; returns what it printed. */
  public Processes.Result avromodFailing(Path in, Path out, String codec) throws IOException {
    return run(List.of(avromod.toString(), "--codec=" + codec, in.toString(), out.toString()));
  }

  /**
   * C builds each value with libavro's value API and writes one container file per entry of {@code files}
   * (codec name to path), with blocks of {@code blockSize} bytes (0: libavro's 16 KiB).
   */
  public void write(Schema schema, List<?> values, int blockSize, Map<String, Path> files) throws IOException {
    List<String> command = new ArrayList<>(List.of(peer.toString(), "write", schemaFile(schema).toString(),
        scriptFile(schema, values).toString(), Integer.toString(blockSize)));
    files.forEach((codec, path) -> command.add(codec + "=" + path));
    run(command).orThrow();
  }

  /** C reads {@code file} with its writer schema; the values as libavro decoded them. */
  public List<Object> read(Path file, Schema writer) throws IOException {
    return CValueScript.read(writer, run(List.of(peer.toString(), "read", file.toString())).orThrow().stdoutLines());
  }

  /** libavro's two ways of schema resolution. */
  public enum Resolver {
    /** avro_resolved_writer_new: decodes writer-schema data straight into a reader-schema value. */
    WRITER,
    /** avro_resolved_reader_new: a reader-schema view of the value decoded with the writer schema. */
    READER
  }

  /** C reads {@code file} resolving it to {@code reader}; the exit code tells success, stdout has the tokens. */
  public Processes.Result readAs(Path file, Schema reader, Resolver resolver) throws IOException {
    return run(List.of(peer.toString(), "read", file.toString(), schemaFile(reader).toString(),
        resolver.name().toLowerCase(java.util.Locale.ROOT)));
  }

  /** C encodes each value as a single-object message with the given fingerprint; the messages. */
  public List<byte[]> encode(Schema schema, List<?> values, long fingerprint) throws IOException {
    Path out = Files.createTempFile(work, "messages", ".txt");
    run(List.of(peer.toString(), "encode", schemaFile(schema).toString(), scriptFile(schema, values).toString(),
        fingerprintHex(fingerprint), out.toString())).orThrow();
    List<byte[]> messages = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.US_ASCII)) {
      if (!line.isBlank()) {
        messages.add(HexFormat.of().parseHex(line.strip()));
      }
    }
    return messages;
  }

  /** C checks each message's marker and fingerprint and decodes its body; the exit code tells success. */
  public Processes.Result decode(Schema schema, List<byte[]> messages, long fingerprint) throws IOException {
    Path in = Files.createTempFile(work, "messages", ".txt");
    StringBuilder text = new StringBuilder();
    for (byte[] m : messages) {
      text.append(HexFormat.of().formatHex(m)).append('\n');
    }
    Files.writeString(in, text, StandardCharsets.US_ASCII);
    return run(List.of(peer.toString(), "decode", schemaFile(schema).toString(), fingerprintHex(fingerprint),
        in.toString()));
  }

  /** A fresh file name in the peer's work directory. */
  public Path file(String prefix, String suffix) {
    try {
      Path p = Files.createTempFile(work, prefix, suffix);
      Files.delete(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path schemaFile(Schema schema) throws IOException {
    Path p = Files.createTempFile(work, "schema", ".avsc");
    Files.writeString(p, schema.toString(), StandardCharsets.UTF_8);
    return p;
  }

  private Path scriptFile(Schema schema, List<?> values) throws IOException {
    Path p = Files.createTempFile(work, "values", ".txt");
    Files.writeString(p, CValueScript.write(schema, values), StandardCharsets.US_ASCII);
    return p;
  }

  /** The 8 fingerprint bytes of a single-object header (little-endian CRC-64-AVRO) as 16 hex digits. */
  private static String fingerprintHex(long fingerprint) {
    return HexFormat.of().formatHex(io.lancaster.avro.message.SingleObjectHeader.of(fingerprint), 2, 10);
  }

  private Processes.Result run(List<String> command) throws IOException {
    return Processes.run(command, work, TIMEOUT);
  }
}
