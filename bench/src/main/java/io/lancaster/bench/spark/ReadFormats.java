package io.lancaster.bench.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.jdk.javaapi.CollectionConverters;

/** Which implementation a DataFrame reads its files with, from its analyzed plan. */
public final class ReadFormats {
  private ReadFormats() {}

  /**
   * The class names of the file formats (data source V1) or tables (V2) at the leaves of {@code df}'s plan, in
   * plan order, e.g. {@code [io.lancaster.spark.LancasterFileFormat]}.
   */
  public static List<String> of(Dataset<?> df) {
    LogicalPlan plan = df.queryExecution().analyzed();
    List<String> formats = new ArrayList<>();
    for (LogicalPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf instanceof LogicalRelation relation && relation.relation() instanceof HadoopFsRelation files) {
        formats.add(files.fileFormat().getClass().getName());
      } else if (leaf instanceof DataSourceV2Relation v2) {
        formats.add(v2.table().getClass().getName());
      }
    }
    return formats;
  }
}
