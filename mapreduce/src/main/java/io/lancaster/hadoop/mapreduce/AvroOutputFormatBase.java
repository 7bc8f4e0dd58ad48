package io.lancaster.hadoop.mapreduce;

import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.output.AvroFileSink;
import io.lancaster.hadoop.output.AvroOutputOptions;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitter;

/**
 * What the new-API Avro output formats share: each task writes one Avro file, {@code part-r-00000.avro} and so on,
 * in the task attempt's work directory of the job's {@link org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter}
 * (so only a committed attempt publishes it: failed, killed and speculative attempts leave nothing in the output),
 * with codec, sync interval and metadata taken from the configuration by {@link AvroOutputOptions}.
 *
 * <p>The file's base name is FileOutputFormat's output name ({@code mapreduce.output.basename}, "part" by default,
 * which named outputs change), or avro-mapred's {@value #AVRO_MAPRED_NAMED_OUTPUT} when that is set, so that
 * avro-mapred's {@code AvroMultipleOutputs} can drive these formats too.
 */
public abstract class AvroOutputFormatBase<K, V> extends FileOutputFormat<K, V> {
  /** The extension of every output file. */
  public static final String EXT = ".avro";
  /** The key avro-mapred's AvroMultipleOutputs sets to the base name of a named output's files. */
  public static final String AVRO_MAPRED_NAMED_OUTPUT = "avro.mo.config.namedOutput";

  /** The file options of this task: compression only if FileOutputFormat's compress flag is set. */
  protected static AvroOutputOptions outputOptions(TaskAttemptContext context) {
    return AvroOutputOptions.fromConfiguration(context.getConfiguration(), getCompressOutput(context));
  }

  /** This task attempt's Avro file, inside its committer's work directory. */
  protected Path avroWorkFile(TaskAttemptContext context) throws IOException {
    String avroMapredName = context.getConfiguration().get(AVRO_MAPRED_NAMED_OUTPUT);
    if (avroMapredName == null) {
      return getDefaultWorkFile(context, EXT);
    }
    OutputCommitter committer = getOutputCommitter(context);
    if (!(committer instanceof PathOutputCommitter pathCommitter)) {
      throw new IOException("the output committer " + committer.getClass().getName()
          + " has no work path to write Avro files to");
    }
    return new Path(pathCommitter.getWorkPath(), getUniqueFile(context, avroMapredName, EXT));
  }

  /** Creates this task attempt's Avro file with {@code schema}. */
  protected AvroFileSink createSink(TaskAttemptContext context, Schema schema) throws IOException {
    Configuration conf = context.getConfiguration();
    return AvroFileSink.create(avroWorkFile(context), conf, schema, outputOptions(context), context);
  }
}
