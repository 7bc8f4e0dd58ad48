package io.lancaster.hive.testing;

import io.lancaster.avro.schema.Field;
import io.lancaster.hive.AvroHiveInputFormat;
import io.lancaster.hive.AvroRecordWritable;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * Lancaster's input format that also notes, for each record it reads, which fields the record holds and which
 * schema it was resolved to, so that tests see what Spark's tasks (in the same JVM, in local mode) really read.
 */
public class RecordingInputFormat extends AvroHiveInputFormat {
  /** One entry per record read: "fields=[a, b] resolvedTo=RecordName" (or resolvedTo=null). */
  public static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

  @Override
  public RecordReader<NullWritable, AvroRecordWritable> getRecordReader(InputSplit split, JobConf job,
      Reporter reporter) throws IOException {
    RecordReader<NullWritable, AvroRecordWritable> reader = super.getRecordReader(split, job, reporter);
    return new RecordReader<>() {
      @Override
      public boolean next(NullWritable key, AvroRecordWritable value) throws IOException {
        boolean more = reader.next(key, value);
        if (more) {
          List<String> fields = value.record().schema().fields().stream().map(Field::name)
              .collect(Collectors.toList());
          SEEN.add("fields=" + fields + " resolvedTo="
              + (value.resolvedTo() == null ? null : value.resolvedTo().fullName()));
        }
        return more;
      }

      @Override
      public NullWritable createKey() {
        return reader.createKey();
      }

      @Override
      public AvroRecordWritable createValue() {
        return reader.createValue();
      }

      @Override
      public long getPos() throws IOException {
        return reader.getPos();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }

      @Override
      public float getProgress() throws IOException {
        return reader.getProgress();
      }
    };
  }
}
