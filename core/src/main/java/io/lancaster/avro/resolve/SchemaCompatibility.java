package io.lancaster.avro.resolve;

import io.lancaster.avro.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers, before anything ships, whether a schema change breaks readers or writers: every incompatibility with
 * its field path and kind. The verdicts come from the same rules that build the resolution plan, so "compatible"
 * means exactly that {@link ResolvingDatumReader} reads every datum.
 */
public final class SchemaCompatibility {
  private SchemaCompatibility() {}

  /** The outcome of a check: compatible when there is no incompatibility. */
  public record Result(List<Incompatibility> incompatibilities) {
    public Result {
      incompatibilities = List.copyOf(incompatibilities);
    }

    public boolean isCompatible() {
      return incompatibilities.isEmpty();
    }
  }

  /** Can a reader with {@code reader} read every datum written with {@code writer}? */
  public static Result canRead(Schema reader, Schema writer) {
    return canRead(reader, writer, ResolutionOptions.DEFAULT);
  }

  public static Result canRead(Schema reader, Schema writer, ResolutionOptions options) {
    return new Result(Resolver.incompatibilities(writer, reader, options));
  }

  /**
   * Checks {@code newSchema} against the earlier versions {@code previous} (oldest first) at {@code level}. Each
   * incompatibility's message says which version pair it concerns.
   */
  public static Result check(CompatibilityLevel level, Schema newSchema, List<Schema> previous) {
    return check(level, newSchema, previous, ResolutionOptions.DEFAULT);
  }

  public static Result check(CompatibilityLevel level, Schema newSchema, List<Schema> previous,
      ResolutionOptions options) {
    List<Incompatibility> all = new ArrayList<>();
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return new Result(all);
    }
    int from = level.transitive() ? 0 : previous.size() - 1;
    for (int i = previous.size() - 1; i >= from; i--) {
      Schema old = previous.get(i);
      String version = "version " + (i + 1) + " of " + previous.size();
      if (level.newReadsOld()) {
        for (Incompatibility x : Resolver.incompatibilities(old, newSchema, options)) {
          all.add(new Incompatibility(x.kind(), x.path(), "the new schema reading data of " + version + ": "
              + x.message()));
        }
      }
      if (level.oldReadsNew()) {
        for (Incompatibility x : Resolver.incompatibilities(newSchema, old, options)) {
          all.add(new Incompatibility(x.kind(), x.path(), version + " reading data of the new schema: "
              + x.message()));
        }
      }
    }
    return new Result(all);
  }
}
