package io.lancaster.spark.commit;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Failures injected into the tasks of a write: a column that passes a {@code bigint} id through and throws when a
 * task attempt reaches one id. The rows before it have already gone to the attempt's output file, so the failed
 * attempt leaves a partly written file behind for the commit protocol to discard. Local tasks run in this JVM, so
 * each fault counts the failures it injected, and a test can check that its fault really fired. The streaming tests
 * use it too.
 */
public final class Faults {
  private static final Map<String, AtomicInteger> FIRED = new ConcurrentHashMap<>();

  private final String token = UUID.randomUUID().toString();

  public Faults() {
    FIRED.put(token, new AtomicInteger());
  }

  /** {@code id}, but the first attempt of the task that reaches {@code atId} fails there; its retry succeeds. */
  public Column failFirstAttempt(Column id, long atId) {
    return inject(id, atId, false);
  }

  /** {@code id}, but every attempt of the task that reaches {@code atId} fails there, so the job fails. */
  public Column failEveryAttempt(Column id, long atId) {
    return inject(id, atId, true);
  }

  /** How many task attempts failed by this fault. */
  public int fired() {
    return FIRED.get(token).get();
  }

  private Column inject(Column id, long atId, boolean everyAttempt) {
    String key = token;
    UDF1<Long, Long> f = value -> {
      if (value != null && value == atId && (everyAttempt || TaskContext.get().attemptNumber() == 0)) {
        FIRED.get(key).incrementAndGet();
        throw new IllegalStateException("injected failure at id " + atId + ", attempt "
            + TaskContext.get().attemptNumber());
      }
      return value;
    };
    // nondeterministic: the optimizer must neither fold nor move it
    return functions.udf(f, DataTypes.LongType).asNondeterministic().apply(id);
  }
}
