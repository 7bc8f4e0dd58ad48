package io.lancaster.hive;

import io.lancaster.hadoop.input.AvroInputFiles;
import io.lancaster.hive.read.AvroHiveRecordReader;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * The input format of {@link AvroHiveSerDe} tables (old {@code mapred} API, as Hive and Spark's Hive tables use):
 * splittable Avro container files, every record read by exactly one split whatever the split sizes. Every file
 * of the table's directories is read, with or without the {@code .avro} extension (Spark's Hive writes name files
 * without one), unless {@code avro.mapred.ignore.inputs.without.extension} is explicitly true; hidden files
 * ({@code _SUCCESS}, {@code .crc}) never are. Records are resolved to the table's schema and projected to the
 * query's columns by {@link AvroHiveRecordReader}.
 */
public class AvroHiveInputFormat extends FileInputFormat<NullWritable, AvroRecordWritable> {

  @Override
  protected FileStatus[] listStatus(JobConf job) throws IOException {
    return AvroInputFiles.filter(super.listStatus(job), job, false);
  }

  @Override
  protected boolean isSplitable(FileSystem fs, Path file) {
    return true;
  }

  @Override
  public RecordReader<NullWritable, AvroRecordWritable> getRecordReader(InputSplit split, JobConf job,
      Reporter reporter) throws IOException {
    reporter.setStatus(split.toString());
    return new AvroHiveRecordReader(job, (FileSplit) split);
  }
}
