package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * Reads a job's input as its map tasks would: the format's real splits, one record reader per split. Checks on the
 * way that every reader's progress starts at 0, never decreases, stays within [0, 1] and ends at 1.
 */
final class NewApiReads {
  private NewApiReads() {}

  /** What each split's reader returned, split by split. */
  static <K, V> List<List<Object>> bySplit(InputFormat<K, V> format, Job job, BiFunction<K, V, Object> take)
      throws IOException, InterruptedException {
    List<List<Object>> all = new ArrayList<>();
    for (InputSplit split : format.getSplits(job)) {
      all.add(read(format, split, job, take));
    }
    return all;
  }

  static <K, V> List<Object> all(InputFormat<K, V> format, Job job, BiFunction<K, V, Object> take)
      throws IOException, InterruptedException {
    List<Object> all = new ArrayList<>();
    bySplit(format, job, take).forEach(all::addAll);
    return all;
  }

  static <K, V> List<Object> read(InputFormat<K, V> format, InputSplit split, Job job, BiFunction<K, V, Object> take)
      throws IOException, InterruptedException {
    TaskAttemptContext context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
    List<Object> records = new ArrayList<>();
    List<Float> progress = new ArrayList<>();
    try (RecordReader<K, V> reader = format.createRecordReader(split, context)) {
      reader.initialize(split, context);
      progress.add(reader.getProgress());
      while (reader.nextKeyValue()) {
        records.add(take.apply(reader.getCurrentKey(), reader.getCurrentValue()));
        progress.add(reader.getProgress());
      }
      progress.add(reader.getProgress());
    }
    assertThat(progress.get(0)).as("progress at the start of %s", split).isEqualTo(0.0f);
    assertThat(progress.get(progress.size() - 1)).as("progress at the end of %s", split).isEqualTo(1.0f);
    assertThat(progress).as("progress through %s", split).isSorted().allMatch(p -> p >= 0.0f && p <= 1.0f);
    return records;
  }
}
