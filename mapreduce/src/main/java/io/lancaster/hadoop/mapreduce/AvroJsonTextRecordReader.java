package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.input.InputSchemas;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Each record of an Avro file as one line of text, its JSON encoding as the spec defines it (compact, so without
 * line breaks); the key is the file offset of the record's data block (see {@link AvroAsJsonTextInputFormat}).
 */
public class AvroJsonTextRecordReader extends AvroRecordReaderBase<LongWritable, Text> {
  private final Schema readerSchema;
  private final LongWritable key = new LongWritable();
  private final Text value = new Text();
  private JsonDatumWriter json;

  /** @param readerSchema the schema records are resolved to and written in, or null for the file's own */
  public AvroJsonTextRecordReader(Schema readerSchema) {
    super(InputSchemas.records(readerSchema));
    this.readerSchema = readerSchema;
  }

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    json = null; // the file's schema is known once it is open
    super.initialize(split, context);
  }

  @Override
  protected void record(Object datum) {
    if (json == null) {
      json = new JsonDatumWriter(readerSchema != null ? readerSchema : splitReader().writerSchema());
    }
    key.set(splitReader().blockPosition());
    value.set(json.toJson(datum));
  }

  @Override
  protected void ended() {
    key.set(0);
    value.clear();
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public Text getCurrentValue() {
    return value;
  }
}
