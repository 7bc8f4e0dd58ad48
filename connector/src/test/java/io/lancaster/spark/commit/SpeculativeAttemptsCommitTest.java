package io.lancaster.spark.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.spark.internal.io.FileCommitProtocol.TaskCommitMessage;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two attempts of the same task writing at once, as speculative execution runs them: each attempt's Lancaster
 * writer writes only the file the commit protocol names in that attempt's own directory, so the output holds the
 * committed attempt's file alone, whether the other attempt had finished or was still writing when the job
 * committed. The attempts write different names for the same ids, to tell which file reached the output.
 */
class SpeculativeAttemptsCommitTest {
  static final String LANCASTER = "lancaster";

  @TempDir Path dir;

  private static org.apache.spark.sql.classic.SparkSession spark() {
    return (org.apache.spark.sql.classic.SparkSession) LocalSpark.session();
  }

  /** The name each id has in the output, as Lancaster reads it; ids sorted, duplicates kept. */
  private static List<String> rows(Path out) {
    return spark().read().format(LANCASTER).load(out.toString()).orderBy("id", "name").collectAsList().stream()
        .map((Row r) -> r.getLong(0) + "=" + r.getString(1)).toList();
  }

  private static List<String> expected(String partition0Name) {
    return java.util.stream.LongStream.range(0, 2000)
        .mapToObj(i -> i + "=" + (i < 1000 ? partition0Name : "single")).toList();
  }

  @Test
  void onlyTheCommittedAttemptsFileReachesTheOutputWhenBothFinished() throws Exception {
    Path out = dir.resolve("finished");
    HandDrivenWrite job = new HandDrivenWrite(spark(), out);
    try (HandDrivenWrite.Attempt original = job.attempt(0, 0);
        HandDrivenWrite.Attempt speculative = job.attempt(0, 1);
        HandDrivenWrite.Attempt other = job.attempt(1, 0)) {
      // both attempts write at the same time, each on its thread
      Future<Void> a = original.start(() -> {
        original.write(0, 1000, "original");
        return null;
      });
      Future<Void> b = speculative.start(() -> {
        speculative.write(0, 1000, "speculative");
        return null;
      });
      a.get();
      b.get();
      other.write(1000, 2000, "single");
      TaskCommitMessage winner = speculative.closeAndCommit();
      original.closeAndAbort(); // the commit coordinator denies it: Spark aborts the task
      job.commit(List.of(winner, other.closeAndCommit()));
    }

    assertThat(rows(out)).isEqualTo(expected("speculative"));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 2000));
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }

  @Test
  void anAttemptStillWritingWhenTheJobCommitsLeavesNothing() throws Exception {
    Path out = dir.resolve("running");
    HandDrivenWrite job = new HandDrivenWrite(spark(), out);
    try (HandDrivenWrite.Attempt original = job.attempt(0, 0);
        HandDrivenWrite.Attempt speculative = job.attempt(0, 1);
        HandDrivenWrite.Attempt other = job.attempt(1, 0)) {
      original.write(0, 500, "original"); // a straggler: its file is open, half written
      speculative.write(0, 1000, "speculative");
      other.write(1000, 2000, "single");
      job.commit(List.of(speculative.closeAndCommit(), other.closeAndCommit()));

      original.write(500, 1000, "original"); // the straggler goes on until it is killed
      original.closeAndAbort();
    }

    assertThat(rows(out)).isEqualTo(expected("speculative"));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 2000));
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }

  @Test
  void theOriginalAttemptCanWinToo() throws Exception {
    Path out = dir.resolve("original");
    HandDrivenWrite job = new HandDrivenWrite(spark(), out);
    try (HandDrivenWrite.Attempt original = job.attempt(0, 0);
        HandDrivenWrite.Attempt speculative = job.attempt(0, 1);
        HandDrivenWrite.Attempt other = job.attempt(1, 0)) {
      speculative.write(0, 300, "speculative");
      original.write(0, 1000, "original");
      other.write(1000, 2000, "single");
      TaskCommitMessage winner = original.closeAndCommit();
      speculative.closeAndAbort();
      job.commit(List.of(winner, other.closeAndCommit()));
    }

    assertThat(rows(out)).isEqualTo(expected("original"));
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }
}
