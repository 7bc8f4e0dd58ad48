package io.lancaster.spark.sql;

import java.util.function.Function;
import scala.Function1;
import scala.runtime.AbstractPartialFunction;

/**
 * A Java function as the Scala partial function Catalyst's {@code transform} methods take: the function returns
 * the rewritten node, or null where it does not apply (the node is then left as it is).
 */
final class Rewrite<T> extends AbstractPartialFunction<T, T> {
  private final Function<T, T> rewrite;

  private Rewrite(Function<T, T> rewrite) {
    this.rewrite = rewrite;
  }

  static <T> Rewrite<T> of(Function<T, T> rewrite) {
    return new Rewrite<>(rewrite);
  }

  @Override
  public boolean isDefinedAt(T node) {
    return rewrite.apply(node) != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A1 extends T, B1> B1 applyOrElse(A1 node, Function1<A1, B1> otherwise) {
    T rewritten = rewrite.apply(node);
    return rewritten != null ? (B1) rewritten : otherwise.apply(node);
  }
}
