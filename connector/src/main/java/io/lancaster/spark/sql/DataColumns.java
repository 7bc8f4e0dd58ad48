package io.lancaster.spark.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.MetadataAttribute;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.types.StructField;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The output attributes of a file relation that are read from the files' data: not partition columns (their values
 * come from the directory names, even when the files hold a column of the same name) and not metadata columns such
 * as {@code _metadata}. Only these may be pruned.
 */
record DataColumns(List<AttributeReference> attributes, Set<String> names, Set<ExprId> ids) {
  static DataColumns of(LogicalRelation relation, HadoopFsRelation files, boolean caseSensitive) {
    Set<String> data = new HashSet<>();
    for (StructField f : files.dataSchema().fields()) {
      data.add(f.name());
    }
    Set<String> partitions = new HashSet<>();
    for (StructField f : files.partitionSchema().fields()) {
      partitions.add(caseSensitive ? f.name() : f.name().toLowerCase(Locale.ROOT));
    }
    List<AttributeReference> attributes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<ExprId> ids = new HashSet<>();
    for (AttributeReference a : CollectionConverters.asJava(relation.output())) {
      boolean partition = partitions.contains(caseSensitive ? a.name() : a.name().toLowerCase(Locale.ROOT));
      if (data.contains(a.name()) && !partition && !MetadataAttribute.isValid(a.metadata())) {
        attributes.add(a);
        names.add(a.name());
        ids.add(a.exprId());
      }
    }
    return new DataColumns(List.copyOf(attributes), Set.copyOf(names), Set.copyOf(ids));
  }

  boolean contains(AttributeReference attribute) {
    return ids.contains(attribute.exprId());
  }
}
