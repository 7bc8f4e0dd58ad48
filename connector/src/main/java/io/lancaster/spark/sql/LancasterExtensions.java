package io.lancaster.spark.sql;

import io.lancaster.spark.functions.AvroFunctionRegistry;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.SparkSessionExtensionsProvider;
import scala.runtime.BoxedUnit;

/**
 * Lancaster's additions to every Spark session: Spark finds this class through
 * {@code META-INF/services/org.apache.spark.sql.SparkSessionExtensionsProvider} when Lancaster's jar is on the
 * classpath, and it may also be named in {@code spark.sql.extensions} (being named there as well only runs the rule
 * twice, and the second run changes nothing).
 *
 * <p>It registers the Avro SQL functions ({@link AvroFunctionRegistry}: {@code lancaster_from_avro} and the others,
 * and {@code from_avro}, {@code to_avro}, {@code schema_of_avro} where Spark's own are absent).
 *
 * <p>{@link NestedSchemaPruning} goes in as a pre-CBO rule: that batch runs once, after the operator optimizations
 * have pushed projections and filters down to the relations and right before the batch that holds Spark's own
 * {@code SchemaPruning}, which is where nested pruning belongs (extensions cannot add to that batch itself). An
 * operator optimization rule would instead run inside fixed-point batches, before the projections settle.
 */
public final class LancasterExtensions implements SparkSessionExtensionsProvider {
  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectPreCBORule(session -> new NestedSchemaPruning());
    AvroFunctionRegistry.register(extensions);
    return BoxedUnit.UNIT;
  }
}
