package io.lancaster.spark.schema;

import io.lancaster.avro.schema.Schema;
import java.util.List;
import java.util.Objects;

/**
 * Merges primitive types into the one every input promotes to by the spec's resolution rules: int, long, float and
 * double into the widest of them; string and bytes into string. Logical types must be equal (absent counts as a
 * value), because a promotion would change what the numbers mean (millis read as micros) and decimals of different
 * precision do not resolve under the spec.
 */
final class PrimitiveWidening {
  private PrimitiveWidening() {}

  /** The merged type, which is one of {@code variants} (so it keeps that variant's properties). */
  static Schema widen(List<Schema> variants, String path) {
    Schema result = variants.get(0);
    for (Schema v : variants.subList(1, variants.size())) {
      result = widen(result, v, path);
    }
    return result;
  }

  private static Schema widen(Schema a, Schema b, String path) {
    if (!Objects.equals(a.logicalType(), b.logicalType())) {
      throw new SchemaMergeException(path, TypeDescription.of(a), TypeDescription.of(b),
          "logical types must be equal");
    }
    if (a.type() == b.type()) {
      return a;
    }
    int ra = numericRank(a.type());
    int rb = numericRank(b.type());
    if (ra >= 0 && rb >= 0) {
      return ra >= rb ? a : b;
    }
    if (isText(a.type()) && isText(b.type())) {
      return a.type() == Schema.Type.STRING ? a : b;
    }
    throw new SchemaMergeException(path, TypeDescription.of(a), TypeDescription.of(b), null);
  }

  /** Position in the promotion order int, long, float, double; -1 for other types. */
  private static int numericRank(Schema.Type t) {
    return switch (t) {
      case INT -> 0;
      case LONG -> 1;
      case FLOAT -> 2;
      case DOUBLE -> 3;
      default -> -1;
    };
  }

  private static boolean isText(Schema.Type t) {
    return t == Schema.Type.STRING || t == Schema.Type.BYTES;
  }
}
