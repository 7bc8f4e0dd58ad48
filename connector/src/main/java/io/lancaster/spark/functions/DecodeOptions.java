package io.lancaster.spark.functions;

import io.lancaster.spark.options.OptionValues;
import io.lancaster.spark.read.AvroReadOptions;
import io.lancaster.spark.types.TypeMappingOptions;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.catalyst.util.DropMalformedMode$;
import org.apache.spark.sql.catalyst.util.FailFastMode$;
import org.apache.spark.sql.catalyst.util.ParseMode$;
import org.apache.spark.sql.catalyst.util.ParseMode;
import org.apache.spark.sql.errors.QueryCompilationErrors;

/**
 * The options of the decoding functions, under spark-avro's names (case-insensitive): {@code mode} (FAILFAST, the
 * default, or PERMISSIVE; an unknown name is PERMISSIVE as in Spark), {@code datetimeRebaseMode}, the union
 * naming options and {@code recursiveFieldMaxDepth}. Parsed from the option map a {@link DecodeSpec} carries, where
 * the driver has already put the session's rebase mode, so every task decodes alike.
 *
 * @param permissive whether a malformed datum gives a null result instead of failing the query
 * @param rebaseMode EXCEPTION, LEGACY or CORRECTED: how dates and timestamps before 1582 are read
 * @param typeMapping how the schema maps to a Spark type
 */
record DecodeOptions(boolean permissive, String rebaseMode, TypeMappingOptions typeMapping) {

  static final String MODE = "mode";
  static final String REBASE_MODE_CONF = "spark.sql.avro.datetimeRebaseModeInRead";

  DecodeOptions {
    Objects.requireNonNull(rebaseMode, "rebaseMode");
    Objects.requireNonNull(typeMapping, "typeMapping");
  }

  /** Parses {@code options} for the function {@code function} (named in errors). */
  static DecodeOptions parse(String function, Map<String, String> options) {
    Map<String, String> o = OptionValues.caseInsensitive(options);
    ParseMode mode = o.containsKey(MODE) ? ParseMode$.MODULE$.fromString(o.get(MODE)) : FailFastMode$.MODULE$;
    if (mode == DropMalformedMode$.MODULE$) {
      throw SparkErrors.raise(QueryCompilationErrors.parseModeUnsupportedError(function, mode));
    }
    String rebase = OptionValues.rebaseMode(o.getOrDefault(AvroReadOptions.DATETIME_REBASE_MODE, "CORRECTED"),
        "the option " + AvroReadOptions.DATETIME_REBASE_MODE);
    TypeMappingOptions typeMapping = new TypeMappingOptions(
        OptionValues.bool(o, AvroReadOptions.STABLE_IDS, false),
        o.getOrDefault(AvroReadOptions.STABLE_ID_PREFIX, TypeMappingOptions.DEFAULT.stableIdPrefix()),
        OptionValues.integer(o, AvroReadOptions.RECURSIVE_FIELD_MAX_DEPTH,
            TypeMappingOptions.DEFAULT.recursiveFieldMaxDepth()));
    return new DecodeOptions(mode != FailFastMode$.MODULE$, rebase, typeMapping);
  }



}
