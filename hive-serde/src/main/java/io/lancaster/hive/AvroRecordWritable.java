package io.lancaster.hive;

import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.generic.GenericRecord;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Writable;

/**
 * One Avro record on its way between the formats and the SerDe: what {@link AvroHiveInputFormat}'s readers hand to
 * {@link AvroHiveSerDe#deserialize}, and what {@link AvroHiveSerDe#serialize} hands to
 * {@link AvroHiveOutputFormat}'s writers. Readers reuse one instance for all their records.
 *
 * <p>Besides the record it says which schema the record was resolved to: the table's schema (then the record may
 * hold only the columns the query reads), or null when the reader did not know the table's schema and the record
 * is in its file's own schema, which the SerDe then resolves.
 *
 * <p>Hive and Spark never ship these between processes, but {@link #write}/{@link #readFields} work: the schemas
 * as JSON, then the record in Avro's binary encoding.
 */
public final class AvroRecordWritable implements Writable {
  private GenericRecord record;
  private Schema resolvedTo;
  private Schema fileSchema;

  public AvroRecordWritable() {}

  /**
   * @param resolvedTo the full schema the record was resolved to, or null when it is in its file's own schema
   * @param fileSchema the schema of the file the record comes from (its writer's schema), or null
   */
  public AvroRecordWritable(GenericRecord record, Schema resolvedTo, Schema fileSchema) {
    set(record, resolvedTo, fileSchema);
  }

  public void set(GenericRecord record, Schema resolvedTo, Schema fileSchema) {
    this.record = record;
    this.resolvedTo = resolvedTo;
    this.fileSchema = fileSchema;
  }

  public GenericRecord record() {
    return record;
  }

  /** The schema the record was resolved to (the table's), or null when it is in its file's own schema. */
  public Schema resolvedTo() {
    return resolvedTo;
  }

  /** The writer's schema of the record's file, or null when unknown. */
  public Schema fileSchema() {
    return fileSchema;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    writeString(out, record.schema().toString());
    writeString(out, resolvedTo == null ? "" : resolvedTo.toString());
    writeString(out, fileSchema == null ? "" : fileSchema.toString());
    BufferEncoder encoder = new BufferEncoder();
    new GenericDatumWriter(record.schema()).write(record, encoder);
    out.writeInt(encoder.size());
    out.write(encoder.buffer().array(), 0, encoder.size());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    Schema schema = parse(readString(in));
    String resolved = readString(in);
    String file = readString(in);
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    Object datum = new GenericDatumReader(schema).read(new ByteArrayDecoder(bytes));
    set((GenericRecord) datum, resolved.isEmpty() ? null : parse(resolved), file.isEmpty() ? null : parse(file));
  }

  private static Schema parse(String json) {
    return SchemaParser.lenient().parse(json);
  }

  // DataOutput.writeUTF cannot hold strings over 64 KB, which large schemas exceed.
  private static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return String.valueOf(record);
  }
}
