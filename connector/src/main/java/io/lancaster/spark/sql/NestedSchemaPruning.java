package io.lancaster.spark.sql;

import io.lancaster.spark.LancasterFileFormat;
import io.lancaster.spark.read.AvroReadOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.AttributeSet;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.ProjectionOverSchema;
import org.apache.spark.sql.catalyst.expressions.SchemaPruning;
import org.apache.spark.sql.catalyst.expressions.SchemaPruning.RootField;
import org.apache.spark.sql.catalyst.planning.ScanOperation;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Prunes the nested fields a query does not use out of the data schema of a Lancaster Avro relation, so that for
 * {@code select s.a from t} or {@code select items.sku from t} the reader is asked for {@code s struct<a>} or
 * {@code items array<struct<sku>>} and skips the other nested fields instead of decoding them.
 *
 * <p>Spark's own rule ({@code org.apache.spark.sql.execution.datasources.SchemaPruning}) does this for Parquet and
 * ORC only. This one works the same way, over the same catalyst helpers: take the projections and filters stacked on
 * the relation, find the root fields they select, prune the data schema to them, and rewrite the projections and
 * filters over the pruned types. It leaves the {@code _metadata} column to Spark's rule, which runs right after and
 * prunes that column's sub-fields for every file format.
 *
 * <p>Honours {@code spark.sql.optimizer.nestedSchemaPruning.enabled}. Does nothing with
 * {@code positionalFieldMatching}, which matches struct fields by position, so a pruned struct would shift them. Only
 * prunes when the schema gets strictly smaller, so running it again changes nothing.
 */
public final class NestedSchemaPruning extends Rule<LogicalPlan> {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (!conf().nestedSchemaPruningEnabled()) {
      return plan;
    }
    return plan.transformDown(Rewrite.of(this::prunedScan));
  }

  /** The Project/Filter stack at {@code node} over a pruned Lancaster relation, or null to leave it as it is. */
  private LogicalPlan prunedScan(LogicalPlan node) {
    Option<Tuple4<Seq<NamedExpression>, Seq<Expression>, Seq<Expression>, LogicalPlan>> matched =
        ScanOperation.unapply(node);
    if (matched.isEmpty() || !(matched.get()._4() instanceof LogicalRelation relation)
        || !(relation.relation() instanceof HadoopFsRelation files)
        || !(files.fileFormat() instanceof LancasterFileFormat) || matchesFieldsByPosition(files)) {
      return null;
    }
    Tuple4<Seq<NamedExpression>, Seq<Expression>, Seq<Expression>, LogicalPlan> scan = matched.get();
    List<NamedExpression> projects = CollectionConverters.asJava(scan._1());
    List<Expression> filters = filters(scan._3(), scan._2());

    // references may spell a column as the query did; use the relation's names so fields compare by name
    Map<ExprId, String> names = new HashMap<>();
    for (AttributeReference a : CollectionConverters.asJava(relation.output())) {
      names.put(a.exprId(), a.name());
    }
    List<NamedExpression> namedProjects = new ArrayList<>();
    for (NamedExpression p : projects) {
      namedProjects.add((NamedExpression) withRelationNames((Expression) p, names));
    }
    List<Expression> namedFilters = new ArrayList<>();
    for (Expression f : filters) {
      namedFilters.add(withRelationNames(f, names));
    }

    DataColumns columns = DataColumns.of(relation, files, conf().caseSensitiveAnalysis());
    List<RootField> requested = new ArrayList<>();
    boolean nested = false;
    for (RootField root : CollectionConverters.asJava(SchemaPruning.identifyRootFields(
        CollectionConverters.asScala(namedProjects).toList(), CollectionConverters.asScala(namedFilters).toList()))) {
      if (columns.names().contains(root.field().name())) {
        requested.add(root);
        nested |= !root.derivedFromAtt();
      }
    }
    if (!nested) {
      return null;
    }
    StructType pruned = SchemaPruning.pruneSchema(files.dataSchema(), CollectionConverters.asScala(requested).toList());
    if (leaves(pruned) >= leaves(files.dataSchema())) {
      return null;
    }

    LogicalPlan child = PrunedRelation.of(relation, files, pruned, columns);
    List<Expression> dataAttributes = new ArrayList<>(columns.attributes());
    ProjectionOverSchema overPruned = new ProjectionOverSchema(pruned,
        AttributeSet.apply(CollectionConverters.asScala(dataAttributes)));
    for (Expression f : namedFilters) {
      child = new Filter(overPrunedTypes(f, overPruned), child);
    }
    List<NamedExpression> newProjects = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      NamedExpression p = (NamedExpression) overPrunedTypes((Expression) namedProjects.get(i), overPruned);
      newProjects.add(withName(p, projects.get(i).name()));
    }
    return new Project(CollectionConverters.asScala(newProjects).toList(), child);
  }

  private static boolean matchesFieldsByPosition(HadoopFsRelation files) {
    for (Map.Entry<String, String> e : CollectionConverters.asJava(files.options()).entrySet()) {
      if (e.getKey().equalsIgnoreCase(AvroReadOptions.POSITIONAL_FIELD_MATCHING)) {
        return Boolean.parseBoolean(e.getValue());
      }
    }
    return false;
  }

  /**
   * The filters in the order to stack them, bottom first: the pushable ones as one conjunction, then those that must
   * stay above them (non-deterministic ones).
   */
  private static List<Expression> filters(Seq<Expression> pushable, Seq<Expression> stayUp) {
    List<Expression> filters = new ArrayList<>();
    Expression conjunction = null;
    for (Expression e : CollectionConverters.asJava(pushable)) {
      conjunction = conjunction == null ? e : new And(conjunction, e);
    }
    if (conjunction != null) {
      filters.add(conjunction);
    }
    filters.addAll(CollectionConverters.asJava(stayUp));
    return filters;
  }

  private static Expression withRelationNames(Expression e, Map<ExprId, String> names) {
    return e.transform(Rewrite.of(x -> x instanceof AttributeReference a && names.containsKey(a.exprId())
        ? a.withName(names.get(a.exprId())) : null));
  }

  /** Rewrites attributes and field extractions to the pruned types (struct field ordinals shift). */
  private static Expression overPrunedTypes(Expression e, ProjectionOverSchema overPruned) {
    return e.transformDown(Rewrite.of(x -> {
      Option<Expression> projected = overPruned.unapply(x);
      return projected.isDefined() ? projected.get() : null;
    }));
  }

  /** Gives back the output name the query asked for, which the relation's spelling may have replaced. */
  private static NamedExpression withName(NamedExpression e, String name) {
    if (e instanceof Attribute a) {
      return a.withName(name);
    } else if (e instanceof Alias alias) {
      return alias.withName(name);
    }
    return e;
  }

  /** How many primitive values a row of the type holds at most: the measure of "strictly smaller". */
  static int leaves(DataType type) {
    if (type instanceof StructType struct) {
      int sum = 0;
      for (StructField f : struct.fields()) {
        sum += leaves(f.dataType());
      }
      return sum;
    } else if (type instanceof ArrayType array) {
      return leaves(array.elementType());
    } else if (type instanceof MapType map) {
      return leaves(map.keyType()) + leaves(map.valueType());
    }
    return 1;
  }
}
