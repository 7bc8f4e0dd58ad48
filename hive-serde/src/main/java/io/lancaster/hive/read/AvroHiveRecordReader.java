package io.lancaster.hive.read;

import io.lancaster.avro.file.ReadOptions;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.ResolvingDatumReader;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.hadoop.input.AvroSplitReader;
import io.lancaster.hive.AvroRecordWritable;
import io.lancaster.hive.schema.TableSchemaException;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;

/**
 * Reads one split of one Avro file for Hive: the mapreduce module's {@link AvroSplitReader} (every record read by
 * exactly one split), each file resolved once, when it is opened, from its own writer schema to the table's schema
 * ({@link ReadSchema}), skipping the columns the query does not read. Records go out in one reused
 * {@link AvroRecordWritable}; the SerDe turns them into rows.
 */
public final class AvroHiveRecordReader implements RecordReader<NullWritable, AvroRecordWritable> {
  private final AvroSplitReader<Object> reader;
  private final RecordSchema resolvedTo;

  public AvroHiveRecordReader(JobConf job, FileSplit split) throws IOException {
    ReadSchema schema;
    try {
      schema = ReadSchema.of(job);
    } catch (TableSchemaException e) {
      throw new IOException(e.getMessage(), e);
    }
    this.resolvedTo = schema == null ? null : schema.table();
    RecordSchema projected = schema == null ? null : schema.projected();
    // Hive hands out empty splits for empty files, which have no header to read.
    this.reader = split.getLength() == 0 ? null
        : AvroSplitReader.open(split.getPath(), split.getStart(), split.getLength(), job, options(projected));
  }

  private static ReadOptions<Object> options(RecordSchema projected) {
    return ReadOptions.defaults().withDatumReader(writer -> projected == null ? new GenericDatumReader(writer)
        : new ResolvingDatumReader(writer, projected, ResolutionOptions.apacheCompatible()));
  }

  @Override
  public boolean next(NullWritable key, AvroRecordWritable value) throws IOException {
    if (reader == null || !reader.next()) {
      return false;
    }
    Object datum = reader.current();
    if (!(datum instanceof GenericRecord record)) {
      throw new IOException(reader.writerSchema().type().typeName() + " data in a table: a Hive table's Avro"
          + " files hold records");
    }
    value.set(record, resolvedTo, reader.writerSchema());
    return true;
  }

  @Override
  public NullWritable createKey() {
    return NullWritable.get();
  }

  @Override
  public AvroRecordWritable createValue() {
    return new AvroRecordWritable();
  }

  /** The file offset of the current record's data block. */
  @Override
  public long getPos() {
    return reader == null ? 0 : Math.max(reader.blockPosition(), reader.start());
  }

  @Override
  public float getProgress() {
    return reader == null ? 1.0f : reader.progress();
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
