package io.lancaster.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.message.SingleObjectDecoder;
import io.lancaster.avro.message.SingleObjectEncoder;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.Schema;
import io.lancaster.it.interop.InteropCorpus.Feature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The workspace of one Python interop test class: Lancaster's side of each exchange (files, messages, JSON lines
 * for peer.py), the queue of peer.py jobs run in one batch, their results, and the comparisons.
 */
final class PythonExchange {
  static final int RECORDS = 30;
  static final int MESSAGES = 8;
  /** Python 1.11 writes decimal -2^(8k-1) with a byte too many (pinned in PythonInteropTest#decimalByteEdges). */
  static final Set<Feature> PYTHON_WRITES_EXCLUDE = EnumSet.of(Feature.DECIMAL_BYTE_EDGES);
  /** Python reads every value the corpus makes. */
  static final Set<Feature> PYTHON_READS_EXCLUDE = EnumSet.noneOf(Feature.class);

  private final PythonPeer python;
  private final Path dir;
  private final List<Map<String, Object>> jobs = new ArrayList<>();
  private Map<String, Map<String, Object>> results;

  private PythonExchange(PythonPeer python, Path dir) {
    this.python = python;
    this.dir = dir;
  }

  /** The exchange, or a skipped (in CI: failed) test class when Python avro is not installed. */
  static PythonExchange open(Path dir) throws IOException {
    PythonPeer found = PythonPeer.find(dir).orElse(null);
    Peers.assumeInstalled(found != null, "Apache Avro Python (a python3 that can import avro)",
        PythonPeer.HOW_TO_INSTALL);
    return new PythonExchange(found, dir);
  }

  PythonPeer python() {
    return python;
  }

  /** Queues a peer.py job: {@code args} are name, value pairs (paths become strings). */
  void job(String id, String op, Object... args) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("op", op);
    for (int i = 0; i < args.length; i += 2) {
      Object v = args[i + 1];
      job.put((String) args[i], v instanceof Path ? v.toString() : v);
    }
    jobs.add(job);
  }

  /** Runs every queued job in one Python process. */
  void run() throws IOException {
    results = python.batch(jobs);
  }

  /** A job's result (null if it never ran). */
  Map<String, Object> result(String id) {
    return results.get(id);
  }

  /** The result of a job, which must have succeeded. */
  Map<String, Object> ok(String id) {
    Map<String, Object> r = results.get(id);
    if (r == null) {
      fail("no result for Python job " + id);
    }
    if (!Boolean.TRUE.equals(r.get("ok"))) {
      fail("Python job " + id + " failed: " + r.get("error") + "\n" + r.get("trace"));
    }
    return r;
  }

  /** Asserts that a job failed with an error containing {@code expected}. */
  void failed(String id, String expected) {
    Map<String, Object> r = results.get(id);
    assertThat(r).as("result of Python job " + id).isNotNull();
    assertThat(r.get("ok")).as("Python job " + id + " should fail").isEqualTo(false);
    assertThat((String) r.get("error")).contains(expected);
  }

  Path path(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return p;
  }

  Path write(String relative, String text) throws IOException {
    return Files.writeString(path(relative), text, StandardCharsets.UTF_8);
  }

  /** Values in the spec's JSON encoding, one a line: how Lancaster hands data to peer.py. */
  Path jsonl(String relative, Schema schema, List<Object> values) throws IOException {
    JsonDatumWriter json = new JsonDatumWriter(schema);
    StringBuilder text = new StringBuilder();
    for (Object v : values) {
      text.append(json.toJson(v)).append('\n');
    }
    return write(relative, text.toString());
  }

  /** A data file Lancaster writes, in small (512-byte) blocks so that readers cross block boundaries. */
  Path lancasterWrites(Schema schema, List<Object> values, String relative, String codec) throws IOException {
    Path file = path(relative);
    try (DataFileWriter<Object> w = DataFileWriter.generic().setCodec(CodecFactory.fromOption(codec, null))
        .setSyncInterval(512).create(schema, file)) {
      for (Object v : values) {
        w.append(v);
      }
    }
    return file;
  }

  /** Single-object messages Lancaster encodes, one a line in hex (peer.py's format). */
  Path lancasterEncodes(Schema schema, List<Object> values, String relative) throws IOException {
    SingleObjectEncoder encoder = new SingleObjectEncoder(schema);
    StringBuilder text = new StringBuilder();
    for (Object v : values) {
      text.append(HexFormat.of().formatHex(encoder.encode(v))).append('\n');
    }
    return write(relative, text.toString());
  }

  /** What peer.py printed into {@code relative}, a JSON value a line. */
  List<JsonNode> peerLines(String relative) throws IOException {
    return Files.readAllLines(dir.resolve(relative), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).map(PeerJson::parse).toList();
  }

  List<byte[]> messages(String relative) throws IOException {
    return Files.readAllLines(dir.resolve(relative), StandardCharsets.US_ASCII).stream().filter(l -> !l.isBlank())
        .map(l -> HexFormat.of().parseHex(l.strip())).toList();
  }

  List<Object> decodeAll(SingleObjectDecoder decoder, String relative) throws IOException {
    List<Object> out = new ArrayList<>();
    for (byte[] message : messages(relative)) {
      out.add(decoder.decode(message));
    }
    return out;
  }

  /** Every datum of a file, read with its own schema or resolved to {@code reader}'s. */
  List<Object> readAll(String relative, Schema reader) throws IOException {
    Path file = dir.resolve(relative);
    List<Object> out = new ArrayList<>();
    try (DataFileReader<Object> r = reader == null ? DataFileReader.open(file)
        : DataFileReader.open(file, ReadOptions.defaults().withDatumReader(w -> new ResolvingDatumReader(w, reader)))) {
      while (r.hasNext()) {
        out.add(r.next());
      }
    }
    return out;
  }

  /** Exact equality record by record (Integer is not Long, enum is not string), shown as tagged JSON on failure. */
  static void assertSameValues(Schema schema, List<Object> expected, List<Object> actual, String what) {
    assertThat(actual).as(what + ": number of values").hasSize(expected.size());
    JsonDatumWriter json = new JsonDatumWriter(schema);
    for (int i = 0; i < expected.size(); i++) {
      if (!Objects.equals(expected.get(i), actual.get(i))) {
        fail(what + ": value " + i + " differs\n  expected: " + json.toJson(expected.get(i)) + "\n  actual:   "
            + json.toJson(actual.get(i)));
      }
    }
  }
}
