package io.lancaster.hive;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.hive.read.RowDeserializer;
import io.lancaster.hive.schema.TableLayout;
import io.lancaster.hive.schema.TableProperties;
import io.lancaster.hive.schema.TableSchemaException;
import io.lancaster.hive.schema.TableSchemas;
import io.lancaster.hive.schema.UnionMapping;
import io.lancaster.hive.write.RowSerializer;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.serde2.AbstractSerDe;
import org.apache.hadoop.hive.serde2.SerDeException;
import org.apache.hadoop.hive.serde2.SerDeSpec;
import org.apache.hadoop.hive.serde2.SerDeStats;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.io.Writable;

/**
 * Lancaster's Avro SerDe for Hive tables (Hive 2.3's API, as Spark embeds it), a drop-in for Hive's
 * {@code org.apache.hadoop.hive.serde2.avro.AvroSerDe} with the same table properties and type mapping. Use it
 * with {@link AvroHiveInputFormat} and {@link AvroHiveOutputFormat}:
 *
 * <pre>
 * CREATE TABLE t
 * ROW FORMAT SERDE 'io.lancaster.hive.AvroHiveSerDe'
 * STORED AS INPUTFORMAT 'io.lancaster.hive.AvroHiveInputFormat'
 *           OUTPUTFORMAT 'io.lancaster.hive.AvroHiveOutputFormat'
 * TBLPROPERTIES ('avro.schema.literal' = '{"type": "record", ...}')
 * </pre>
 *
 * <p>The table's schema comes from {@value TableProperties#SCHEMA_LITERAL}, else {@value TableProperties#SCHEMA_URL},
 * else the table's columns ({@link TableSchemas}); columns map to Hive types as {@link TableLayout} says. The
 * SerDe publishes the schema in the job's configuration ({@value TableProperties#SERDE_SCHEMA}), where the input
 * format's readers find it and resolve each file to it once, when they open it; rows are then converted by
 * converters compiled once per table. Writes convert rows to records without a separate validation pass.
 *
 * <p>As Hive's AvroSerDe, a table whose schema cannot be determined does not fail the SerDe's initialization (so
 * that the table can still be altered to fix it): its columns spell out the problem, and reading or writing it
 * fails with the reason.
 */
@SerDeSpec(schemaProps = {
    TableProperties.COLUMNS, TableProperties.COLUMN_TYPES, TableProperties.COLUMN_COMMENTS,
    TableProperties.TABLE_NAME, TableProperties.TABLE_COMMENT, TableProperties.SCHEMA_LITERAL,
    TableProperties.SCHEMA_URL, TableProperties.SCHEMA_NAMESPACE, TableProperties.SCHEMA_NAME,
    TableProperties.SCHEMA_DOC, TableProperties.UNION_MAPPING})
public class AvroHiveSerDe extends AbstractSerDe {
  private TableLayout layout;
  private RowDeserializer deserializer;
  private RowSerializer serializer;
  private String problem;

  /**
   * Uses the table's properties only, as Hive's AvroSerDe does (HIVE-6835): every partition reads through the
   * table's current schema, whatever schema the partition was written with.
   */
  @Override
  public void initialize(Configuration conf, Properties tableProperties, Properties partitionProperties)
      throws SerDeException {
    initialize(conf, tableProperties != null ? tableProperties : partitionProperties);
  }

  @Override
  public void initialize(Configuration conf, Properties properties) throws SerDeException {
    deserializer = null;
    serializer = null;
    try {
      UnionMapping unions = UnionMapping.of(properties);
      RecordSchema schema = TableSchemas.of(conf, properties);
      layout = TableLayout.of(schema, unions);
      problem = null;
      configErrors = "";
      if (conf != null) {
        conf.set(TableProperties.SERDE_SCHEMA, schema.toString());
      }
    } catch (TableSchemaException e) {
      problem = e.getMessage();
      configErrors = "cannot determine the table's Avro schema: " + problem;
      layout = TableLayout.unusable(problem);
    }
  }

  @Override
  public Class<? extends Writable> getSerializedClass() {
    return AvroRecordWritable.class;
  }

  @Override
  public Writable serialize(Object row, ObjectInspector inspector) throws SerDeException {
    checkUsable();
    if (serializer == null) {
      serializer = new RowSerializer(layout);
    }
    try {
      return serializer.serialize(row, inspector);
    } catch (IllegalArgumentException | AvroTypeException e) {
      throw new SerDeException("cannot write a row to Avro table schema " + layout.schema().fullName() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public Object deserialize(Writable blob) throws SerDeException {
    checkUsable();
    if (!(blob instanceof AvroRecordWritable record)) {
      throw new SerDeException("expected the " + AvroRecordWritable.class.getSimpleName() + " of "
          + AvroHiveInputFormat.class.getName() + ", got " + (blob == null ? "null" : blob.getClass().getName())
          + ": declare the table STORED AS INPUTFORMAT '" + AvroHiveInputFormat.class.getName() + "'");
    }
    if (deserializer == null) {
      deserializer = new RowDeserializer(layout);
    }
    try {
      return deserializer.deserialize(record);
    } catch (RuntimeException e) {
      throw new SerDeException("cannot read a record as a row of Avro table schema " + layout.schema().fullName()
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ObjectInspector getObjectInspector() {
    return layout.rowInspector();
  }

  /** No statistics, as Hive's AvroSerDe. */
  @Override
  public SerDeStats getSerDeStats() {
    return null;
  }

  /** The metastore keeps the columns only of tables whose schema is not a literal or a URL. */
  @Override
  public boolean shouldStoreFieldsInMetastore(Map<String, String> tableParameters) {
    return !TableSchemas.hasExternalSchema(tableParameters);
  }

  private void checkUsable() throws SerDeException {
    if (layout == null) {
      throw new SerDeException("the SerDe is not initialized");
    }
    if (problem != null) {
      throw new SerDeException("cannot determine the table's Avro schema: " + problem);
    }
  }
}
