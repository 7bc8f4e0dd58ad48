package io.lancaster.spark.read;

import io.lancaster.spark.testing.Canonical;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the same path with Lancaster ({@code format("lancaster")}) and with spark-avro, with the same options and
 * query, and compares the outcomes: the same schema and the same rows (as {@link CanonicalRows}), or both fail.
 */
final class BothReaders {
  static final String LANCASTER = "lancaster";

  private BothReaders() {}

  /** What one reader gave: a schema and rows, or the failure. */
  record Outcome(String format, StructType schema, List<String> rows, Exception failure) {
    boolean failed() {
      return failure != null;
    }

    @Override
    public String toString() {
      return failed() ? format + " failed: " + Causes.messages(failure)
          : format + " read " + rows.size() + " rows of " + schema.simpleString() + ", e.g. "
              + rows.subList(0, Math.min(3, rows.size()));
    }
  }

  static Outcome read(String format, String path, Map<String, String> options, UnaryOperator<Dataset<Row>> query) {
    return read(format, List.of(path), options, query);
  }

  /** Reads several paths (files are listed in the order given; a directory's files in the file system's order). */
  static Outcome read(String format, List<String> paths, Map<String, String> options,
      UnaryOperator<Dataset<Row>> query) {
    try {
      Dataset<Row> df = query.apply(LocalSpark.session().read().format(format).options(options)
          .load(paths.toArray(new String[0])));
      StructType schema = df.schema();
      return new Outcome(format, schema, Canonical.rows(df.collectAsList()), null);
    } catch (Exception e) {
      return new Outcome(format, null, null, e);
    }
  }

  /** Both readers' outcomes, Lancaster's first. */
  static Outcome[] readBoth(String path, Map<String, String> options, UnaryOperator<Dataset<Row>> query) {
    return readBoth(List.of(path), options, query);
  }

  static Outcome[] readBoth(List<String> paths, Map<String, String> options, UnaryOperator<Dataset<Row>> query) {
    return new Outcome[] {read(LANCASTER, paths, options, query), read(LocalSpark.SPARK_AVRO, paths, options, query)};
  }

  /** Asserts both read the same schema and rows, or both fail; returns Lancaster's outcome. */
  static Outcome assertAlike(String what, String path, Map<String, String> options,
      UnaryOperator<Dataset<Row>> query) {
    Outcome[] both = readBoth(path, options, query);
    return assertAlike(what, both[0], both[1]);
  }

  /** Asserts Lancaster's outcome is spark-avro's: the same schema and rows, or both failed; returns Lancaster's. */
  static Outcome assertAlike(String what, Outcome ours, Outcome theirs) {
    if (theirs.failed()) {
      assertThat(ours.failed()).as("%s: spark-avro fails (%s) but Lancaster reads: %s", what, theirs, ours).isTrue();
      return ours;
    }
    if (ours.failed()) {
      throw new AssertionError(what + ": spark-avro reads (" + theirs + ") but Lancaster fails", ours.failure());
    }
    assertThat(ours.schema()).as("%s: schema", what).isEqualTo(theirs.schema());
    assertThat(ours.rows()).as("%s: rows", what).isEqualTo(theirs.rows());
    return ours;
  }

  /** Asserts both read (neither fails) the same schema and rows; returns Lancaster's outcome. */
  static Outcome assertSameRead(String what, String path, Map<String, String> options,
      UnaryOperator<Dataset<Row>> query) {
    Outcome ours = assertAlike(what, path, options, query);
    assertThat(ours.failed()).as("%s: both fail: %s", what, ours).isFalse();
    return ours;
  }

  static Outcome assertSameRead(String what, String path, Map<String, String> options) {
    return assertSameRead(what, path, options, UnaryOperator.identity());
  }
}
