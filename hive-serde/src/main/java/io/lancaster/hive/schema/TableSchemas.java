package io.lancaster.hive.schema;

import io.lancaster.avro.SchemaParseException;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;

/**
 * The Avro schema of a table, from its properties, in Hive's AvroSerDe's order: {@link TableProperties#SCHEMA_LITERAL},
 * else {@link TableProperties#SCHEMA_URL}, else derived from the table's columns ({@link ColumnsToAvro}). A
 * literal or URL of {@value TableProperties#NONE} counts as absent; a URL of {@code none} with no literal is an
 * error, as in Hive. Returns shared instances ({@link ParsedSchemas}).
 */
public final class TableSchemas {
  private TableSchemas() {}

  /**
   * The table's schema, a record.
   *
   * @param conf the configuration to reach a schema URL's file system with (and to fetch it once for), or null
   * @throws TableSchemaException naming the property when no schema can be found, read or parsed, or it is not a
   *     record
   */
  public static RecordSchema of(Configuration conf, Properties properties) {
    String literal = properties.getProperty(TableProperties.SCHEMA_LITERAL);
    if (literal != null && !literal.equals(TableProperties.NONE)) {
      Schema schema;
      try {
        schema = ParsedSchemas.parse(literal);
      } catch (SchemaParseException e) {
        throw new TableSchemaException("table property " + TableProperties.SCHEMA_LITERAL
            + " is not a valid schema: " + e.getMessage(), e);
      }
      return record(schema, "table property " + TableProperties.SCHEMA_LITERAL);
    }
    String url = properties.getProperty(TableProperties.SCHEMA_URL);
    if (url == null) {
      return fromColumns(properties);
    }
    if (url.equals(TableProperties.NONE)) {
      throw noSchema();
    }
    return record(SchemaUrls.fetch(url.trim(), conf), TableProperties.SCHEMA_URL + " " + url);
  }

  /** True when the properties name a schema (literal or URL) rather than leaving it to the columns. */
  public static boolean hasExternalSchema(Map<String, String> tableParameters) {
    return tableParameters.containsKey(TableProperties.SCHEMA_LITERAL)
        || tableParameters.containsKey(TableProperties.SCHEMA_URL);
  }

  private static RecordSchema fromColumns(Properties properties) {
    String names = properties.getProperty(TableProperties.COLUMNS);
    String types = properties.getProperty(TableProperties.COLUMN_TYPES);
    if (names == null || names.isEmpty() || types == null || types.isEmpty()) {
      throw noSchema();
    }
    String delimiter = properties.getProperty(TableProperties.COLUMN_NAME_DELIMITER, ",");
    List<String> columnNames = Arrays.asList(names.split(Pattern.quote(delimiter)));
    List<TypeInfo> columnTypes;
    try {
      columnTypes = TypeInfoUtils.getTypeInfosFromTypeString(types);
    } catch (RuntimeException e) {
      throw new TableSchemaException("table property " + TableProperties.COLUMN_TYPES + " is not a list of Hive"
          + " types: " + types, e);
    }
    String comments = properties.getProperty(TableProperties.COLUMN_COMMENTS, "");
    List<String> columnComments = comments.isEmpty() ? List.of() : Arrays.asList(comments.split("\0"));
    RecordSchema schema = ColumnsToAvro.convert(columnNames, columnTypes, columnComments,
        properties.getProperty(TableProperties.SCHEMA_NAMESPACE),
        properties.getProperty(TableProperties.SCHEMA_NAME, properties.getProperty(TableProperties.TABLE_NAME)),
        properties.getProperty(TableProperties.SCHEMA_DOC, properties.getProperty(TableProperties.TABLE_COMMENT)));
    return (RecordSchema) ParsedSchemas.intern(schema);
  }

  private static RecordSchema record(Schema schema, String source) {
    if (!(schema instanceof RecordSchema record)) {
      throw new TableSchemaException("a table's schema must be a record; " + source + " holds a "
          + schema.type().typeName());
    }
    return record;
  }

  private static TableSchemaException noSchema() {
    return new TableSchemaException("neither " + TableProperties.SCHEMA_LITERAL + " nor "
        + TableProperties.SCHEMA_URL + " is set, and the table has no columns to derive a schema from");
  }
}
