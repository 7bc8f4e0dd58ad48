package io.lancaster.bench.demo;

import java.util.ArrayList;
import java.util.List;

/** The wall-clock time of each step of the demo, in order. */
public final class StepTimes {
  /** One step: what it was, how long it took, and how many rows it went through (0: not a scan). */
  public record Step(String name, double seconds, long rows) {
    public double rowsPerSecond() {
      return rows > 0 && seconds > 0 ? rows / seconds : 0;
    }
  }

  /** A step's work. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }

  private final List<Step> steps = new ArrayList<>();

  /** Runs {@code work}, recording its time under {@code name}; {@code rows} is how many rows it reads. */
  public <T> T time(String name, long rows, Work<T> work) throws Exception {
    long start = System.nanoTime();
    T result = work.run();
    steps.add(new Step(name, (System.nanoTime() - start) / 1e9, rows));
    return result;
  }

  public List<Step> steps() {
    return List.copyOf(steps);
  }
}
