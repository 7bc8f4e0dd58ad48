package io.lancaster.spark.functions;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Column$;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.ClassicConversions$;
import org.apache.spark.sql.classic.ColumnConversions$;

/** Between Spark 4's API columns and Catalyst expressions, through Spark's developer API for extensions. */
final class Columns {
  private Columns() {}

  static Expression expression(Column column) {
    return ColumnConversions$.MODULE$.expression(column);
  }

  static Column column(Expression expression) {
    return ClassicConversions$.MODULE$.ColumnConstructorExt(Column$.MODULE$).apply(expression);
  }
}
