package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.SparkRuntimeException;
import org.apache.spark.QueryContext;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * The slot encoders: a value that may be null, and the union branch it goes to. A slot is a struct field, an array
 * element or a map value; its Avro type may be a union, of which the compiler resolves the branch once.
 */
final class Nullability {
  private Nullability() {}

  /** The union branch {@code index}, then the value; the value is never null here. */
  static final class Branch extends ValueEncoder {
    private final int index;
    private final ValueEncoder value;

    Branch(int index, ValueEncoder value) {
      this.index = index;
      this.value = value;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeIndex(index);
      value.write(data, ordinal, out);
    }
  }

  /** The null branch for a null value, else the value through {@code nonNull} (which writes its own branch). */
  static final class NullBranchOr extends ValueEncoder {
    private final int nullIndex;
    private final ValueEncoder nonNull;

    NullBranchOr(int nullIndex, ValueEncoder nonNull) {
      this.nullIndex = nullIndex;
      this.nonNull = nonNull;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      if (data.isNullAt(ordinal)) {
        out.writeIndex(nullIndex);
      } else {
        nonNull.write(data, ordinal, out);
      }
    }
  }

  /** Always the null branch: an Avro field that no Spark field matches. */
  static final class AlwaysNull extends ValueEncoder {
    private final int nullIndex;

    AlwaysNull(int nullIndex) {
      this.nullIndex = nullIndex;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeIndex(nullIndex);
    }
  }

  /** A slot whose Avro type has no null: a null value is a data error naming the field. */
  static final class Required extends ValueEncoder {
    private final ValueEncoder value;
    private final String quotedPath;
    private final String avroType;

    Required(ValueEncoder value, String quotedPath, String avroType) {
      this.value = value;
      this.quotedPath = quotedPath;
      this.avroType = avroType;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      if (data.isNullAt(ordinal)) {
        throw cannotWriteNull(quotedPath, avroType);
      }
      value.write(data, ordinal, out);
    }
  }

  /** spark-avro's error for a null in a non-nullable field, with the whole field path as its name. */
  static SparkRuntimeException cannotWriteNull(String quotedPath, String avroType) {
    java.util.Map<String, String> javaParams = new java.util.LinkedHashMap<>();
    javaParams.put("name", quotedPath);
    javaParams.put("dataType", avroType);
    scala.collection.immutable.Map<String, String> params = scala.collection.immutable.Map$.MODULE$.from(
        scala.jdk.javaapi.CollectionConverters.asScala(javaParams));
    return new SparkRuntimeException("AVRO_CANNOT_WRITE_NULL_FIELD", params, null, new QueryContext[0], "");
  }
}
