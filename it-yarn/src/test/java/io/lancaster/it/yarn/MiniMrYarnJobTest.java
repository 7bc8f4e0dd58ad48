package io.lancaster.it.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.hadoop.mapreduce.AvroJob;
import io.lancaster.hadoop.mapreduce.AvroKeyInputFormat;
import io.lancaster.hadoop.mapreduce.AvroKeyOutputFormat;
import io.lancaster.it.yarn.Readings.Reading;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TypeConverter;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole MapReduce jobs on a real YARN: a ResourceManager and a NodeManager (MiniMRYarnCluster) that launch the
 * MapReduce application master and every map and reduce task in containers, separate JVMs, over a real HDFS
 * (MiniDFSCluster) whose 64 KiB blocks split each input file among several map tasks. Unlike the LocalJobRunner
 * tests of the {@code it} module, the job's configuration, schemas and classes travel to other JVMs here, and the
 * shuffle goes over the NodeManager's ShuffleHandler. The outputs are read back from HDFS by Apache Avro Java.
 *
 * <p>Container JVMs get this JVM's class path (MiniYARNCluster sets {@code yarn.is.minicluster}, which makes the
 * MapReduce client propagate {@code java.class.path}) and the Java 17 opens of the build.
 */
class MiniMrYarnJobTest {
  private static final int BLOCK_SIZE = 64 * 1024;
  private static final Path INPUT = new Path("/jobs/readings");

  @TempDir
  static File tmp;

  private static MiniDFSCluster dfs;
  private static MiniMRYarnCluster yarn;
  private static final List<Reading> READINGS = new ArrayList<>();

  @BeforeAll
  static void startClustersAndWriteInput() throws IOException {
    Configuration conf = new Configuration();
    conf.set("hadoop.tmp.dir", new File(tmp, "hadoop-tmp").getAbsolutePath());
    conf.setLong("dfs.namenode.fs-limits.min-block-size", 4096);
    conf.setLong("dfs.blocksize", BLOCK_SIZE);
    conf.setInt("dfs.replication", 1);
    dfs = new MiniDFSCluster.Builder(conf, new File(tmp, "dfs")).numDataNodes(1).build();
    dfs.waitActive();

    Configuration yarnConf = new Configuration(dfs.getConfiguration(0));
    yarnConf.setInt("yarn.scheduler.minimum-allocation-mb", 128);
    yarnConf.setInt("yarn.scheduler.maximum-allocation-mb", 1024);
    yarnConf.setInt("yarn.nodemanager.resource.memory-mb", 2048);
    yarnConf.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
    yarnConf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    yarnConf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 99.9f);
    yarnConf.set("yarn.app.mapreduce.am.staging-dir", "/tmp/staging");
    yarn = new MiniMRYarnCluster("lancaster-yarn", 1);
    yarn.init(yarnConf);
    yarn.start();

