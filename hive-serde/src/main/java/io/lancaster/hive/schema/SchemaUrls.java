package io.lancaster.hive.schema;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Fetches the schemas behind {@link TableProperties#SCHEMA_URL}: http(s) URLs through {@link URLConnection}, any
 * other through the Hadoop file system of its scheme (hdfs:, s3a:, file:, a path without scheme on the default file
 * system).
 *
 * <p>Each URL is fetched once per Hadoop {@link Configuration} object and remembered for as long as that object
 * lives. Hive and Spark give each task (and each scan, on a Spark executor) its own configuration object, so a task
 * fetches once however many SerDes, readers and writers it opens, and a later query sees a changed schema. Hive's
 * AvroSerDe fetches again for every one of them.
 */
public final class SchemaUrls {
  private static final int TIMEOUT_MILLIS = 30_000;
  /** Keys are compared by identity: Configuration does not override equals. */
  private static final Map<Configuration, Map<String, Schema>> FETCHED = Collections.synchronizedMap(
      new WeakHashMap<>());

  private SchemaUrls() {}

  /**
   * The schema at {@code url}, fetched at most once per {@code conf} (every time when {@code conf} is null).
   *
   * @throws TableSchemaException naming the URL, when it cannot be read or does not hold a schema
   */
  public static Schema fetch(String url, Configuration conf) {
    if (conf == null) {
      return load(url, null);
    }
    Map<String, Schema> known;
    synchronized (FETCHED) {
      known = FETCHED.computeIfAbsent(conf, c -> Collections.synchronizedMap(new HashMap<>()));
    }
    Schema schema = known.get(url);
    if (schema == null) {
      schema = load(url, conf);
      known.put(url, schema);
    }
    return schema;
  }

  private static Schema load(String url, Configuration conf) {
    String json;
    try {
      json = read(url, conf);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new TableSchemaException("cannot read the table's schema from " + TableProperties.SCHEMA_URL + " "
          + url + ": " + e, e);
    }
    try {
      return ParsedSchemas.parse(json);
    } catch (SchemaParseException e) {
      throw new TableSchemaException(TableProperties.SCHEMA_URL + " " + url + " does not hold a valid schema: "
          + e.getMessage(), e);
    }
  }

  private static String read(String url, Configuration conf) throws IOException, URISyntaxException {
    URI uri = new URI(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      URLConnection connection = uri.toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      try (InputStream in = connection.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf == null ? new Configuration() : conf);
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
