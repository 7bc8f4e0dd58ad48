package io.lancaster.hive.read;

import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.schema.ParsedSchemas;
import io.lancaster.hive.schema.RecordSchemas;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.schema.TableSchemaException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.ColumnProjectionUtils;

/**
 * What a task's readers resolve every file to: the table's schema, which the SerDe published in the job's
 * configuration ({@value TableProperties#SERDE_SCHEMA}, as Hive's AvroSerDe does), reduced to the columns the query
 * reads when Hive's projection keys ({@code hive.io.file.read.all.columns}, {@code hive.io.file.readcolumn.names},
 * which Spark sets too) say so: the other columns are skipped in the files, never decoded.
 *
 * @param table the table's schema
 * @param projected the schema records are read in: the table's, or a subset of its fields
 */
public record ReadSchema(RecordSchema table, RecordSchema projected) {
  private static final int CAPACITY = 128;
  private static final Map<String, ReadSchema> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f,
      true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ReadSchema> eldest) {
      return size() > CAPACITY;
    }
  });

  /**
   * The read schema a job's configuration asks for, or null when it holds no table schema (the readers then read
   * each file in its own schema). Cached: the splits of a scan share one instance.
   *
   * @throws TableSchemaException when the configured schema is not a record schema
   */
  public static ReadSchema of(Configuration conf) {
    String json = conf.get(TableProperties.SERDE_SCHEMA);
    if (json == null || json.isBlank()) {
      return null;
    }
    String columns = ColumnProjectionUtils.isReadAllColumns(conf) ? null
        : conf.get(ColumnProjectionUtils.READ_COLUMN_NAMES_CONF_STR, "");
    String key = columns + "\u0000" + json;
    ReadSchema cached = CACHE.get(key);
    if (cached == null) {
      Schema schema;
      try {
        schema = ParsedSchemas.parse(json);
      } catch (RuntimeException e) {
        throw new TableSchemaException("configuration key " + TableProperties.SERDE_SCHEMA
            + " does not hold a valid schema: " + e.getMessage(), e);
      }
      if (!(schema instanceof RecordSchema table)) {
        throw new TableSchemaException("configuration key " + TableProperties.SERDE_SCHEMA
            + " holds a " + schema.type().typeName() + " schema, not a table's record schema");
      }
      cached = new ReadSchema(table, columns == null ? table : project(table, columns));
      CACHE.put(key, cached);
    }
    return cached;
  }

  /**
   * The table's fields named in {@code columns} (comma-separated, matched without case as Hive's column names are).
   * When a name matches no field or two, the whole table is read: reading more is always safe.
   */
  static RecordSchema project(RecordSchema table, String columns) {
    Set<String> wanted = new HashSet<>();
    for (String c : columns.split(",")) {
      if (!c.isBlank()) {
        wanted.add(c.trim().toLowerCase(Locale.ROOT));
      }
    }
    Map<String, Integer> matches = new LinkedHashMap<>();
    for (Field f : table.fields()) {
      matches.merge(f.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    for (String w : wanted) {
      if (matches.getOrDefault(w, 0) != 1) {
        return table;
      }
    }
    if (wanted.size() == table.fields().size()) {
      return table;
    }
    return RecordSchemas.subset(table, f -> wanted.contains(f.name().toLowerCase(Locale.ROOT)));
  }
}