    List<Reading> a = Readings.generate(21, 0, 2000);
    List<Reading> b = Readings.generate(22, 100_000, 2000);
    write(new Path(INPUT, "part-a.avro"), 16 * 1024, CodecFactory.deflate(1), a);
    write(new Path(INPUT, "part-b.avro"), 40_000, CodecFactory.nullCodec(), b);
    READINGS.addAll(a);
    READINGS.addAll(b);
  }

  @AfterAll
  static void stopClusters() throws IOException {
    if (yarn != null) {
      yarn.close();
    }
    if (dfs != null) {
      dfs.shutdown(true);
    }
  }

  // ---- read -> transform -> write, map only

  @Test
  void mapOnlyJobOnYarnTransformsEveryRecordOnceIntoDeflateFiles() throws Exception {
    Configuration conf = jobConf();
    conf.set("avro.output.codec", "deflate");
    conf.setInt("avro.mapred.deflate.level", 6);
    conf.set("avro.meta.text.origin", "lancaster-yarn");
    Job job = Job.getInstance(conf, "transform on yarn");
    job.setJarByClass(MiniMrYarnJobTest.class);
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

    assertThat(job.waitForCompletion(false)).as("the job succeeded on YARN").isTrue();
    assertRanOnYarn(job);

    int maps = new AvroKeyInputFormat<>().getSplits(job).size();
    assertThat(maps).as("map tasks, one per split of the HDFS blocks").isGreaterThanOrEqualTo(4);
    assertThat(job.getCounters().findCounter(JobCounter.TOTAL_LAUNCHED_MAPS).getValue()).isEqualTo(maps);
    assertThat(job.getCounters().findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue()).isEqualTo(READINGS.size());
    List<Object> expected = new ArrayList<>();
    for (Reading r : READINGS) {
      if (SensorJobs.isAlert(r)) {
        expected.add(Arrays.asList(r.id(), r.sensor(), r.kind(), (long) r.level(), SensorJobs.mean(r.values())));
      }
    }
    List<ApacheFile> parts = readWithApache(new Path(out, "part-m-*.avro"));
    assertThat(parts).as("one file per map task").hasSize(maps);
    assertThat(fs().exists(new Path(out, "_SUCCESS"))).isTrue();
    assertThat(fs().exists(new Path(out, "_temporary"))).as("no attempt directories left").isFalse();
    List<Object> actual = new ArrayList<>();
    for (ApacheFile part : parts) {
      assertThat(part.codec()).as("codec of %s", part.name()).isEqualTo("deflate");
      assertThat(part.metadata()).as("metadata of %s", part.name()).containsEntry("origin", "lancaster-yarn");
      for (org.apache.avro.generic.GenericRecord a : part.records()) {
        actual.add(Arrays.asList(a.get("id"), a.get("sensor").toString(), a.get("kind").toString(), a.get("level"),
            a.get("mean")));
      }
    }
    assertThat(actual).as("every alert exactly once").containsExactlyInAnyOrderElementsOf(expected);
  }

  // ---- Avro records as shuffle keys, through the NodeManager's shuffle

  @Test
  void aggregationOnYarnComesOutInTheKeySchemasSortOrder() throws Exception {
    Job job = Job.getInstance(jobConf(), "aggregate on yarn");
    job.setJarByClass(MiniMrYarnJobTest.class);
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

    assertThat(job.waitForCompletion(false)).as("the job succeeded on YARN").isTrue();
    assertRanOnYarn(job);
    assertThat(job.getCounters().findCounter(JobCounter.TOTAL_LAUNCHED_REDUCES).getValue()).isEqualTo(2);

    Map<List<String>, long[]> expected = new TreeMap<>(SensorJobs.KEY_ORDER);
    for (Reading r : READINGS) {
      long[] t = expected.computeIfAbsent(List.of(r.sensor(), r.kind()), k -> new long[2]);
      t[0]++;
      t[1] += r.level();
    }
    List<ApacheFile> parts = readWithApache(new Path(out, "part-r-*.avro"));
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
    assertThat(job.getCounters().findCounter(TaskCounter.MAP_INPUT_RECORDS).getValue()).isEqualTo(READINGS.size());
    assertThat(job.getCounters().findCounter(TaskCounter.REDUCE_INPUT_GROUPS).getValue())
        .isEqualTo(expected.size());
  }

  /** Checks that the job was a YARN application that succeeded, not a LocalJobRunner run. */
  private static void assertRanOnYarn(Job job) {
    RMApp app = yarn.getResourceManager().getRMContext().getRMApps()
        .get(TypeConverter.toYarn(job.getJobID()).getAppId());
    assertThat(app).as("the ResourceManager's application of %s", job.getJobID()).isNotNull();
    assertThat(app.getApplicationType()).isEqualTo("MAPREDUCE");
    assertThat(app.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
  }

  /** A job configuration for the YARN cluster: small containers whose JVMs have the build's Java 17 opens. */
  private static Configuration jobConf() {
    Configuration conf = new Configuration(yarn.getConfig());
    String opens = System.getProperty("lancaster.test.add-opens", "");
    conf.set("yarn.app.mapreduce.am.command-opts", "-Xmx384m " + opens);
    conf.setInt("yarn.app.mapreduce.am.resource.mb", 512);
    conf.setInt("mapreduce.map.memory.mb", 256);
    conf.setInt("mapreduce.reduce.memory.mb", 384);
    conf.set("mapreduce.map.java.opts", "-Xmx200m " + opens);
    conf.set("mapreduce.reduce.java.opts", "-Xmx300m " + opens);
    conf.setInt("mapreduce.task.io.sort.mb", 32);
    conf.setBoolean("mapreduce.map.speculative", false);
    conf.setBoolean("mapreduce.reduce.speculative", false);
    return conf;
  }

  private static FileSystem fs() throws IOException {
    return dfs.getFileSystem();
  }

  private static void write(Path file, int syncInterval, io.lancaster.avro.codec.Codec codec, List<Reading> rs)
      throws IOException {
    try (DataFileWriter<Object> writer = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
        .create(Readings.SCHEMA, fs().create(file, true, 4096, (short) 1, BLOCK_SIZE))) {
      for (Reading r : rs) {
        writer.append(Readings.toLancaster(r));
      }
    }
    FileStatus status = fs().getFileStatus(file);
    assertThat(fs().getFileBlockLocations(status, 0, status.getLen())).as("HDFS blocks of %s", file)
        .hasSizeGreaterThan(1);
  }

  /** An Avro file on HDFS as Apache Avro Java reads it. */
  private record ApacheFile(String name, String codec, Map<String, String> metadata,
      List<org.apache.avro.generic.GenericRecord> records) {}

  private static List<ApacheFile> readWithApache(Path glob) throws IOException {
    List<ApacheFile> out = new ArrayList<>();
    for (FileStatus file : fs().globStatus(glob)) {
      try (InputStream in = fs().open(file.getPath());
          org.apache.avro.file.DataFileStream<org.apache.avro.generic.GenericRecord> stream =
              new org.apache.avro.file.DataFileStream<>(in, new org.apache.avro.generic.GenericDatumReader<>())) {
        Map<String, String> metadata = new TreeMap<>();
        for (String key : stream.getMetaKeys()) {
          metadata.put(key, stream.getMetaString(key));
        }
        List<org.apache.avro.generic.GenericRecord> records = new ArrayList<>();
        stream.forEach(records::add);
        out.add(new ApacheFile(file.getPath().getName(), stream.getMetaString("avro.codec"), metadata, records));
      }
    }
    return out;
  }
}
