package io.lancaster.it.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Apache Avro Python as a peer: finds an interpreter that can {@code import avro} (Debian's python3-avro is
 * installed for /usr/bin/python3, which a pyenv or virtualenv {@code python3} on the PATH cannot see), installs
 * {@code interop/python/peer.py} into a work directory and runs it. Many jobs go into one {@link #batch} run,
 * since starting Python and importing avro costs more than most jobs.
 */
final class PythonPeer {
  /** System property naming the interpreter to use instead of searching. */
  static final String PYTHON_PROPERTY = "lancaster.interop.python";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String HOW_TO_INSTALL = "apt-get install python3-avro python3-snappy python3-zstandard";

  private final String python;
  private final Path script;
  private final Path dir;

  private PythonPeer(String python, Path script, Path dir) {
    this.python = python;
    this.script = script;
    this.dir = dir;
  }

  /** The peer, or empty when no interpreter on this machine can import avro. */
  static Optional<PythonPeer> find(Path workDir) throws IOException {
    List<String> candidates = new ArrayList<>();
    String configured = System.getProperty(PYTHON_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    }
    candidates.addAll(List.of("/usr/bin/python3", "python3", "python"));
    for (String candidate : candidates) {
      if (Processes.succeeds(List.of(candidate, "-c", "import avro.datafile, avro.io, avro.schema"))) {
        Path script = workDir.resolve("peer.py");
        Files.writeString(script, InteropCorpus.resource("interop/python/peer.py"), StandardCharsets.UTF_8);
        return Optional.of(new PythonPeer(candidate, script, workDir));
      }
    }
    return Optional.empty();
  }

  String interpreter() {
    return python;
  }

  String version() throws IOException {
    return run(List.of("version")).stdout().strip();
  }

  /** The codecs the library supports with the modules installed here. */
  Set<String> codecs() throws IOException {
    return new TreeSet<>(Arrays.asList(run(List.of("codecs")).stdout().strip().split("\\s+")));
  }

  Processes.Result run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(args);
    return Processes.run(command, dir, Duration.ofMinutes(3)).orThrow();
  }

  /**
   * Runs {@code jobs} (each a map of {@code id}, {@code op} and the op's arguments, see peer.py) in one process;
   * returns each job's result by id ({@code ok}, and {@code error} when not ok).
   */
  Map<String, Map<String, Object>> batch(List<Map<String, Object>> jobs) throws IOException {
    Path in = dir.resolve("jobs.jsonl");
    Path out = dir.resolve("results.jsonl");
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> job : jobs) {
      text.append(MAPPER.writeValueAsString(job)).append('\n');
    }
    Files.writeString(in, text, StandardCharsets.UTF_8);
    run(List.of("batch", in.toString(), out.toString()));
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = MAPPER.readValue(line, Map.class);
        results.put((String) r.get("id"), r);
      }
    }
    return results;
  }
}
