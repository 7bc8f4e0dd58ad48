package io.lancaster.spark.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.RuntimeConfig;
import scala.Option;

/** Runs a block with session confs set, then restores each to its previous value (or unsets it). */
public final class SparkConfs {
  private SparkConfs() {}

  public static <T> T with(Map<String, String> confs, Callable<T> body) throws Exception {
    RuntimeConfig conf = LocalSpark.session().conf();
    Map<String, Option<String>> before = new LinkedHashMap<>();
    for (String key : confs.keySet()) {
      before.put(key, conf.getOption(key));
    }
    try {
      confs.forEach(conf::set);
      return body.call();
    } finally {
      before.forEach((key, old) -> {
        if (old.isDefined()) {
          conf.set(key, old.get());
        } else {
          conf.unset(key);
        }
      });
    }
  }
}
