package io.lancaster.spark.functions;

import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeBlock;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeGenerator;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.sql.catalyst.expressions.codegen.JavaCode;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Catalyst expression of one child whose work is done by this instance's {@link #nullSafeEval}, written in
 * Java: a null input gives null, and generated code evaluates the child inline then calls this instance (as
 * spark-avro's expressions do), so whole-stage code generation stays on.
 *
 * <p>It plays a Scala case class of two fields, the child and an immutable spec: those are its product elements
 * and its constructor's arguments, which Spark's tree transformations ({@code makeCopy}, {@code withNewChildren},
 * equality, hashing) rely on. (Spark's own {@code UnaryExpression} cannot be extended from Java: javac does not
 * take its Scala mixin forwarders as implementations.)
 */
public abstract class AvroExpression extends Expression implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Expression child;
  private transient Seq<Expression> children;

  protected AvroExpression(Expression child) {
    this.child = java.util.Objects.requireNonNull(child, "child");
  }

  public final Expression child() {
    return child;
  }

  /** The second product element: everything but the child, immutable, with value equality. */
  abstract Object spec();

  /** The same expression over {@code newChild}. */
  abstract AvroExpression withChild(Expression newChild);

  /** The result for a non-null input. Public: generated code calls it. */
  public abstract Object nullSafeEval(Object input);

  @Override
  public final Seq<Expression> children() {
    if (children == null) {
      children = CollectionConverters.asScala(List.of(child)).toSeq();
    }
    return children;
  }

  @Override
  public final Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
    return withChild(newChildren.apply(0));
  }

  @Override
  public boolean foldable() {
    return child.foldable();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public final Object eval(InternalRow input) {
    Object value = child.eval(input);
    return value == null ? null : nullSafeEval(value);
  }

  @Override
  public final ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
    ExprCode in = child.genCode(ctx);
    String self = ctx.addReferenceObj("avroExpr", this, getClass().getName());
    String boxed = CodeGenerator.boxedType(dataType());
    String result = ctx.freshName("result");
    String isNull = ev.isNull().toString();
    String value = ev.value().toString();
    String code = "\nboolean " + isNull + " = " + in.isNull() + ";\n"
        + CodeGenerator.javaType(dataType()) + " " + value + " = " + CodeGenerator.defaultValue(dataType(), true)
        + ";\nif (!" + isNull + ") {\n"
        + "  " + boxed + " " + result + " = (" + boxed + ") " + self + ".nullSafeEval(" + in.value() + ");\n"
        + "  if (" + result + " == null) {\n    " + isNull + " = true;\n  } else {\n    " + value + " = " + result
        + ";\n  }\n}\n";
    CodeBlock block = new CodeBlock(
        CollectionConverters.asScala(List.of("", code)).toSeq(),
        CollectionConverters.asScala(List.<JavaCode>of(in.code())).toSeq());
    return ev.copy(block, ev.isNull(), ev.value());
  }

  @Override
  public final int productArity() {
    return 2;
  }

  @Override
  public final Object productElement(int n) {
    switch (n) {
      case 0: return child;
      case 1: return spec();
      default: throw new IndexOutOfBoundsException(n);
    }
  }

  @Override
  public final boolean canEqual(Object that) {
    return that != null && that.getClass() == getClass();
  }

  @Override
  public final boolean equals(Object o) {
    return this == o || canEqual(o) && child.equals(((AvroExpression) o).child)
        && spec().equals(((AvroExpression) o).spec());
  }

  @Override
  public final int hashCode() {
    return super.hashCode();
  }
}
