package io.lancaster.it.hadoop;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.file.DataFileWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in the test JVM (one NameNode, one DataNode) whose blocks are tiny, so that Avro files of a few hundred
 * kilobytes span several blocks and therefore several input splits, as multi-gigabyte files do on a real cluster.
 */
final class MiniHdfs implements AutoCloseable {
  /** The HDFS block size of every file: 64 KiB, below HDFS's usual minimum, which {@link #start} lowers. */
  static final int BLOCK_SIZE = 64 * 1024;

  private final MiniDFSCluster cluster;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts a cluster keeping its NameNode and DataNode directories under {@code baseDir}. */
  static MiniHdfs start(File baseDir) throws IOException {
    Configuration conf = new Configuration();
    conf.set("hadoop.tmp.dir", new File(baseDir, "hadoop-tmp").getAbsolutePath());
    conf.setLong("dfs.namenode.fs-limits.min-block-size", 4096);
    conf.setLong("dfs.blocksize", BLOCK_SIZE);
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, new File(baseDir, "dfs")).numDataNodes(1).build();
    cluster.waitActive();
    return new MiniHdfs(cluster);
  }

  FileSystem fs() throws IOException {
    return cluster.getFileSystem();
  }

  /** The cluster's configuration: {@code fs.defaultFS} is this HDFS. */
  Configuration conf() {
    return new Configuration(cluster.getConfiguration(0));
  }

  /**
   * A configuration for jobs on Hadoop's LocalJobRunner over this HDFS: the job's input, output and staging files
   * are on HDFS, its tasks' local spill and shuffle files under {@code localDir}. Up to two map tasks and two reduce
   * tasks run at once.
   */
  Configuration localJobConf(File localDir) {
    Configuration conf = conf();
    conf.set("mapreduce.framework.name", "local");
    conf.set("mapreduce.cluster.local.dir", new File(localDir, "mapred-local").getAbsolutePath());
    conf.set("mapreduce.jobtracker.staging.root.dir", "/tmp/staging");
    conf.setInt("mapreduce.local.map.tasks.maximum", 2);
    conf.setInt("mapreduce.local.reduce.tasks.maximum", 2);
    return conf;
  }

  /** Writes {@code records} into a new Avro file on HDFS with the core writer, in blocks of {@code syncInterval}. */
  Path write(Path file, io.lancaster.avro.schema.Schema schema, Codec codec, int syncInterval, List<?> records)
      throws IOException {
    try (DataFileWriter<Object> writer = DataFileWriter.generic().setCodec(codec).setSyncInterval(syncInterval)
        .create(schema, fs().create(file, true, 4096, (short) 1, BLOCK_SIZE))) {
      for (Object r : records) {
        writer.append(r);
      }
    }
    return fs().makeQualified(file);
  }

  /** How many HDFS blocks {@code file} has. */
  int blocks(Path file) throws IOException {
    FileStatus status = fs().getFileStatus(file);
    return fs().getFileBlockLocations(status, 0, status.getLen()).length;
  }

  /** An Avro file on HDFS as Apache Avro Java reads it: its codec, its metadata as text, and its records. */
  record ApacheFile(String name, String codec, Map<String, String> metadata,
      List<org.apache.avro.generic.GenericRecord> records) {}

  /** The files matching {@code glob} (e.g. {@code /out/part-*.avro}), in name order, read by Apache Avro Java. */
  List<ApacheFile> readWithApache(Path glob) throws IOException {
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

  /** The names of all files under {@code dir}, recursively, relative to it. */
  List<String> listFiles(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    String prefix = fs().makeQualified(dir).toUri().getPath() + "/";
    RemoteIterator<LocatedFileStatus> files = fs().listFiles(dir, true);
    while (files.hasNext()) {
      names.add(files.next().getPath().toUri().getPath().substring(prefix.length()));
    }
    names.sort(null);
    return names;
  }

  @Override
  public void close() {
    cluster.shutdown(true);
  }
}
