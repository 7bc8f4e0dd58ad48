package io.lancaster.hive.write;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.hive.AvroRecordWritable;
import io.lancaster.hive.schema.TableLayout;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;

/**
 * Turns Hive rows into Avro records of the table's schema, handed to the output format in one reused
 * {@link AvroRecordWritable}. The conversion is compiled once per table and bound once per row inspector.
 *
 * <p>Not thread-safe: one per SerDe.
 */
public final class RowSerializer {
  private final RecordSchema table;
  private final AvroConverterFactory rows;
  private final AvroRecordWritable out = new AvroRecordWritable();
  private ObjectInspector boundTo;
  private AvroValueConverter row;

  public RowSerializer(TableLayout layout) {
    this.table = layout.schema();
    this.rows = AvroConverterCompiler.compile(table, layout.unions());
  }

  /**
   * The record of one row.
   *
   * @throws IllegalArgumentException when the row's inspector does not match the table's columns
   */
  public AvroRecordWritable serialize(Object data, ObjectInspector inspector) {
    if (inspector != boundTo) {
      row = rows.bind(inspector);
      boundTo = inspector;
    }
    out.set((GenericRecord) row.convert(data), table, table);
    return out;
  }
}
