package io.lancaster.hadoop.mapred;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.hadoop.input.InputTestData;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroAsTextInputFormatTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void eachRecordIsAKeyOfSpecJsonWithAnEmptyValue() throws Exception {
    List<Object> records = InputTestData.events(600, 0, 41);
    java.nio.file.Path file = InputTestData.write(tmp.resolve("e.avro"), InputTestData.EVENT, records,
        CodecFactory.deflate(6), 400);
    JobConf job = new JobConf(InputTestData.localConf(tmp));
    FileInputFormat.setInputPaths(job, new Path(file.toUri()));

    List<Object> keys = OldApiReads.all(new AvroAsTextInputFormat(), job, 40, (k, v) -> {
      assertThat(v.getLength()).isZero();
      return k.toString();
    });
    assertThat(InputTestData.readBack(file)).isEqualTo(records);
    assertThat(keys).isEqualTo(List.copyOf(InputTestData.json(InputTestData.EVENT, InputTestData.readBack(file))));
  }
}
