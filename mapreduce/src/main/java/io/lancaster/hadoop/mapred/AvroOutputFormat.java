package io.lancaster.hadoop.mapred;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroWrapper;
import io.lancaster.hadoop.output.AvroFileSink;
import io.lancaster.hadoop.output.AvroOutputOptions;
import io.lancaster.hadoop.output.OutputSchemas;
import io.lancaster.hadoop.output.Syncable;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

/**
 * The old-API ({@code org.apache.hadoop.mapred}, as Hive and Streaming use it) output format of Avro files, as
 * avro-mapred's class of the same name: the keys' datums become records; values are ignored. The schema is
 * {@value AvroConfigKeys#OUTPUT_SCHEMA}, or {@value AvroConfigKeys#MAP_OUTPUT_SCHEMA} in a map-only job when set.
 * Codec, level, sync interval and metadata come from the same keys as the new API's formats; files are written in the
 * task's work output path, so only committed attempts publish them.
 */
public class AvroOutputFormat<T> extends FileOutputFormat<AvroWrapper<T>, NullWritable> {
  public static final String EXT = ".avro";

  /** Turns output compression on with deflate at {@code level}, as avro-mapred's helper of the same name. */
  public static void setDeflateLevel(JobConf job, int level) {
    FileOutputFormat.setCompressOutput(job, true);
    job.setInt(AvroConfigKeys.DEFLATE_LEVEL, level);
  }

  /** Sets the approximate size in bytes of the files' data blocks. */
  public static void setSyncInterval(JobConf job, int bytes) {
    job.setInt(AvroConfigKeys.SYNC_INTERVAL, bytes);
  }

  /** The file options of a job: compression only if FileOutputFormat's compress flag is set. */
  static AvroOutputOptions outputOptions(JobConf job) {
    return AvroOutputOptions.fromConfiguration(job, getCompressOutput(job));
  }

  /** Creates the task's file {@code name.avro} in its work output path. */
  static AvroFileSink createSink(JobConf job, String name, Schema schema, Progressable progress) throws IOException {
    Path file = FileOutputFormat.getTaskOutputPath(job, name + EXT);
    return AvroFileSink.create(file, job, schema, outputOptions(job), progress);
  }

  @Override
  public RecordWriter<AvroWrapper<T>, NullWritable> getRecordWriter(FileSystem ignored, JobConf job, String name,
      Progressable progress) throws IOException {
    Schema schema = OutputSchemas.oldApiOutput(job, job.getNumReduceTasks() == 0);
    if (schema == null) {
      throw new IOException("AvroOutputFormat needs the output schema: set " + AvroConfigKeys.OUTPUT_SCHEMA
          + " (AvroJob.setOutputSchema)");
    }
    return new DatumWriter<>(createSink(job, name, schema, progress));
  }

  /** Appends each key's datum. */
  static final class DatumWriter<T> implements RecordWriter<AvroWrapper<T>, NullWritable>, Syncable {
    private final AvroFileSink sink;

    DatumWriter(AvroFileSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(AvroWrapper<T> key, NullWritable value) throws IOException {
      sink.append(key.datum());
    }

    @Override
    public long sync() throws IOException {
      return sink.sync();
    }

    @Override
    public void close(Reporter reporter) throws IOException {
      sink.close();
    }
  }
}
