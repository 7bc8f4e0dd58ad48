package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.input.InputTestData;
import io.lancaster.hadoop.io.AvroKey;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombineAvroKeyInputFormatTest {
  @TempDir java.nio.file.Path tmp;

  private static long id(Object record) {
    return (Long) ((GenericRecord) record).get("id");
  }

  @Test
  void packsSmallFilesIntoFewSplitsAndReadsEveryRecordOnce() throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    List<Object> expected = new ArrayList<>();
    long fileSize = 0;
    for (int f = 0; f < 12; f++) {
      List<Object> records = InputTestData.events(60, f * 1000L, f);
      expected.addAll(records);
      java.nio.file.Path file = InputTestData.write(dir.resolve("small-" + f + ".avro"), InputTestData.EVENT,
          records, CodecFactory.deflate(6), 500);
      fileSize = Math.max(fileSize, Files.size(file));
    }
    InputTestData.write(dir.resolve("skipped.txt"), InputTestData.EVENT, InputTestData.events(5, 99_000, 1),
        CodecFactory.nullCodec(), 500);
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    job.getConfiguration().setBoolean(AvroConfigKeys.IGNORE_INPUTS_WITHOUT_EXTENSION, true);
    FileInputFormat.setInputPaths(job, new Path(dir.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 3 * fileSize);

    CombineAvroKeyInputFormat<Object> format = new CombineAvroKeyInputFormat<>();
    List<InputSplit> splits = format.getSplits(job);
    assertThat(splits).hasSizeBetween(2, 8).allMatch(s -> s instanceof CombineFileSplit);
    assertThat(splits).anyMatch(s -> ((CombineFileSplit) s).getNumPaths() > 1);

    List<Object> read = NewApiReads.all(format, job, (AvroKey<Object> k, NullWritable v) -> k.datum());
    read.sort(Comparator.comparingLong(CombineAvroKeyInputFormatTest::id));
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void piecesOfLargeFilesAreReadOnceToo() throws Exception {
    java.nio.file.Path dir = tmp.resolve("in");
    List<Object> records = InputTestData.events(1500, 0, 3);
    InputTestData.write(dir.resolve("big.avro"), InputTestData.EVENT, records, CodecFactory.nullCodec(), 300);
    Job job = Job.getInstance(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(dir.toUri()));
    FileInputFormat.setMaxInputSplitSize(job, 10_000); // a file larger than this is cut into pieces

    CombineAvroKeyInputFormat<Object> format = new CombineAvroKeyInputFormat<>();
    assertThat(format.getSplits(job)).hasSizeGreaterThan(3);
    List<Object> read = NewApiReads.all(format, job, (AvroKey<Object> k, NullWritable v) -> k.datum());
    read.sort(Comparator.comparingLong(CombineAvroKeyInputFormatTest::id));
    assertThat(read).isEqualTo(records);
  }
}
