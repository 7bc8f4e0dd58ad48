package io.lancaster.it.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.mapred.AvroInputFormat;
import io.lancaster.hadoop.mapred.AvroOutputFormat;
import io.lancaster.hadoop.mapreduce.AvroJob;
import io.lancaster.hadoop.mapreduce.AvroKeyInputFormat;
import io.lancaster.hadoop.mapreduce.AvroKeyOutputFormat;
import io.lancaster.it.hadoop.MiniHdfs.ApacheFile;
import io.lancaster.it.hadoop.Readings.Reading;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RunningJob;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole MapReduce jobs over a real HDFS whose 64 KiB blocks split each input file among several map tasks: the
 * input, the job's staging files, the committer's task attempt directories and the output are all on HDFS, and the
 * outputs are read back from HDFS by Apache Avro Java.
 *
 * <p>The jobs run on Hadoop's LocalJobRunner, not on YARN: {@code hadoop-client-minicluster} 3.5.0 ships the YARN
 * daemons and MiniMRYarnCluster's class but not the MapReduce application master it needs
 * ({@code hadoop-mapreduce-client-app}: MRAppMaster, YarnChild, LocalContainerLauncher) nor the shuffle service, so
 * MiniMRYarnCluster fails to load ({@code NoClassDefFoundError: org/apache/hadoop/mapred/LocalContainerLauncher}).
 * The jobs on YARN (MiniMRYarnCluster on the unshaded {@code hadoop-minicluster}) are in the {@code it-yarn}
 * module. The LocalJobRunner still runs the real task code: splits, record readers, the map-side sort and spill through
 * the Avro serialization and raw comparator, the merge and grouping of the reduce side, and the output committer.
 * The jobs' mappers, reducers and schemas are in {@link SensorJobs}.
 */
class MiniDfsJobTest {
  private static final Path INPUT = new Path("/jobs/readings");

  @TempDir
  static File tmp;

  private static MiniHdfs hdfs;
  /** The readings of the input files, in the order of the files' names. */
  private static final List<Reading> READINGS = new ArrayList<>();

