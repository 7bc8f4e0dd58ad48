package io.lancaster.hive.schema;

import java.util.Locale;
import java.util.Properties;

/**
 * How an Avro union of two or more non-null types maps to a Hive type, chosen per table with
 * {@link TableProperties#UNION_MAPPING}. Unions of one type and null are nullable columns in both mappings.
 */
public enum UnionMapping {
  /**
   * Hive's {@code uniontype<T0, T1, ...>} of the non-null branches, as Hive's AvroSerDe maps them. The default, so
   * that switching a table between the two SerDes changes no column type. Spark SQL cannot read such columns.
   */
  UNIONTYPE("uniontype"),
  /**
   * As spark-avro: {@code struct<member0: T0, member1: T1, ...>} of the non-null branches, exactly one of them set
   * in each row; a union of int and long is {@code bigint}, one of float and double is {@code double}.
   */
  STRUCT("struct");

  public static final UnionMapping DEFAULT = UNIONTYPE;

  private final String propertyValue;

  UnionMapping(String propertyValue) {
    this.propertyValue = propertyValue;
  }

  /** The value of {@link TableProperties#UNION_MAPPING} that selects this mapping. */
  public String propertyValue() {
    return propertyValue;
  }

  /**
   * The mapping a table's properties choose; {@link #DEFAULT} when the property is absent or blank.
   *
   * @throws TableSchemaException for any other value
   */
  public static UnionMapping of(Properties properties) {
    String v = properties.getProperty(TableProperties.UNION_MAPPING);
    if (v == null || v.isBlank()) {
      return DEFAULT;
    }
    String lower = v.trim().toLowerCase(Locale.ROOT);
    for (UnionMapping m : values()) {
      if (m.propertyValue.equals(lower)) {
        return m;
      }
    }
    throw new TableSchemaException("table property " + TableProperties.UNION_MAPPING + " must be "
        + UNIONTYPE.propertyValue + " or " + STRUCT.propertyValue + ", not \"" + v + "\"");
  }
}
