package io.lancaster.spark.schema;

import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.stream.Collectors;

/** A schema described in a few words for error messages: {@code long (timestamp-millis)}, {@code record x.R}. */
final class TypeDescription {
  private TypeDescription() {}

  static String of(Schema s) {
    String base;
    if (s instanceof FixedSchema f) {
      base = "fixed " + f.fullName() + " of size " + f.size();
    } else if (s instanceof NamedSchema n) {
      base = s.type().typeName() + " " + n.fullName();
    } else if (s instanceof UnionSchema u) {
      base = u.branches().stream().map(TypeDescription::of).collect(Collectors.joining(", ", "union [", "]"));
    } else {
      base = s.type().typeName();
    }
    LogicalType lt = s.logicalType();
    return lt == null ? base : base + " (" + logicalTypeName(lt) + ")";
  }

  static String logicalTypeName(LogicalType lt) {
    return lt instanceof LogicalType.Decimal d ? "decimal(" + d.precision() + "," + d.scale() + ")"
        : lt.logicalTypeName();
  }
}
