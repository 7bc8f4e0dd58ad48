package io.lancaster.hadoop.mapred;

import static io.lancaster.hadoop.output.OutputFixtures.readCore;
import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.output.OutputFixtures;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.OutputFormat;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.mapreduce.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroTextOutputFormatTest {
  @TempDir
  Path tmp;

  private static final Object[][] PAIRS = {
      {new Text("k1"), new Text("v1")},
      {new Text("\u00e9t\u00e9"), new IntWritable(42)},
      {NullWritable.get(), new Text("value only")},
      {new Text("key only"), null},
      {null, NullWritable.get()}, // nothing is written
      {new IntWritable(7), new Text("")},
  };

  /** Writes {@link #PAIRS} with {@code format} in a committed task; returns the records of its file. */
  private List<Object> writeWith(OutputFormat<Object, Object> format, String dir, JobConf conf) throws Exception {
    OldApiTaskHarness harness = new OldApiTaskHarness(conf, tmp.resolve(dir));
    JobConf attempt = harness.attempt(TaskType.REDUCE, 0, 0);
    RecordWriter<Object, Object> writer = format.getRecordWriter(null, attempt, "part-00000", Reporter.NULL);
    for (Object[] pair : PAIRS) {
      writer.write(pair[0], pair[1]);
    }
    writer.close(Reporter.NULL);
    harness.commit(attempt);
    harness.commitJob();
    Path file = tmp.resolve(dir).resolve("part-00000.avro");
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      assertThat(reader.schema()).isEqualTo(PrimitiveSchema.of(Schema.Type.BYTES));
    }
    return readCore(file);
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesTextLinesAsBytesRecordsLikeAvroMapred() throws Exception {
    JobConf conf = new JobConf(OutputFixtures.localConf(tmp));
    List<Object> ours = writeWith(new AvroTextOutputFormat<>(), "ours", conf);
    assertThat(ours).containsExactly(utf8("k1\tv1"), utf8("\u00e9t\u00e9\t42"), utf8("value only"),
        utf8("key only"), utf8("7\t"));
    List<Object> theirs = writeWith(new org.apache.avro.mapred.AvroTextOutputFormat<>(), "theirs", conf);
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void theSeparatorIsConfigurable() throws Exception {
    JobConf conf = new JobConf(OutputFixtures.localConf(tmp));
    conf.set(AvroTextOutputFormat.SEPARATOR, " => ");
    assertThat(writeWith(new AvroTextOutputFormat<>(), "out", conf).get(0)).isEqualTo(utf8("k1 => v1"));
  }
}
