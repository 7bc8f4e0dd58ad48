package io.lancaster.hadoop.mapred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.hadoop.mapred.InputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * Reads an old-API job's input as its map tasks would: the format's splits for a hint of {@code numSplits}, one
 * record reader per split; checks that each reader's progress goes from 0 to 1 without decreasing.
 */
final class OldApiReads {
  private OldApiReads() {}

  static <K, V> List<Object> all(InputFormat<K, V> format, JobConf job, int numSplits, BiFunction<K, V, Object> take)
      throws IOException {
    List<Object> all = new ArrayList<>();
    for (InputSplit split : format.getSplits(job, numSplits)) {
      all.addAll(read(format, split, job, take));
    }
    return all;
  }

  static <K, V> List<Object> read(InputFormat<K, V> format, InputSplit split, JobConf job,
      BiFunction<K, V, Object> take) throws IOException {
    List<Object> records = new ArrayList<>();
    List<Float> progress = new ArrayList<>();
    RecordReader<K, V> reader = format.getRecordReader(split, job, Reporter.NULL);
    try {
      K key = reader.createKey();
      V value = reader.createValue();
      progress.add(reader.getProgress());
      while (reader.next(key, value)) {
        records.add(take.apply(key, value));
        progress.add(reader.getProgress());
      }
      progress.add(reader.getProgress());
    } finally {
      reader.close();
    }
    assertThat(progress.get(0)).as("progress at the start of %s", split).isEqualTo(0.0f);
    assertThat(progress.get(progress.size() - 1)).as("progress at the end of %s", split).isEqualTo(1.0f);
    assertThat(progress).as("progress through %s", split).isSorted().allMatch(p -> p >= 0.0f && p <= 1.0f);
    return records;
  }
}
