package io.lancaster.spark.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writer schemas kept as {@code .avsc} files in one directory, on any file system Hadoop knows, read once on the
 * driver (the tasks get the schemas themselves, so the directory need not be reachable from the executors).
 * Subdirectories and other files are ignored.
 */
final class SchemaDirectory {
  static final String EXTENSION = ".avsc";

  private SchemaDirectory() {}

  /** Every schema of the directory, in file name order. */
  static List<String> schemas(String dir) {
    List<String> out = new ArrayList<>();
    files(dir).forEach((name, json) -> out.add(json));
    return out;
  }

  /** The schemas of a schema-registry directory, where each file is named after its id: {@code 7.avsc}. */
  static Map<Long, String> byRegistryId(String dir) {
    Map<Long, String> out = new TreeMap<>();
    files(dir).forEach((name, json) -> {
      String stem = name.substring(0, name.length() - EXTENSION.length());
      long id;
      try {
        id = Long.parseLong(stem);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("schema file " + name + " in " + dir
            + " is not named after a schema-registry id (e.g. 7" + EXTENSION + ")");
      }
      out.put((long) Framing.checkedId(id), json);
    });
    return out;
  }

  private static Map<String, String> files(String dir) {
    Path path = new Path(dir);
    Map<String, String> byName = new TreeMap<>();
    try {
      FileSystem fs = path.getFileSystem(DriverOptions.hadoopConf());
      for (FileStatus f : fs.listStatus(path)) {
        String name = f.getPath().getName();
        if (f.isFile() && name.endsWith(EXTENSION)) {
          try (InputStream in = fs.open(f.getPath())) {
            byName.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema directory " + dir, e);
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("no " + EXTENSION + " files in the schema directory " + dir);
    }
    return byName;
  }
}
