package io.lancaster.spark.write.encode;

import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.spark.types.IncompatibleSchemaException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Matches the fields of a Spark struct to the fields of the Avro record it is written as, with spark-avro's rules
 * and messages: by name (case-insensitively unless {@code spark.sql.caseSensitive}; two candidates are an error), or
 * by position with {@code positionalFieldMatching}. Every struct field needs an Avro field; an Avro field without a
 * struct field must be a union with null (it is written as null).
 */
final class FieldMatching {
  /** A struct field and the Avro field it is written to. */
  record Match(StructField sparkField, int sparkPosition, Field avroField) {}

  private final RecordSchema record;
  private final StructType struct;
  private final List<String> avroPath;
  private final List<String> sparkPath;
  private final boolean positional;
  private final boolean caseSensitive;
  private final List<Match> matches = new ArrayList<>();

  FieldMatching(RecordSchema record, StructType struct, List<String> avroPath, List<String> sparkPath,
      boolean positional, boolean caseSensitive) {
    this.record = record;
    this.struct = struct;
    this.avroPath = avroPath;
    this.sparkPath = sparkPath;
    this.positional = positional;
    this.caseSensitive = caseSensitive;
    StructField[] fields = struct.fields();
    for (int j = 0; j < fields.length; j++) {
      Field f = avroField(fields[j].name(), j);
      if (f != null) {
        matches.add(new Match(fields[j], j, f));
      }
    }
  }

  List<Match> matches() {
    return matches;
  }

  /** Fails on a struct field that has no Avro field. */
  void requireEverySparkField() {
    StructField[] fields = struct.fields();
    for (int j = 0; j < fields.length; j++) {
      if (avroField(fields[j].name(), j) == null) {
        if (positional) {
          throw new IncompatibleSchemaException("Cannot find field at position " + j + " of "
              + EncoderCompiler.fieldStr(avroPath) + " from Avro schema (using positional matching)");
        }
        throw new IncompatibleSchemaException("Cannot find " + EncoderCompiler.fieldStr(append(sparkPath,
            fields[j].name())) + " in Avro schema");
      }
    }
  }

  /** Fails on an Avro field that no struct field matches, unless it can be null. */
  void requireEveryNonNullAvroField() {
    Set<Field> matched = new HashSet<>();
    for (Match m : matches) {
      matched.add(m.avroField());
    }
    for (Field f : record.fields()) {
      if (!matched.contains(f) && !isNullableUnion(f.schema())) {
        if (positional) {
          throw new IncompatibleSchemaException("Found field '" + f.name() + "' at position " + f.position() + " of "
              + EncoderCompiler.fieldStr(avroPath) + " from Avro schema but there is no match in the SQL schema at "
              + EncoderCompiler.fieldStr(sparkPath) + " (using positional matching)");
        }
        throw new IncompatibleSchemaException("Found " + EncoderCompiler.fieldStr(append(avroPath, f.name()))
            + " in Avro schema but there is no match in the SQL schema");
      }
    }
  }

  /** A union with a null branch: what an unmatched Avro field must be (spark-avro's test; a bare null is not). */
  static boolean isNullableUnion(Schema s) {
    return s instanceof UnionSchema u && u.nullIndex() >= 0;
  }

  private Field avroField(String name, int position) {
    if (positional) {
      return position < record.fields().size() ? record.fields().get(position) : null;
    }
    Field found = null;
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> candidates = new ArrayList<>();
    for (Field f : record.fields()) {
      boolean same = caseSensitive ? f.name().equals(name) : f.name().toLowerCase(Locale.ROOT).equals(lower);
      if (same) {
        candidates.add(f.name());
        found = f;
      }
    }
    if (candidates.size() > 1) {
      throw new IncompatibleSchemaException("Searching for '" + name + "' in Avro schema at "
          + EncoderCompiler.fieldStr(avroPath) + " gave " + candidates.size() + " matches. Candidates: "
          + candidates);
    }
    return found;
  }

  static List<String> append(List<String> path, String name) {
    List<String> p = new ArrayList<>(path);
    p.add(name);
    return List.copyOf(p);
  }
}
