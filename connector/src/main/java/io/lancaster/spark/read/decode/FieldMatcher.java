package io.lancaster.spark.read.decode;

import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.StructType;

/**
 * Matches the fields of a requested Spark struct to the fields of an Avro record, as spark-avro does: by name
 * (case-insensitively unless {@code spark.sql.caseSensitive}, an ambiguous match being an error), or by position
 * with {@code positionalFieldMatching}.
 */
public record FieldMatcher(boolean positional, boolean caseSensitive) {
  public static final FieldMatcher BY_NAME = new FieldMatcher(false, false);

  /** For each field of {@code struct}, the position of its Avro field, or -1 when the record has none. */
  int[] match(StructType struct, RecordSchema record, String path) {
    List<Field> fields = record.fields();
    int[] result = new int[struct.fields().length];
    for (int j = 0; j < result.length; j++) {
      String name = struct.fields()[j].name();
      if (positional) {
        result[j] = j < fields.size() ? j : -1;
        continue;
      }
      Field exact = record.field(name);
      if (exact != null) {
        result[j] = exact.position();
        continue;
      }
      result[j] = -1;
      if (!caseSensitive) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Field f : fields) {
          if (f.name().toLowerCase(Locale.ROOT).equals(lower)) {
            if (result[j] >= 0) {
              throw new IncompatibleTypeException("Searching for '" + name + "' in Avro record " + record.fullName()
                  + (path.isEmpty() ? "" : " at " + path) + " gave more than one match (fields '"
                  + fields.get(result[j]).name() + "' and '" + f.name() + "'); set spark.sql.caseSensitive=true");
            }
            result[j] = f.position();
          }
        }
      }
    }
    return result;
  }
}
