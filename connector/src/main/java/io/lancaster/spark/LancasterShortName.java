package io.lancaster.spark;

/**
 * The same source registered as {@code lancaster}: when Spark's own spark-avro jar is on the class path, Spark
 * prefers its internal source for the short name {@code avro}; {@code format("lancaster")} always selects
 * Lancaster.
 */
public final class LancasterShortName extends LancasterFileFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public String shortName() {
    return "lancaster";
  }
}
