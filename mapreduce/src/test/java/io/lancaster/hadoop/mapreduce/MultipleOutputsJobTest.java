package io.lancaster.hadoop.mapreduce;

import static io.lancaster.hadoop.output.OutputFixtures.readApache;
import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static io.lancaster.hadoop.output.OutputFixtures.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.output.KeyValuePairSchema;
import io.lancaster.hadoop.output.OutputFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole job on the LocalJobRunner whose reducers write key/value Avro files (Writable keys and values) as the main
 * output and every name to a named output: the framework's committer publishes exactly one file of each per reducer.
 */
class MultipleOutputsJobTest {
  static final Schema STRING = PrimitiveSchema.of(Schema.Type.STRING);
  static final int GROUPS = 37;

  @TempDir
  Path tmp;

  /** "id,name" lines become (id mod GROUPS, name). */
  static class GroupMapper extends Mapper<LongWritable, Text, LongWritable, Text> {
    private final LongWritable group = new LongWritable();
    private final Text name = new Text();

    @Override
    protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
      String[] parts = line.toString().split(",", 2);
      group.set(Long.parseLong(parts[0]) % GROUPS);
      name.set(parts[1]);
      context.write(group, name);
    }
  }

  /** Writes (group, count) to the main output and each name to the named output "names". */
  static class CountReducer extends Reducer<LongWritable, Text, LongWritable, IntWritable> {
    private AvroMultipleOutputs outputs;

    @Override
    protected void setup(Context context) {
      outputs = new AvroMultipleOutputs(context);
    }

    @Override
    protected void reduce(LongWritable group, Iterable<Text> names, Context context)
        throws IOException, InterruptedException {
      int n = 0;
      for (Text name : names) {
        outputs.write("names", new AvroKey<>(name.toString()));
        n++;
      }
      context.write(group, new IntWritable(n));
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      outputs.close();
    }
  }

  @Test
  void reducersWriteMainAndNamedAvroOutputsThroughTheFrameworksCommitter() throws Exception {
    Random random = new Random(99);
    List<String> lines = new ArrayList<>();
    Map<Long, Integer> counts = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int id = 0; id < 3000; id++) {
      String name = "n" + random.nextInt(100_000);
      lines.add(id + "," + name);
      names.add(name);
      counts.merge((long) id % GROUPS, 1, Integer::sum);
    }
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("ids.txt"), lines);

    Configuration conf = OutputFixtures.localConf(tmp);
    conf.set("mapreduce.jobtracker.staging.root.dir", tmp.resolve("staging").toString());
    Job job = Job.getInstance(conf, "multiple outputs");
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(in.toUri()));
    job.setMapperClass(GroupMapper.class);
    job.setMapOutputKeyClass(LongWritable.class);
    job.setMapOutputValueClass(Text.class);
    job.setReducerClass(CountReducer.class);
    job.setNumReduceTasks(2);
    job.setOutputFormatClass(AvroKeyValueOutputFormat.class);
    job.setOutputKeyClass(LongWritable.class);
    job.setOutputValueClass(IntWritable.class);
    AvroMultipleOutputs.addNamedOutput(job, "names", AvroKeyOutputFormat.class, STRING);
    Path out = tmp.resolve("out");
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));
    FileOutputFormat.setCompressOutput(job, true);
    job.getConfiguration().set(AvroConfigKeys.OUTPUT_CODEC, "snappy");

    assertThat(job.waitForCompletion(false)).isTrue();

    assertThat(visibleFiles(out)).containsExactly("names-r-00000.avro", "names-r-00001.avro",
        "part-r-00000.avro", "part-r-00001.avro");
    assertThat(Files.exists(out.resolve("_SUCCESS"))).isTrue();
    RecordSchema pair = KeyValuePairSchema.of(PrimitiveSchema.of(Schema.Type.LONG),
        PrimitiveSchema.of(Schema.Type.INT));
    Map<Long, Integer> written = new HashMap<>();
    List<Object> writtenNames = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Path part = out.resolve("part-r-0000" + r + ".avro");
      try (DataFileReader<Object> reader = DataFileReader.open(part)) {
        assertThat(reader.codecName()).isEqualTo("snappy");
        assertThat(reader.schema()).isEqualTo(pair);
      }
      assertThat(readApache(part, pair)).isEqualTo(readCore(part));
      for (Object o : readCore(part)) {
        GenericRecord p = (GenericRecord) o;
        assertThat(written.put((Long) p.get("key"), (Integer) p.get("value"))).isNull();
      }
      writtenNames.addAll(readApache(out.resolve("names-r-0000" + r + ".avro"), STRING));
    }
    assertThat(written).isEqualTo(counts);
    assertThat(writtenNames).containsExactlyInAnyOrderElementsOf(names);
  }
}
