package io.lancaster.spark.types;

import java.util.Objects;
import org.apache.spark.sql.types.DataType;

/** A Spark SQL type and whether its values may be null: what one Avro schema maps to. */
public record SparkType(DataType dataType, boolean nullable) {
  public SparkType {
    Objects.requireNonNull(dataType, "dataType");
  }
}