  @BeforeAll
  static void startHdfsAndWriteInput() throws IOException {
    hdfs = MiniHdfs.start(tmp);
    List<Reading> a = Readings.generate(11, 0, 2500);
    List<Reading> b = Readings.generate(12, 100_000, 2500);
    hdfs.write(new Path(INPUT, "part-a.avro"), Readings.SCHEMA, CodecFactory.deflate(1), 16 * 1024,
        a.stream().map(Readings::toLancaster).collect(Collectors.toList()));
    hdfs.write(new Path(INPUT, "part-b.avro"), Readings.SCHEMA, CodecFactory.nullCodec(), 40_000,
        b.stream().map(Readings::toLancaster).collect(Collectors.toList()));
    READINGS.addAll(a);
    READINGS.addAll(b);
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  // ---- read -> transform -> write, map only

  @Test
  void mapOnlyJobTransformsEveryRecordOnceIntoCompressedFiles() throws Exception {
    Configuration conf = hdfs.localJobConf(tmp);
    // avro-mapred's names of the output settings: an existing job's configuration works unchanged
    conf.set("avro.output.codec", "deflate");
    conf.setInt("avro.mapred.deflate.level", 7);
    conf.setInt("avro.mapred.sync.interval", 8 * 1024);
    conf.set("avro.meta.text.origin", "lancaster-it");
    Job job = Job.getInstance(conf, "transform");
    job.setInputFormatClass(AvroKeyInputFormat.class);
    FileInputFormat.addInputPath(job, INPUT);
    AvroJob.setInputKeySchema(job, Readings.SCHEMA);
    job.setMapperClass(SensorJobs.AlertMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(AvroKeyOutputFormat.class);
    AvroJob.setOutputKeySchema(job, SensorJobs.ALERT);
    FileOutputFormat.setCompressOutput(job, true);
    Path out = new Path("/jobs/alerts");
    FileOutputFormat.setOutputPath(job, out);

    assertThat(job.waitForCompletion(false)).as("the job succeeded").isTrue();

    List<Object> expected = new ArrayList<>();
    for (Reading r : READINGS) {
      if (SensorJobs.isAlert(r)) {
        expected.add(Arrays.asList(r.id(), r.sensor(), r.kind(), (long) r.level(), SensorJobs.mean(r.values())));
      }
    }
    int maps = new AvroKeyInputFormat<>().getSplits(job).size();
    assertThat(maps).as("map tasks, one per split of the 8 or so HDFS blocks").isGreaterThanOrEqualTo(6);
    assertThat(job.getCounters().findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue()).isEqualTo(READINGS.size());
    assertThat(hdfs.listFiles(out)).as("one file per map task, nothing else left behind")
        .hasSize(maps + 1).contains("_SUCCESS").allMatch(f -> f.equals("_SUCCESS") || f.matches(
            "part-m-\\d{5}\\.avro"));

    List<ApacheFile> parts = hdfs.readWithApache(new Path(out, "part-m-*.avro"));
    List<Object> actual = new ArrayList<>();
    for (ApacheFile part : parts) {
      assertThat(part.codec()).as("codec of %s", part.name()).isEqualTo("deflate");
      assertThat(part.metadata()).as("metadata of %s", part.name()).containsEntry("origin", "lancaster-it");
      assertIdsAscend(part);
      for (org.apache.avro.generic.GenericRecord a : part.records()) {
        actual.add(Arrays.asList(a.get("id"), a.get("sensor").toString(), a.get("kind").toString(), a.get("level"),
            a.get("mean")));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  // ---- Avro records as shuffle keys

  @Test
  void aggregationWithRecordKeysComesOutInTheKeySchemasSortOrder() throws Exception {
    Job job = Job.getInstance(hdfs.localJobConf(tmp), "aggregate");
    job.setInputFormatClass(AvroKeyInputFormat.class);
    FileInputFormat.addInputPath(job, INPUT);
    job.setMapperClass(SensorJobs.TallyMapper.class);
    AvroJob.setMapOutputKeySchema(job, SensorJobs.KEY);
    AvroJob.setMapOutputValueSchema(job, SensorJobs.TALLY);
    job.setCombinerClass(SensorJobs.TallyCombiner.class);
    job.setReducerClass(SensorJobs.TotalReducer.class);
    job.setNumReduceTasks(2);
    job.setOutputFormatClass(AvroKeyOutputFormat.class);
    AvroJob.setOutputKeySchema(job, SensorJobs.TOTAL);
    Path out = new Path("/jobs/totals");
    FileOutputFormat.setOutputPath(job, out);

    assertThat(job.waitForCompletion(false)).as("the job succeeded").isTrue();

    Map<List<String>, long[]> expected = new TreeMap<>(SensorJobs.KEY_ORDER);
    for (Reading r : READINGS) {
      long[] t = expected.computeIfAbsent(List.of(r.sensor(), r.kind()), k -> new long[2]);
      t[0]++;
      t[1] += r.level();
    }
    assertThat(expected).hasSize(Readings.SENSORS.size() * Readings.KINDS.size());

    List<ApacheFile> parts = hdfs.readWithApache(new Path(out, "part-r-*.avro"));
    assertThat(parts).extracting(ApacheFile::name).containsExactly("part-r-00000.avro", "part-r-00001.avro");
    Set<List<String>> seen = new HashSet<>();
    for (ApacheFile part : parts) {
      List<List<String>> keys = new ArrayList<>();
      for (org.apache.avro.generic.GenericRecord total : part.records()) {
        List<String> key = List.of(total.get("sensor").toString(), total.get("kind").toString());
        assertThat(seen.add(key)).as("%s in one reducer's output only", key).isTrue();
        assertThat(List.of(total.get("count"), total.get("levelSum"))).as("total of %s", key)
            .containsExactly(expected.get(key)[0], expected.get(key)[1]);
        keys.add(key);
      }
      assertThat(keys).as("keys of %s", part.name()).isNotEmpty().isSortedAccordingTo(SensorJobs.KEY_ORDER);
    }
    assertThat(seen).isEqualTo(expected.keySet());
    assertThat(job.getCounters().findCounter(TaskCounter.REDUCE_INPUT_GROUPS).getValue())
        .isEqualTo(expected.size());
    assertThat(job.getCounters().findCounter(TaskCounter.COMBINE_INPUT_RECORDS).getValue())
        .as("every map output record went through the sort and the combiner").isEqualTo(READINGS.size());
  }

  // ---- the old (mapred) API, as Hive uses it

  @Test
  void oldApiJobResolvesTheInputToItsReaderSchemaAndWritesSnappyFiles() throws Exception {
    JobConf job = new JobConf(hdfs.localJobConf(tmp));
    job.setJobName("project");
    org.apache.hadoop.mapred.FileInputFormat.setInputPaths(job, INPUT);
    io.lancaster.hadoop.mapred.AvroJob.setInputSchema(job, SensorJobs.PROJECTION);
    job.setMapperClass(SensorJobs.PassThrough.class);
    job.setNumReduceTasks(0);
    io.lancaster.hadoop.mapred.AvroJob.setOutputSchema(job, SensorJobs.PROJECTION);
    io.lancaster.hadoop.mapred.AvroJob.setOutputCodec(job, "snappy");
    Path out = new Path("/jobs/projected");
    org.apache.hadoop.mapred.FileOutputFormat.setOutputPath(job, out);

    RunningJob run = JobClient.runJob(job);

    assertThat(run.isSuccessful()).isTrue();
    assertThat(job.getInputFormat()).isInstanceOf(AvroInputFormat.class);
    assertThat(job.getOutputFormat()).isInstanceOf(AvroOutputFormat.class);
    List<ApacheFile> parts = hdfs.readWithApache(new Path(out, "part-*.avro"));
    assertThat(parts).hasSizeGreaterThan(2);
    List<Object> actual = new ArrayList<>();
    for (ApacheFile part : parts) {
      assertThat(part.codec()).isEqualTo("snappy");
      assertIdsAscend(part);
      for (org.apache.avro.generic.GenericRecord p : part.records()) {
        assertThat(p.getSchema().getFields()).hasSize(4);
        actual.add(List.of(p.get("id"), p.get("kind").toString(), p.get("level"), p.get("site").toString()));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(READINGS.stream()
        .map(r -> (Object) List.of(r.id(), r.kind(), (double) r.level(), "lab")).collect(Collectors.toList()));
  }

  // ---- task attempts that fail or lose a speculative race, on HDFS

  @Test
  void onlyTheCommittedAttemptsFileReachesTheOutput() throws Exception {
    Configuration conf = hdfs.localJobConf(tmp);
    Path out = new Path("/jobs/attempts");
    conf.set(FileOutputFormat.OUTDIR, out.toString());
    conf.set("avro.schema.output.key", Readings.SCHEMA.toString());
    JobContextImpl jobContext = new JobContextImpl(conf, new JobID("it", 1));
    FileOutputCommitter jobCommitter = new FileOutputCommitter(out, jobContext);
    jobCommitter.setupJob(jobContext);
    List<GenericRecord> records = READINGS.subList(0, 1500).stream().map(Readings::toLancaster)
        .collect(Collectors.toList());

    TaskAttemptContext failed = attempt(conf, 0);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> dying = open(failed);
    for (GenericRecord r : records.subList(0, 700)) {
      dying.write(new AvroKey<>(r), NullWritable.get()); // the task dies: its file is never closed
    }
    new FileOutputCommitter(out, failed).abortTask(failed);

    TaskAttemptContext retry = attempt(conf, 1);
    TaskAttemptContext speculative = attempt(conf, 2);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> winner = open(retry);
    RecordWriter<AvroKey<GenericRecord>, NullWritable> loser = open(speculative);
    for (int i = 0; i < records.size(); i++) {
      winner.write(new AvroKey<>(records.get(i)), NullWritable.get());
      // the same records in another order: the published file tells which attempt it came from
      loser.write(new AvroKey<>(records.get(records.size() - 1 - i)), NullWritable.get());
    }
    winner.close(retry);
    FileOutputCommitter retryCommitter = new FileOutputCommitter(out, retry);
    assertThat(retryCommitter.needsTaskCommit(retry)).isTrue();
    retryCommitter.commitTask(retry);
    loser.close(speculative); // finished too late: the framework kills it instead of committing
    new FileOutputCommitter(out, speculative).abortTask(speculative);
    jobCommitter.commitJob(jobContext);

    assertThat(hdfs.listFiles(out)).containsExactly("_SUCCESS", "part-r-00000.avro");
    assertThat(hdfs.fs().exists(new Path(out, "_temporary"))).isFalse();
    List<ApacheFile> parts = hdfs.readWithApache(new Path(out, "part-r-00000.avro"));
    assertThat(parts.get(0).records()).hasSize(records.size());
    assertThat(parts.get(0).records().stream().map(a -> (Long) a.get("id")).collect(Collectors.toList()))
        .containsExactlyElementsOf(records.stream().map(r -> (Long) r.get("id")).collect(Collectors.toList()));
  }

  private static TaskAttemptContext attempt(Configuration conf, int attempt) {
    return new TaskAttemptContextImpl(conf, new TaskAttemptID("it", 1, TaskType.REDUCE, 0, attempt));
  }

  /** A new format per attempt, as the framework makes: each attempt writes in its own work directory. */
  private static RecordWriter<AvroKey<GenericRecord>, NullWritable> open(TaskAttemptContext attempt)
      throws IOException, InterruptedException {
    AvroKeyOutputFormat<GenericRecord> format = new AvroKeyOutputFormat<>();
    format.getOutputCommitter(attempt).setupTask(attempt);
    return format.getRecordWriter(attempt);
  }

  /**
   * Checks that a map task's output file holds its records in input order. (Which split a task reads is not the
   * file order: the job client hands the largest splits out first.)
   */
  private static void assertIdsAscend(ApacheFile part) {
    assertThat(part.records()).as("records of %s", part.name()).isNotEmpty()
        .extracting(a -> (Long) a.get("id")).isSorted().doesNotHaveDuplicates();
  }
}
