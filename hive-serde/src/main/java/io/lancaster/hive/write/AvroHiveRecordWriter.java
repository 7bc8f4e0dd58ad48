package io.lancaster.hive.write;

import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.output.AvroFileSink;
import io.lancaster.hive.AvroRecordWritable;
import java.io.IOException;
import org.apache.hadoop.hive.ql.exec.FileSinkOperator;
import org.apache.hadoop.io.Writable;

/**
 * Hive's record writer of one Avro file: appends the records the SerDe made to the mapreduce module's
 * {@link AvroFileSink}. A record must be of the file's schema: the datum writer matches fields by position, so
 * one of another schema (a table whose schema changed between the SerDe and the file being opened) is refused
 * rather than written into the wrong fields.
 */
public final class AvroHiveRecordWriter implements FileSinkOperator.RecordWriter {
  private final AvroFileSink sink;
  private Schema checked;

  public AvroHiveRecordWriter(AvroFileSink sink) {
    this.sink = sink;
  }

  @Override
  public void write(Writable w) throws IOException {
    if (!(w instanceof AvroRecordWritable writable)) {
      throw new IOException("expected the " + AvroRecordWritable.class.getSimpleName() + " of Lancaster's SerDe,"
          + " got " + (w == null ? "null" : w.getClass().getName())
          + ": the table's SerDe must be io.lancaster.hive.AvroHiveSerDe");
    }
    GenericRecord record = writable.record();
    Schema schema = record.schema();
    if (schema != checked) {
      if (!schema.equals(sink.schema())) {
        throw new IOException("record of schema " + schema + " cannot be written to " + sink.path()
            + ", whose schema is " + sink.schema());
      }
      checked = schema;
    }
    sink.append(record);
  }

  @Override
  public void close(boolean abort) throws IOException {
    sink.close();
  }
}
