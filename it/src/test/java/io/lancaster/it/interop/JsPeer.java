package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lancaster.avro.json.JsonDatumReader;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * avsc, npm's JavaScript implementation of Avro, as a peer: {@code interop/node/peer.js} (run by node from the
 * source tree, where {@code npm ci} installed avsc and the codec packages) writes and reads container files and
 * single-object messages with avsc. Every command of a test class goes into one {@link Batch}, run by one node
 * process, because starting node per file would cost more than all the work. Values travel as the spec's JSON
 * encoding, one datum a line, written by Lancaster's JsonDatumWriter; peer.js prints the same encoding back
 * (unions tagged, longs exact as 64-bit integers, NaN as a string), which {@link #values} reads with Lancaster's
 * JsonDatumReader so that values, union branches included, are compared exactly.
 */
public final class JsPeer {
  /** Codecs peer.js reads and writes: avsc's null and deflate, snappy (snappyjs) and zstandard (zstd-wasm). */
  public static final List<String> CODECS = List.of("null", "deflate", "snappy", "zstandard");
  /** The avsc version package.json pins; the docs describe this one. */
  public static final String AVSC_VERSION = "5.7.9";

  static final String PROJECT = "it/src/test/resources/interop/node";
  private static final String INSTALL = "install node 16 or later and run npm ci in " + PROJECT;
  private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");
  private static final Pattern AVSC_INSTALLED = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  private final String node;
  private final Path script;
  private final Path work;
  private int files;

  private JsPeer(String node, Path script, Path work) {
    this.node = node;
    this.script = script;
    this.work = work;
  }

  /**
   * Finds node and the installed node project; skips the calling test (fails it when peers are required) when
   * either is missing, saying how to install it.
   */
  public static JsPeer start(Path work) {
    String node = findNode();
    Peers.assumeInstalled(node != null, "node (JavaScript peer avsc)", INSTALL);
    Path project = InteropCorpus.repoRoot().resolve(PROJECT);
    Path avsc = project.resolve("node_modules/avsc/package.json");
    boolean installed = Files.isRegularFile(avsc)
        && Files.isDirectory(project.resolve("node_modules/snappyjs"))
        && Files.isDirectory(project.resolve("node_modules/@bokuweb/zstd-wasm"));
    Peers.assumeInstalled(installed, "avsc (npm packages of " + PROJECT + ")", "run npm ci in " + PROJECT);
    String version = installedVersion(avsc);
    Peers.assumeInstalled(AVSC_VERSION.equals(version), "avsc " + AVSC_VERSION + " (found " + version + ")",
        "run npm ci in " + PROJECT);
    return new JsPeer(node, project.resolve("peer.js"), work);
  }

  private static String findNode() {
    List<String> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        candidates.add(Path.of(dir, "node").toString());
      }
    }
    candidates.add("/usr/bin/node");
    candidates.add("/usr/local/bin/node");
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c)) && majorVersion(c) >= 16) {
        return c;
      }
    }
    return null;
  }

  private static int majorVersion(String node) {
    try {
      Path dir = Files.createTempDirectory("node-probe");
      Processes.Result r = Processes.run(List.of(node, "--version"), dir, Duration.ofSeconds(30));
      Matcher m = NODE_VERSION.matcher(r.stdout());
      return r.exitCode() == 0 && m.find() ? Integer.parseInt(m.group(1)) : -1;
    } catch (IOException | AssertionError e) {
      return -1;
    }
  }

  private static String installedVersion(Path packageJson) {
    try {
      Matcher m = AVSC_INSTALLED.matcher(Files.readString(packageJson));
      return m.find() ? m.group(1) : "unknown";
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  /** A fresh path in the work directory. */
  public Path file(String prefix, String suffix) {
    return work.resolve(prefix.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + (files++) + suffix);
  }

  /** Writes a schema's JSON text to a file for the peer. */
  public Path schemaFile(String name, String schemaJson) {
    Path p = file(name, ".avsc");
    write(p, schemaJson);
    return p;
  }

  /** Writes values as JSON lines in the spec's JSON encoding, the peer's input. */
  public Path jsonLines(String name, Schema schema, List<Object> values) {
    JsonDatumWriter writer = new JsonDatumWriter(schema);
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      sb.append(writer.toJson(v)).append('\n');
    }
    Path p = file(name, ".jsonl");
    write(p, sb.toString());
    return p;
  }

  /** Writes byte arrays as hex lines (single-object messages for the peer). */
  public Path hexLines(String name, List<byte[]> messages) {
    StringBuilder sb = new StringBuilder();
    for (byte[] m : messages) {
      sb.append(HexFormat.of().formatHex(m)).append('\n');
    }
    Path p = file(name, ".hex");
    write(p, sb.toString());
    return p;
  }

  public Batch batch() {
    return new Batch();
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commands collected to run in one node process. */
  public final class Batch {
    private final List<Job> jobs = new ArrayList<>();
    private boolean ran;

    /** avsc writes the JSON lines' values to {@code out} with {@code codec}; the job prints them back. */
    public Job write(Path schema, Path jsonl, Path out, String codec, int blockSize) {
      return add("write", schema.toString(), jsonl.toString(), out.toString(), codec, Integer.toString(blockSize));
    }

    /** avsc reads a container file, with its own schema or resolved to {@code reader} (may be null). */
    public Job read(Path avro, Path reader) {
      return reader == null ? add("read", avro.toString()) : add("read", avro.toString(), reader.toString());
    }

    /** avsc encodes the JSON lines' values as single-object messages, one hex line each. */
    public Job encode(Path schema, Path jsonl) {
      return add("encode", schema.toString(), jsonl.toString());
    }

    /** avsc decodes hex single-object messages, finding writers by fingerprint among {@code writers}. */
    public Job decode(Path reader, Path hex, Path... writers) {
      List<String> args = new ArrayList<>(List.of("decode", reader.toString(), hex.toString()));
      for (Path w : writers) {
        args.add(w.toString());
      }
      return add(args);
    }

    /** avsc's canonical form of a schema and the CRC-64-AVRO of it that peer.js computes. */
    public Job fingerprint(Path schema) {
      return add("fingerprint", schema.toString());
    }

    private Job add(String... args) {
      return add(List.of(args));
    }

    private Job add(List<String> args) {
      if (ran) {
        throw new IllegalStateException("the batch already ran");
      }
      Job job = new Job(args, file(args.get(0), ".out"));
      jobs.add(job);
      return job;
    }

    /** Runs every job in one node process; each job's own failure is reported by its {@link Job#lines()}. */
    public void run(Duration timeout) throws IOException {
      ran = true;
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < jobs.size(); i++) {
        Job j = jobs.get(i);
        json.append(i == 0 ? "" : ",\n").append("{\"args\": [");
        for (int a = 0; a < j.args.size(); a++) {
          json.append(a == 0 ? "" : ", ").append(quote(j.args.get(a)));
        }
        json.append("], \"out\": ").append(quote(j.out.toString())).append('}');
      }
      json.append("]\n");
      Path jobsFile = file("jobs", ".json");
      JsPeer.write(jobsFile, json.toString());
      Processes.run(List.of(node, script.toString(), "batch", jobsFile.toString()), work, timeout).orThrow();
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** One command of a batch and where its output went. */
  public static final class Job {
    private final List<String> args;
    private final Path out;

    Job(List<String> args, Path out) {
      this.args = List.copyOf(args);
      this.out = out;
    }

    /** The job's output lines; fails the calling test with avsc's error when the job failed. */
    public List<String> lines() {
      try {
        Path error = out.resolveSibling(out.getFileName() + ".error");
        if (Files.exists(error)) {
          fail("avsc failed: peer.js " + String.join(" ", args) + "\n" + Files.readString(error));
        }
        if (!Files.exists(out)) {
          fail("peer.js left no output for: " + String.join(" ", args) + " (did the batch run?)");
        }
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The error avsc reported for this job, or null when it succeeded. */
    public String error() {
      try {
        Path error = out.resolveSibling(out.getFileName() + ".error");
        return Files.exists(error) ? Files.readString(error) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The job's output lines as JSON trees (for {@link PeerJson}). */
    public List<JsonNode> json() {
      return lines().stream().map(PeerJson::parse).toList();
    }

    /** The job's output lines read as the spec's JSON encoding of {@code schema}: Lancaster generic values. */
    public List<Object> values(Schema schema) {
      JsonDatumReader reader = new JsonDatumReader(schema);
      List<Object> values = new ArrayList<>();
      for (String line : lines()) {
        try {
          values.add(reader.read(line));
        } catch (IOException e) {
          throw new AssertionError("avsc printed a line that is not the JSON encoding of " + schema.fullName()
              + ": " + e.getMessage() + "\n  " + line, e);
        }
      }
      return values;
    }

    /** The job's output lines as bytes (hex lines of single-object messages). */
    public List<byte[]> hex() {
      return lines().stream().map(l -> HexFormat.of().parseHex(l.trim())).toList();
    }

    @Override
    public String toString() {
      return "peer.js " + String.join(" ", args);
    }
  }
}
