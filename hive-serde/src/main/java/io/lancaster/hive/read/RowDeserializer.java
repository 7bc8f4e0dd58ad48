package io.lancaster.hive.read;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hive.AvroRecordWritable;
import io.lancaster.hive.schema.TableLayout;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the records the input format reads into Hive rows of the table's layout. The column converters are compiled
 * once; the row is one reused list (Hive and Spark copy what they keep before asking for the next row).
 *
 * <p>A record resolved to the table's schema may hold only the columns the query reads (the input format's
 * projection): its fields are matched to columns by name once per record schema, and the other columns stay null.
 * Any other record goes through {@link RecordResolver} first.
 *
 * <p>Not thread-safe: one per SerDe, as Hive uses SerDes.
 */
public final class RowDeserializer {
  private final RecordSchema table;
  private final HiveValueConverter[] columns;
  private final Object[] values;
  private final List<Object> row;
  private final RecordResolver resolver;
  private Schema equalToTable;
  private Schema otherThanTable;
  private RecordSchema recordLayout;
  private int[] positions = new int[0];

  public RowDeserializer(TableLayout layout) {
    this.table = layout.schema();
    List<Field> fields = table.fields();
    this.columns = new HiveValueConverter[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = HiveConverterCompiler.compile(fields.get(i).schema(), layout.unions());
    }
    this.values = new Object[columns.length];
    this.row = Arrays.asList(values);
    this.resolver = new RecordResolver(table);
  }

  /** The row of the table for one record; the same list object every time. */
  public List<Object> deserialize(AvroRecordWritable writable) {
    GenericRecord record = writable.record();
    if (!isTableSchema(writable.resolvedTo())) {
      record = resolver.toTable(record, writable.resolvedTo());
    }
    RecordSchema schema = record.schema();
    if (schema != recordLayout) {
      layOut(schema);
    }
    int[] pos = positions;
    for (int i = 0; i < pos.length; i++) {
      int column = pos[i];
      values[column] = columns[column].convert(record.get(i));
    }
    return row;
  }

  /** Whether records resolved to {@code resolvedTo} are of the table's schema; compared in full once per schema. */
  private boolean isTableSchema(Schema resolvedTo) {
    if (resolvedTo == table || (resolvedTo != null && resolvedTo == equalToTable)) {
      return true;
    }
    if (resolvedTo == null || resolvedTo == otherThanTable) {
      return false;
    }
    if (resolvedTo.equals(table)) {
      equalToTable = resolvedTo;
      return true;
    }
    otherThanTable = resolvedTo;
    return false;
  }

  /** Maps the fields of a record of the table's schema (or of a projection of it) to the table's columns. */
  private void layOut(RecordSchema schema) {
    List<Field> fields = schema.fields();
    int[] pos = new int[fields.size()];
    for (int i = 0; i < pos.length; i++) {
      Field column = table.field(fields.get(i).name());
      if (column == null) {
        throw new IllegalStateException("field " + fields.get(i).name() + " of record " + schema.fullName()
            + " is not a column of the table's schema " + table.fullName());
      }
      pos[i] = column.position();
    }
    Arrays.fill(values, null);
    positions = pos;
    recordLayout = schema;
  }
}
