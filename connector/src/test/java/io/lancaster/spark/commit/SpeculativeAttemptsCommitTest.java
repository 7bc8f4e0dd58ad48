package io.lancaster.spark.commit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.spark.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.spark.internal.io.FileCommitProtocol.TaskCommitMessage;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two attempts of the same task writing at once, as speculative execution runs them (see {@link HandDrivenWrite}
 * for why not through a real speculative job): each attempt's Lancaster writer writes only the file the commit
 * protocol names in that attempt's own directory, so the output holds the file of the attempt the driver let commit,
 * and nothing of the other, whether it had finished or was still writing when the job committed. The attempts write
 * different names for the same ids, to tell whose file reached the output.
 */
class SpeculativeAttemptsCommitTest {
  static final String LANCASTER = "lancaster";

  @TempDir Path dir;

  private static org.apache.spark.sql.classic.SparkSession spark() {
    return (org.apache.spark.sql.classic.SparkSession) LocalSpark.session();
  }

  /** Each row of the output as "id=name", as Lancaster reads it, sorted; duplicates stay. */
  private static List<String> rows(Path out) {
    return spark().read().format(LANCASTER).load(out.toString()).orderBy("id", "name").collectAsList().stream()
        .map((Row r) -> r.getLong(0) + "=" + r.getString(1)).toList();
  }

  /** Partition 0 (ids 0..999) written by the attempt named {@code winner}, partition 1 (1000..1999) by "single". */
  private static List<String> expected(String winner) {
    return LongStream.range(0, 2000).mapToObj(i -> i + "=" + (i < 1000 ? winner : "single")).toList();
  }

  @Test
  void whenBothAttemptsFinishOnlyTheOneAllowedToCommitReachesTheOutput() throws Exception {
    Path out = dir.resolve("race");
    HandDrivenWrite job = new HandDrivenWrite(spark(), out, 2);
    String winner;
    try (HandDrivenWrite.Attempt original = job.attempt(0, 0);
        HandDrivenWrite.Attempt speculative = job.attempt(0, 1);
        HandDrivenWrite.Attempt other = job.attempt(1, 0)) {
      // both write, then ask to commit, at the same time
      Future<Void> a = original.startWriting(0, 1000, "original");
      Future<Void> b = speculative.startWriting(0, 1000, "speculative");
      a.get();
      b.get();
      Future<Optional<TaskCommitMessage>> originalCommit = original.startCommit();
      Future<Optional<TaskCommitMessage>> speculativeCommit = speculative.startCommit();
      Optional<TaskCommitMessage> o = originalCommit.get();
      Optional<TaskCommitMessage> s = speculativeCommit.get();
      assertThat(o.isPresent()).as("exactly one attempt may commit").isNotEqualTo(s.isPresent());
      winner = o.isPresent() ? "original" : "speculative";

      other.write(1000, 2000, "single");
      job.commit(List.of(o.orElseGet(s::get), other.closeAndCommit()));
    }

    assertThat(rows(out)).isEqualTo(expected(winner));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 2000));
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }

  @Test
  void anAttemptStillWritingWhenTheJobCommitsLeavesNothing() throws Exception {
    Path out = dir.resolve("straggler");
    HandDrivenWrite job = new HandDrivenWrite(spark(), out, 2);
    try (HandDrivenWrite.Attempt original = job.attempt(0, 0);
        HandDrivenWrite.Attempt speculative = job.attempt(0, 1);
        HandDrivenWrite.Attempt other = job.attempt(1, 0)) {
      original.write(0, 500, "original"); // a straggler: its file is open, half written
      speculative.write(0, 1000, "speculative");
      other.write(1000, 2000, "single");
      job.commit(List.of(speculative.closeAndCommit(), other.closeAndCommit()));

      original.write(500, 1000, "original"); // it goes on until Spark's kill reaches it
      original.closeAndAbort();
    }

    assertThat(rows(out)).isEqualTo(expected("speculative"));
    assertThat(WrittenIds.sorted(OutputDirectory.apacheIds(out))).isEqualTo(WrittenIds.range(0, 2000));
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }

  @Test
  void aSecondAttemptAskingAfterTheFirstCommittedIsDenied() throws Exception {
    Path out = dir.resolve("late");
    HandDrivenWrite job = new HandDrivenWrite(spark(), out, 2);
    try (HandDrivenWrite.Attempt original = job.attempt(0, 0);
        HandDrivenWrite.Attempt speculative = job.attempt(0, 1);
        HandDrivenWrite.Attempt other = job.attempt(1, 0)) {
      speculative.write(0, 1000, "speculative");
      original.write(0, 1000, "original");
      TaskCommitMessage first = original.closeAndCommit();
      assertThat(speculative.startCommit().get()).as("the coordinator denies the second").isEmpty();
      other.write(1000, 2000, "single");
      job.commit(List.of(first, other.closeAndCommit()));
    }

    assertThat(rows(out)).isEqualTo(expected("original"));
    assertThat(OutputDirectory.partFiles(out)).hasSize(2);
    assertThat(OutputDirectory.leftovers(out)).isEmpty();
  }
}
