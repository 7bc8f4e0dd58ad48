package io.lancaster.spark.read;

import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;

/** Finds parts of executed physical plans. */
final class Plans {
  private Plans() {}

  /** The file scan of a plan that reads one file source. */
  static FileSourceScanExec fileScan(SparkPlan plan) {
    for (SparkPlan leaf : scala.jdk.javaapi.CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf instanceof FileSourceScanExec scan) {
        return scan;
      }
    }
    throw new AssertionError("no file scan in " + plan);
  }
}
