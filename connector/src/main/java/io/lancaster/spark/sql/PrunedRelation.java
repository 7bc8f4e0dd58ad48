package io.lancaster.spark.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A copy of a file relation whose data schema is the pruned one. Its output keeps every attribute in place with its
 * expression id (partition and metadata columns untouched), only the pruned data columns taking their smaller types;
 * the file scan then asks the reader for exactly those types.
 */
final class PrunedRelation {
  private PrunedRelation() {}

  static LogicalRelation of(LogicalRelation relation, HadoopFsRelation files, StructType prunedData,
      DataColumns columns) {
    HadoopFsRelation prunedFiles = files.copy(files.location(), files.partitionSchema(), prunedData,
        files.bucketSpec(), files.fileFormat(), files.options(), files.sparkSession());
    List<AttributeReference> output = new ArrayList<>();
    for (AttributeReference a : CollectionConverters.asJava(relation.output())) {
      output.add(columns.contains(a) ? retyped(a, files.dataSchema(), prunedData) : a);
    }
    LogicalRelation pruned = relation.copy(prunedFiles, CollectionConverters.asScala(output).toList(),
        relation.catalogTable(), relation.isStreaming(), relation.stream());
    pruned.copyTagsFrom(relation);
    return pruned;
  }

  private static AttributeReference retyped(AttributeReference a, StructType data, StructType prunedData) {
    DataType before = data.apply(a.name()).dataType();
    DataType after = prunedData.apply(a.name()).dataType();
    // an untouched column keeps its attribute exactly (its type may differ from the file schema's, e.g. a char
    // column's attribute is a string)
    return before.equals(after) ? a : a.withDataType(after);
  }
}
