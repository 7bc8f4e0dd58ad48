package io.lancaster.hadoop;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.output.OutputFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/** Small whole jobs on Hadoop's LocalJobRunner: their configuration, input files and output. */
public final class LocalJobs {
  private LocalJobs() {}

  /** A configuration that runs jobs in this JVM on the local file system, with Hadoop's files under {@code dir}. */
  public static Configuration conf(Path dir) {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", dir.resolve("staging").toString());
    return conf;
  }

  /** Writes {@code records} to a new Avro file with small blocks, so that splits fall inside the file. */
  public static Path write(Path file, Schema schema, Codec codec, List<?> records) throws IOException {
    Files.createDirectories(file.getParent());
    try (DataFileWriter<Object> writer = DataFileWriter.generic().setCodec(codec).setSyncInterval(1024)
        .create(schema, file)) {
      for (Object r : records) {
        writer.append(r);
      }
    }
    return file;
  }

  /** The job's output files named {@code part-*.avro}, in name order. */
  public static List<Path> parts(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("part-.*\\.avro")).sorted()
          .collect(Collectors.toList());
    }
  }

  /** Every record of the files, in order, read by Apache Avro Java and converted to Lancaster's generic values. */
  public static List<Object> readApache(List<Path> files, Schema schema) throws IOException {
    List<Object> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(OutputFixtures.readApache(f, schema));
    }
    return out;
  }
}
