package io.lancaster.spark.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Parsing of data source option values shared by the read, write and function options: case-insensitive names as
 * in all of Spark's sources, and the error messages spark-avro gives for a value of the wrong kind.
 */
public final class OptionValues {
  private OptionValues() {}

  /** The options keyed case-insensitively. */
  public static Map<String, String> caseInsensitive(Map<String, String> options) {
    Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(options);
    return o;
  }

  public static boolean bool(Map<String, String> o, String key, boolean dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (!t.equals("true") && !t.equals("false")) {
      throw new IllegalArgumentException("Invalid value for the option " + key + ": cannot cast '" + v
          + "' to Boolean.");
    }
    return t.equals("true");
  }

  public static int integer(Map<String, String> o, String key, int dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value for the option " + key + ": '" + v + "' is not an integer.");
    }
  }

  /**
   * A {@code datetimeRebaseMode} value (of an option or a conf named {@code source}) as {@code EXCEPTION},
   * {@code LEGACY} or {@code CORRECTED}, case-insensitively.
   */
  public static String rebaseMode(String value, String source) {
    String m = value.trim().toUpperCase(Locale.ROOT);
    if (!m.equals("EXCEPTION") && !m.equals("LEGACY") && !m.equals("CORRECTED")) {
      throw new IllegalArgumentException("Invalid value for " + source + ": '" + value
          + "' (expected EXCEPTION, LEGACY or CORRECTED).");
    }
    return m;
  }

  /** The text of a schema at a URL of any Hadoop file system, named by the option {@code option} in errors. */
  public static String fetch(String url, Configuration conf, String option) {
    try {
      FileSystem fs = FileSystem.get(new URI(url), conf);
      try (InputStream in = fs.open(new Path(url))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Avro schema at " + option + " " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid " + option + " " + url, e);
    }
  }
}
