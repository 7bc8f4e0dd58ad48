package io.lancaster.spark.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The messages of an exception and all its causes (Spark wraps a task's failure several times). */
final class Causes {
  private Causes() {}

  static String messages(Throwable t) {
    List<String> out = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable c = t; c != null && seen.put(c, true) == null; c = c.getCause()) {
      out.add(c.getClass().getSimpleName() + ": " + c.getMessage());
    }
    return String.join(" <- ", out);
  }
}
