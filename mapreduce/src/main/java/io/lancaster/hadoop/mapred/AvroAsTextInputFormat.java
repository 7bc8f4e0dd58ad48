package io.lancaster.hadoop.mapred;

import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.ConfSchemas;
import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hadoop.input.InputSchemas;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * Reads Avro files as text for Hadoop Streaming (which takes old-API input formats only): the key is one record in
 * the spec's JSON encoding, compact and on one line; the value is empty, as avro-mapred's
 * {@code AvroAsTextInputFormat} does. Unlike avro-mapred, every value is JSON (avro-mapred gives a top-level
 * {@code bytes} value raw and prints unions untagged), and a reader schema under
 * {@link AvroConfigKeys#INPUT_SCHEMA}, when set, resolves the records first.
 *
 * <p>File selection as {@link AvroInputFormat}: only {@code *.avro} files unless
 * {@link AvroConfigKeys#IGNORE_INPUTS_WITHOUT_EXTENSION} is false.
 */
public class AvroAsTextInputFormat extends FileInputFormat<Text, Text> {

  @Override
  public RecordReader<Text, Text> getRecordReader(InputSplit split, JobConf job, Reporter reporter)
      throws IOException {
    reporter.setStatus(split.toString());
    return new JsonLines(job, (FileSplit) split, ConfSchemas.get(job, AvroConfigKeys.INPUT_SCHEMA));
  }

  @Override
  protected FileStatus[] listStatus(JobConf job) throws IOException {
    return AvroInputFiles.filter(super.listStatus(job), job, AvroInputFiles.OLD_API_IGNORES_BY_DEFAULT);
  }

  @Override
  protected boolean isSplitable(FileSystem fs, Path file) {
    return true;
  }

  private static final class JsonLines extends AvroSplitRecordReader<Text, Text> {
    private final JsonDatumWriter json;

    JsonLines(JobConf job, FileSplit split, Schema readerSchema) throws IOException {
      super(job, split, InputSchemas.records(readerSchema));
      this.json = new JsonDatumWriter(readerSchema != null ? readerSchema : splitReader().writerSchema());
    }

    @Override
    public Text createKey() {
      return new Text();
    }

    @Override
    public Text createValue() {
      return new Text();
    }

    @Override
    void fill(Text key, Text value, Object datum) {
      key.set(json.toJson(datum));
      value.clear();
    }
  }
}
