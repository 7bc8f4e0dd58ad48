package io.lancaster.spark.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Upper;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The expressions behave as Catalyst expects of a case class: copies through every path Spark uses (new children,
 * reflection, clone), equality and hashing by value, canonicalization, Java serialization to the tasks.
 */
class AvroExpressionTest {
  static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

  static AttributeReference attribute(String name) {
    return new AttributeReference(name, DataTypes.BinaryType, true, Metadata.empty(),
        org.apache.spark.sql.catalyst.expressions.NamedExpression$.MODULE$.newExprId(),
        CollectionConverters.asScala(List.<String>of()).toSeq());
  }

  static DecodeAvro decode(Expression child) {
    return new DecodeAvro(child, DecodeSpec.plain(SCHEMA, Map.of()));
  }

  @Test
  void copiesKeepTheSpecAndTakeTheNewChild() {
    AttributeReference a = attribute("a");
    AttributeReference b = attribute("b");
    DecodeAvro e = decode(a);

    Expression withNew = e.withNewChildren(CollectionConverters.asScala(List.<Expression>of(b)).toSeq());
    Expression reflected = e.makeCopy(new Object[] {b, e.spec()});
    Expression cloned = e.clone();

    assertThat(withNew).isEqualTo(decode(b)).isNotEqualTo(e);
    assertThat(reflected).isEqualTo(decode(b));
    assertThat(cloned).isEqualTo(e).isNotSameAs(e);
    assertThat(withNew.children().apply(0)).isSameAs(b);
    assertThat(e.hashCode()).isEqualTo(decode(a).hashCode());
  }

  @Test
  void equalityIsByChildAndSpec() {
    AttributeReference a = attribute("a");
    assertThat(decode(a)).isEqualTo(decode(a));
    assertThat(decode(a)).isNotEqualTo(new DecodeAvro(a, DecodeSpec.plain(SCHEMA, Map.of("mode", "PERMISSIVE"))));
    assertThat(decode(a).semanticEquals(decode(a.withName("other")))).isTrue();
    assertThat(new EncodeAvro(a, EncodeSpec.of(Framing.REGISTRY, SCHEMA, 1)))
        .isEqualTo(new EncodeAvro(a, EncodeSpec.of(Framing.REGISTRY, SCHEMA, 1)))
        .isNotEqualTo(new EncodeAvro(a, EncodeSpec.of(Framing.REGISTRY, SCHEMA, 2)));
  }

  @Test
  void transformationsReachTheChild() {
    Expression e = new EncodeAvro(Literal.create("x", DataTypes.StringType), EncodeSpec.of(Framing.PLAIN, null, 0));
    Expression upper = e.transformUp(new scala.runtime.AbstractPartialFunction<Expression, Expression>() {
      @Override
      public boolean isDefinedAt(Expression x) {
        return x instanceof Literal;
      }

      @Override
      public Expression apply(Expression x) {
        return new Upper(x);
      }
    });
    assertThat(upper.children().apply(0)).isInstanceOf(Upper.class);
    assertThat((byte[]) upper.eval(null)).containsExactly(2, 'X');
  }

  @Test
  void aSerializedExpressionDecodesAfterwards() throws Exception {
    DecodeAvro e = decode(Literal.create(new byte[] {6}, DataTypes.BinaryType));
    assertThat(e.eval(null).toString()).isEqualTo("[0,3]");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    Object back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }
    assertThat(back).isEqualTo(e);
    assertThat(((DecodeAvro) back).eval(null).toString()).isEqualTo("[0,3]");
    assertThat(((DecodeAvro) back).dataType()).isEqualTo(e.dataType());
  }

  @Test
  void plansShowTheFunctionAndItsSchema() {
    assertThat(decode(attribute("value")).toString()).startsWith("from_avro(value#").endsWith(", " + SCHEMA + ")");
    assertThat(new DecodeAvro(attribute("v"), DecodeSpec.registry(Map.of(1, SCHEMA), SCHEMA, Map.of())).toString())
        .startsWith("from_avro_registry(v#").endsWith(", 1 writer schema(s))");
  }
}
