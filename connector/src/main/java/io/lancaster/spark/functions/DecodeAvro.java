package io.lancaster.spark.functions;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.catalyst.analysis.TypeCheckResult;
import org.apache.spark.sql.catalyst.expressions.ExpectsInputTypes$;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.errors.QueryExecutionErrors;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Catalyst expression of the decoding functions ({@code from_avro} and its framed variants): Avro binary
 * messages in, values of the reader schema's Spark type out. Everything about the schemas is fixed in its
 * {@link DecodeSpec}; the decoders are compiled once per expression instance, on first use in a task, and reused
 * for every row.
 *
 * <p>Malformed input fails the query in FAILFAST mode with Spark's malformed-record error (naming the cause,
 * e.g. an unknown schema id); in PERMISSIVE mode it gives null, or for {@code from_avro} of a record a struct of
 * nulls, as spark-avro gives.
 */
public final class DecodeAvro extends AvroExpression {
  private static final long serialVersionUID = 1L;

  private final DecodeSpec spec;
  private transient DataType dataType;
  private transient MessageDecoder decoder;
  private transient boolean permissive;
  private transient Object malformedResult;

  public DecodeAvro(Expression child, DecodeSpec spec) {
    super(child);
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  DecodeSpec spec() {
    return spec;
  }

  @Override
  AvroExpression withChild(Expression newChild) {
    return new DecodeAvro(newChild, spec);
  }

  @Override
  public DataType dataType() {
    if (dataType == null) {
      dataType = spec.dataType(Schemas.reader(spec.readerSchema()));
    }
    return dataType;
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public TypeCheckResult checkInputDataTypes() {
    Seq<AbstractDataType> binary = CollectionConverters.asScala(
        List.<AbstractDataType>of(DataTypes.BinaryType)).toSeq();
    return ExpectsInputTypes$.MODULE$.checkInputDataTypes(children(), binary);
  }

  @Override
  public String prettyName() {
    return spec.framing().decodeFunction();
  }

  @Override
  public Object nullSafeEval(Object input) {
    if (decoder == null) {
      decoder = new MessageDecoder(spec, dataType());
      permissive = spec.decodeOptions().permissive();
      malformedResult = spec.framing() == Framing.PLAIN && dataType() instanceof StructType st
          ? new GenericInternalRow(st.fields().length) : null;
    }
    try {
      return decoder.decode((byte[]) input);
    } catch (java.io.IOException | RuntimeException e) {
      if (permissive) {
        return malformedResult;
      }
      throw SparkErrors.raise(QueryExecutionErrors.malformedRecordsDetectedInRecordParsingError(
          prettyName() + ": " + e.getMessage(), e));
    }
  }
}
