package io.lancaster.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.io.AvroWrapper;
import io.lancaster.hadoop.mapred.AvroInputFormat;
import io.lancaster.hadoop.mapred.AvroJob;
import io.lancaster.hadoop.mapred.AvroOutputFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.MapReduceBase;
import org.apache.hadoop.mapred.Mapper;
import org.apache.hadoop.mapred.OutputCollector;
import org.apache.hadoop.mapred.Reducer;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.mapred.RunningJob;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word count with the old ({@code mapred}) API, the one Hive uses, on the LocalJobRunner: Avro input read by the
 * old-API input format, words as Avro string shuffle keys with a combiner, counts written by the old-API output
 * format, configured by the old-API AvroJob.
 */
class OldApiJobTest {
  static final Schema LINE = Schema.parse("""
      {"type": "record", "name": "Line", "fields": [
        {"name": "no", "type": "int"}, {"name": "text", "type": "string"}]}""");
  static final Schema WORD_COUNT = Schema.parse("""
      {"type": "record", "name": "WordCount", "fields": [
        {"name": "word", "type": "string"}, {"name": "count", "type": "long"}]}""");
  static final List<String> WORDS = List.of("avro", "hadoop", "hive", "b", "a", "ab", "Zürich", "zebra", "über",
      "日本", "ü", "Z");

  @TempDir
  Path tmp;

  static class WordMapper extends MapReduceBase
      implements Mapper<AvroWrapper<GenericRecord>, NullWritable, AvroKey<Object>, AvroValue<Object>> {
    @Override
    public void map(AvroWrapper<GenericRecord> line, NullWritable ignored,
        OutputCollector<AvroKey<Object>, AvroValue<Object>> out, Reporter reporter) throws IOException {
      for (String word : ((String) line.datum().get("text")).split(" ")) {
        out.collect(new AvroKey<>(word), new AvroValue<>(1L));
      }
    }
  }

  static class CountCombiner extends MapReduceBase
      implements Reducer<AvroKey<Object>, AvroValue<Object>, AvroKey<Object>, AvroValue<Object>> {
    @Override
    public void reduce(AvroKey<Object> word, Iterator<AvroValue<Object>> counts,
        OutputCollector<AvroKey<Object>, AvroValue<Object>> out, Reporter reporter) throws IOException {
      out.collect(word, new AvroValue<>(total(counts)));
    }
  }

  static class CountReducer extends MapReduceBase
      implements Reducer<AvroKey<Object>, AvroValue<Object>, AvroWrapper<GenericRecord>, NullWritable> {
    @Override
    public void reduce(AvroKey<Object> word, Iterator<AvroValue<Object>> counts,
        OutputCollector<AvroWrapper<GenericRecord>, NullWritable> out, Reporter reporter) throws IOException {
      out.collect(new AvroWrapper<>(wordCount((String) word.datum(), total(counts))), NullWritable.get());
    }
  }

  static long total(Iterator<AvroValue<Object>> counts) {
    long n = 0;
    while (counts.hasNext()) {
      n += (Long) counts.next().datum();
    }
    return n;
  }

  static GenericRecord wordCount(String word, long count) {
    return new GenericRecord((RecordSchema) WORD_COUNT).put("word", word).put("count", count);
  }

  @Test
  void wordsAreCountedAndComeOutInCodePointOrder() throws Exception {
    Random random = new Random(5);
    List<GenericRecord> lines = new ArrayList<>();
    Map<String, Long> expectedCounts = new TreeMap<>(OldApiJobTest::byCodePoint);
    int words = 0;
    for (int i = 0; i < 1500; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 1 + random.nextInt(5); w > 0; w--, words++) {
        String word = WORDS.get(random.nextInt(WORDS.size()));
        expectedCounts.merge(word, 1L, Long::sum);
        text.append(text.length() > 0 ? " " : "").append(word);
      }
      lines.add(new GenericRecord((RecordSchema) LINE).put("no", i).put("text", text.toString()));
    }
    Path in = tmp.resolve("in");
    LocalJobs.write(in.resolve("lines.avro"), LINE, CodecFactory.deflate(6), lines);

    JobConf job = new JobConf(LocalJobs.conf(tmp));
    job.setJobName("old-api word count");
    AvroJob.setInputSchema(job, LINE);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(in.toUri()));
    job.setLong(org.apache.hadoop.mapreduce.lib.input.FileInputFormat.SPLIT_MAXSIZE, 8 * 1024);
    job.setMapperClass(WordMapper.class);
    AvroJob.setMapOutputSchema(job, Schema.parse("\"string\""), Schema.parse("\"long\""));
    job.setCombinerClass(CountCombiner.class);
    job.setReducerClass(CountReducer.class);
    AvroJob.setOutputSchema(job, WORD_COUNT);
    AvroJob.setOutputCodec(job, "deflate");
    Path out = tmp.resolve("out");
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(out.toUri()));

    RunningJob run = JobClient.runJob(job);

    assertThat(run.isSuccessful()).isTrue();
    assertThat(job.getInputFormat()).isInstanceOf(AvroInputFormat.class);
    assertThat(job.getOutputFormat()).isInstanceOf(AvroOutputFormat.class);
    assertThat(run.getCounters().findCounter(TaskCounter.MAP_OUTPUT_RECORDS).getValue()).isEqualTo(words);
    List<Object> expected = new ArrayList<>();
    expectedCounts.forEach((w, n) -> expected.add(wordCount(w, n)));
    List<Path> parts = LocalJobs.parts(out);
    assertThat(parts).hasSize(1);
    assertThat(LocalJobs.readApache(parts, WORD_COUNT)).isEqualTo(expected);
    try (DataFileReader<Object> reader = DataFileReader.open(parts.get(0))) {
      assertThat(reader.codecName()).isEqualTo("deflate");
    }
  }

  private static int byCodePoint(String x, String y) {
    return java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
  }
}
