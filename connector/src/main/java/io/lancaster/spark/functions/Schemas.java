package io.lancaster.spark.functions;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;

/** How the functions parse the schemas they are given. */
final class Schemas {
  private Schemas() {}

  /**
   * A writer schema describes its data whatever its names and defaults say, so it is parsed leniently (a
   * registry may hold schemas that other tools wrote).
   */
  static Schema writer(String json) {
    return SchemaParser.lenient().parse(json);
  }

  /** A reader schema: names are checked, defaults only when used (spark-avro does not validate them either). */
  static Schema reader(String json) {
    return new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.NONE).parse(json);
  }

  /** A schema to write with: checked as Apache Avro's parser checks it. */
  static Schema output(String json) {
    return new SchemaParser().defaultValidation(SchemaParser.DefaultValidation.ANY_UNION_BRANCH).parse(json);
  }
}
