package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.json.JsonDatumWriter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.input.InputTestData;
import io.lancaster.hadoop.io.AvroKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files of avro-mapred (Apache Avro Java) read by Lancaster's input formats, and Lancaster's files read by
 * avro-mapred's. Records are compared as JSON trees of the spec's JSON encoding, which both libraries write.
 */
class AvroMapredInputInteropTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final org.apache.avro.Schema APACHE_EVENT =
      new org.apache.avro.Schema.Parser().parse(InputTestData.EVENT_JSON);

  @TempDir java.nio.file.Path tmp;

  private static List<JsonNode> ourJson(Schema schema, List<?> records) {
    List<JsonNode> trees = new ArrayList<>();
    JsonDatumWriter writer = new JsonDatumWriter(schema);
    for (Object r : records) {
      trees.add(tree(writer.toJson(r)));
    }
    return trees;
  }

  static String apacheJson(org.apache.avro.Schema schema, Object datum) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
      new GenericDatumWriter<Object>(schema).write(datum, encoder);
      encoder.flush();
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object apacheDatum(org.apache.avro.Schema schema, String json) {
    try {
      return new GenericDatumReader<Object>(schema).read(null, DecoderFactory.get().jsonDecoder(schema, json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long id(JsonNode record) {
    return record.get("id").asLong();
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "deflate", "snappy", "zstandard", "bzip2", "xz"})
  void filesOfApacheAvrosWriterReadBySmallSplitsOfOurFormat(String codec) throws Exception {
    List<Object> records = InputTestData.events(600, 0, 51);
    java.nio.file.Path file = tmp.resolve("apache.avro");
    try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(APACHE_EVENT))) {
      writer.setCodec(org.apache.avro.file.CodecFactory.fromString(codec)).setSyncInterval(512);
      writer.create(APACHE_EVENT, file.toFile());
      for (String json : InputTestData.json(InputTestData.EVENT, records)) {
        writer.append(apacheDatum(APACHE_EVENT, json));
      }
    }
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(file.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 700);

    List<Object> read = NewApiReads.all(new AvroKeyInputFormat<>(), job, (AvroKey<Object> k, NullWritable v) -> k.datum());
    assertThat(ourJson(InputTestData.EVENT, read)).isEqualTo(ourJson(InputTestData.EVENT, records));
  }

  @Test
  void ourFilesReadByAvroMapredsKeyInputFormatAcrossSplits() throws Exception {
    List<Object> records = InputTestData.events(900, 0, 52);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("ours.avro"), InputTestData.EVENT, records,
        CodecFactory.deflate(6), 400);
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(file.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 600);

    org.apache.avro.mapreduce.AvroKeyInputFormat<Object> theirs = new org.apache.avro.mapreduce.AvroKeyInputFormat<>();
    List<InputSplit> splits = theirs.getSplits(job);
    assertThat(splits.size()).isGreaterThan(20);
    List<JsonNode> read = new ArrayList<>();
    for (InputSplit split : splits) {
      TaskAttemptContext context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
      try (RecordReader<org.apache.avro.mapred.AvroKey<Object>, NullWritable> reader =
          theirs.createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          read.add(tree(apacheJson(APACHE_EVENT, reader.getCurrentKey().datum())));
        }
      }
    }
    assertThat(read).isEqualTo(ourJson(InputTestData.EVENT, records));
  }

  /** Converts our records to Apache's and writes them with avro-mapred's output format. */
  public static final class ToApacheMapper
      extends Mapper<AvroKey<Object>, NullWritable, org.apache.avro.mapred.AvroKey<Object>, NullWritable> {
    private JsonDatumWriter ours;
    private org.apache.avro.Schema schema;
    private final org.apache.avro.mapred.AvroKey<Object> out = new org.apache.avro.mapred.AvroKey<>();

    @Override
    protected void setup(Context context) {
      Configuration conf = context.getConfiguration();
      schema = org.apache.avro.mapreduce.AvroJob.getOutputKeySchema(conf);
      ours = new JsonDatumWriter(new io.lancaster.avro.schema.SchemaParser().parse(schema.toString()));
    }

    @Override
    protected void map(AvroKey<Object> key, NullWritable value, Context context)
        throws IOException, InterruptedException {
      out.datum(apacheDatum(schema, ours.toJson(key.datum())));
      context.write(out, NullWritable.get());
    }
  }

  @Test
  void aLocalJobReadsWithOurFormatAndWritesWithAvroMapredsWhoseOutputOurFormatReads() throws Exception {
    List<Object> records = InputTestData.events(1500, 0, 53);
    java.nio.file.Path input = InputTestData.write(tmp.resolve("in/events.avro"), InputTestData.EVENT, records,
        CodecFactory.snappy(), 2000);
    java.nio.file.Path output = tmp.resolve("out");

    Job job = Job.getInstance(InputTestData.localConf(tmp), "lancaster input, avro-mapred output");
    job.setInputFormatClass(AvroKeyInputFormat.class);
    FileInputFormat.setInputPaths(job, new Path(input.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 16 * 1024); // a few map tasks
    job.setMapperClass(ToApacheMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(org.apache.avro.mapreduce.AvroKeyOutputFormat.class);
    org.apache.avro.mapreduce.AvroJob.setOutputKeySchema(job, APACHE_EVENT);
    FileOutputFormat.setCompressOutput(job, true);
    job.getConfiguration().set("avro.output.codec", "deflate");
    FileOutputFormat.setOutputPath(job, new Path(output.toUri()));
    assertThat(job.waitForCompletion(false)).isTrue();

    try (var files = java.nio.file.Files.list(output)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avro")).count())
          .isGreaterThan(1);
    }
    Job read = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(read, new Path(output.toUri()));
    FileInputFormat.setMaxInputSplitSize(read, 3000);
    List<Object> back = NewApiReads.all(new AvroKeyInputFormat<>(), read, (AvroKey<Object> k, NullWritable v) -> k.datum());
    List<JsonNode> backJson = new ArrayList<>(ourJson(InputTestData.EVENT, back));
    backJson.sort(java.util.Comparator.comparingLong(AvroMapredInputInteropTest::id));
    assertThat(backJson).isEqualTo(ourJson(InputTestData.EVENT, records));
  }
}
