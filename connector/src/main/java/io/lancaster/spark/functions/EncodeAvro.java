package io.lancaster.spark.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Catalyst expression of the encoding functions ({@code to_avro} and its framed variants): a Spark value of
 * any type in, its Avro binary message out (null for null, as spark-avro). The encoder is compiled once per
 * expression instance, on first use in a task; whether the child's type fits the schema is checked at analysis.
 */
public final class EncodeAvro extends AvroExpression {
  private static final long serialVersionUID = 1L;

  private final EncodeSpec spec;
  private transient MessageEncoder encoder;

  public EncodeAvro(Expression child, EncodeSpec spec) {
    super(child);
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  EncodeSpec spec() {
    return spec;
  }

  @Override
  AvroExpression withChild(Expression newChild) {
    return new EncodeAvro(newChild, spec);
  }

  @Override
  public DataType dataType() {
    return DataTypes.BinaryType;
  }

  @Override
  public TypeCheckResult checkInputDataTypes() {
    try {
      new MessageEncoder(spec, child().dataType(), child().nullable());
      return TypeCheckResult.TypeCheckSuccess$.MODULE$;
    } catch (RuntimeException e) {
      return new TypeCheckResult.TypeCheckFailure(e.getMessage());
    }
  }

  @Override
  public String prettyName() {
    return spec.framing().encodeFunction();
  }

  @Override
  public Object nullSafeEval(Object input) {
    if (encoder == null) {
      encoder = new MessageEncoder(spec, child().dataType(), child().nullable());
    }
    try {
      return encoder.encode(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
