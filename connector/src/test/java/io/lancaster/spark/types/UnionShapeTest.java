package io.lancaster.spark.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.stream.IntStream;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class UnionShapeTest {

  private static final TypeMappingOptions O = TypeMappingOptions.DEFAULT;

  @Test
  void onlyNullIsAlwaysNull() {
    UnionShape s = UnionShape.of(union("[\"null\"]"), O);
    assertThat(s.kind()).isEqualTo(UnionShape.Kind.NULL_ONLY);
    assertThat(s.nullable()).isTrue();
    assertThat(s.nullBranch()).isZero();
    assertThat(members(s, 1)).containsExactly(-1);
    assertThat(s.sparkType()).isEqualTo(new SparkType(new StructType(), true));
  }

  @Test
  void oneBranchIsThatBranchWhereverNullIs() {
    UnionShape plain = UnionShape.of(union("[\"int\"]"), O);
    assertThat(plain.kind()).isEqualTo(UnionShape.Kind.SINGLE);
    assertThat(plain.nullable()).isFalse();
    assertThat(plain.nullBranch()).isEqualTo(-1);
    assertThat(members(plain, 1)).containsExactly(0);
    assertThat(plain.sparkType()).isEqualTo(new SparkType(DataTypes.IntegerType, false));

    UnionShape nullLast = UnionShape.of(union("[\"string\",\"null\"]"), O);
    assertThat(nullLast.kind()).isEqualTo(UnionShape.Kind.SINGLE);
    assertThat(nullLast.nullable()).isTrue();
    assertThat(nullLast.nullBranch()).isEqualTo(1);
    assertThat(members(nullLast, 2)).containsExactly(0, -1);
    assertThat(nullLast.sparkType()).isEqualTo(new SparkType(DataTypes.StringType, true));
  }

  @Test
  void intAndLongWidenToLongAndFloatAndDoubleToDouble() {
    UnionShape ints = UnionShape.of(union("[\"long\",\"int\",\"null\"]"), O);
    assertThat(ints.kind()).isEqualTo(UnionShape.Kind.INT_LONG);
    assertThat(members(ints, 3)).containsExactly(0, 0, -1);
    assertThat(ints.sparkType()).isEqualTo(new SparkType(DataTypes.LongType, true));

    UnionShape floats = UnionShape.of(union("[\"float\",\"double\"]"), O);
    assertThat(floats.kind()).isEqualTo(UnionShape.Kind.FLOAT_DOUBLE);
    assertThat(floats.nullable()).isFalse();
    assertThat(members(floats, 2)).containsExactly(0, 0);
    assertThat(floats.sparkType()).isEqualTo(new SparkType(DataTypes.DoubleType, false));

    assertThat(UnionShape.of(union("[\"int\",\"double\"]"), O).kind()).isEqualTo(UnionShape.Kind.MEMBERS);
    assertThat(UnionShape.of(union("[\"int\",\"long\",\"string\"]"), O).kind()).isEqualTo(UnionShape.Kind.MEMBERS);
  }

  @Test
  void membersAreNumberedAmongTheNonNullBranches() {
    UnionShape s = UnionShape.of(union(
        "[\"string\",\"null\",\"int\",{\"type\":\"enum\",\"name\":\"x.E\",\"symbols\":[\"A\"]}]"), O);
    assertThat(s.kind()).isEqualTo(UnionShape.Kind.MEMBERS);
    assertThat(s.nullable()).isTrue();
    assertThat(s.nullBranch()).isEqualTo(1);
    assertThat(members(s, 4)).containsExactly(0, -1, 1, 2);
    assertThat(s.sparkType()).isEqualTo(new SparkType(new StructType()
        .add("member0", DataTypes.StringType, true)
        .add("member1", DataTypes.IntegerType, true)
        .add("member2", DataTypes.StringType, true), true));
  }

  @Test
  void stableIdsNameMembersByTypeAndRejectNamesEqualButForCase() {
    UnionSchema u = union("[\"null\",{\"type\":\"enum\",\"name\":\"x.E\",\"symbols\":[\"A\"]},\"string\"]");
    assertThat(UnionShape.of(u, O.withStableUnionIds(true)).sparkType().dataType()).isEqualTo(new StructType()
        .add("member_E", DataTypes.StringType, true)
        .add("member_string", DataTypes.StringType, true));
    assertThat(UnionShape.of(u, O.withStableUnionIds(true).withStableIdPrefix("")).sparkType().dataType())
        .isEqualTo(new StructType().add("E", DataTypes.StringType, true).add("string", DataTypes.StringType, true));

    UnionSchema conflict = union("[{\"type\":\"record\",\"name\":\"Int\",\"fields\":[]},\"int\"]");
    assertThat(UnionShape.of(conflict, O).kind()).isEqualTo(UnionShape.Kind.MEMBERS);
    assertThatThrownBy(() -> UnionShape.of(conflict, O.withStableUnionIds(true)))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("name conflict of type name int");
  }

  @Test
  void branchesDroppedByTheRecursionCutFillNothing() {
    RecordSchema node = (RecordSchema) Schema.parse("{\"type\":\"record\",\"name\":\"Node\",\"fields\":["
        + "{\"name\":\"x\",\"type\":[\"null\",\"Node\",\"string\"]},{\"name\":\"y\",\"type\":[\"Node\",\"null\"]}]}");
    RecordPath insideNode = RecordPath.EMPTY.enter(node);
    TypeMappingOptions depth1 = O.withRecursiveFieldMaxDepth(1);

    UnionShape x = UnionShape.of((UnionSchema) node.field("x").schema(), insideNode, depth1);
    assertThat(x.kind()).isEqualTo(UnionShape.Kind.MEMBERS);
    assertThat(members(x, 3)).containsExactly(-1, -1, 0);
    assertThat(x.sparkType()).isEqualTo(new SparkType(new StructType().add("member1", DataTypes.StringType, true),
        true));

    UnionShape y = UnionShape.of((UnionSchema) node.field("y").schema(), insideNode, depth1);
    assertThat(y.kind()).isEqualTo(UnionShape.Kind.SINGLE);
    assertThat(members(y, 2)).containsExactly(-1, -1);
    assertThat(y.sparkType()).isNull();
    assertThat(y.nullable()).isTrue();

    // one level deeper is allowed at depth 2: the branch is a struct again
    UnionShape y2 = UnionShape.of((UnionSchema) node.field("y").schema(), insideNode, O.withRecursiveFieldMaxDepth(2));
    assertThat(members(y2, 2)).containsExactly(0, -1);
    assertThat(y2.sparkType().dataType()).isInstanceOf(StructType.class);
  }

  @Test
  void emptyUnionIsAnEmptyStruct() {
    UnionShape s = UnionShape.of(union("[]"), O);
    assertThat(s.kind()).isEqualTo(UnionShape.Kind.MEMBERS);
    assertThat(s.nullBranch()).isEqualTo(-1);
    assertThat(s.sparkType()).isEqualTo(new SparkType(new StructType(), false));
  }

  private static UnionSchema union(String json) {
    return (UnionSchema) Schema.parse(json);
  }

  private static int[] members(UnionShape s, int branches) {
    return IntStream.range(0, branches).map(s::memberOf).toArray();
  }
}
