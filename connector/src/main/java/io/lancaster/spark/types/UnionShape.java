package io.lancaster.spark.types;

import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * How one Avro union maps to Spark, as spark-avro maps it, and which part of the Spark value each branch fills
 * (what a decoder writing union values into column vectors needs). The null branch is removed and makes the
 * result nullable; then, over the remaining branches:
 *
 * <ul>
 *   <li>none: {@link Kind#NULL_ONLY} (an empty struct, always null), or an empty struct for the empty union;
 *   <li>one: {@link Kind#SINGLE}, that branch's type;
 *   <li>exactly int and long: {@link Kind#INT_LONG}, a long; exactly float and double: {@link Kind#FLOAT_DOUBLE},
 *       a double (whatever their logical types);
 *   <li>otherwise {@link Kind#MEMBERS}: a struct with one nullable field per branch, named {@code member<i>} by
 *       the branch's position among the non-null branches, or with stable ids the prefix and the branch's type
 *       name (a named type's simple name), which must then differ ignoring case. A branch dropped by the
 *       recursion cut has no field.
 * </ul>
 */
public final class UnionShape {

  /** The shapes a union takes in Spark. */
  public enum Kind { NULL_ONLY, SINGLE, INT_LONG, FLOAT_DOUBLE, MEMBERS }

  private final Kind kind;
  private final int nullBranch;
  private final int[] memberOf; // by branch index
  private final SparkType sparkType;

  private UnionShape(Kind kind, int nullBranch, int[] memberOf, SparkType sparkType) {
    this.kind = kind;
    this.nullBranch = nullBranch;
    this.memberOf = memberOf;
    this.sparkType = sparkType;
  }

  /** The shape of a union at the top of the schema (no enclosing records). */
  public static UnionShape of(UnionSchema u, TypeMappingOptions o) {
    return of(u, RecordPath.EMPTY, o);
  }

  /** The shape of a union under the records of {@code path} (which decides what the recursion cut drops). */
  public static UnionShape of(UnionSchema u, RecordPath path, TypeMappingOptions o) {
    boolean nullable = u.nullIndex() >= 0;
    List<Integer> nonNull = new ArrayList<>();
    for (int i = 0; i < u.size(); i++) {
      if (i != u.nullIndex()) {
        nonNull.add(i);
      }
    }
    int[] memberOf = new int[u.size()];
    Arrays.fill(memberOf, -1);
    if (nonNull.isEmpty() && nullable) {
      return new UnionShape(Kind.NULL_ONLY, u.nullIndex(), memberOf,
          new SparkType(DataTypes.createStructType(new StructField[0]), true));
    }
    if (nonNull.size() == 1) {
      int branch = nonNull.get(0);
      SparkType t = AvroToSpark.toSparkType(u.branch(branch), path, o);
      if (t == null) {
        return new UnionShape(Kind.SINGLE, u.nullIndex(), memberOf, null);
      }
      memberOf[branch] = 0;
      return new UnionShape(Kind.SINGLE, u.nullIndex(), memberOf,
          new SparkType(t.dataType(), nullable || t.nullable()));
    }
    if (nonNull.size() == 2) {
      Set<Schema.Type> types = EnumSet.of(u.branch(nonNull.get(0)).type(), u.branch(nonNull.get(1)).type());
      Kind widened = types.equals(EnumSet.of(Schema.Type.INT, Schema.Type.LONG)) ? Kind.INT_LONG
          : types.equals(EnumSet.of(Schema.Type.FLOAT, Schema.Type.DOUBLE)) ? Kind.FLOAT_DOUBLE : null;
      if (widened != null) {
        nonNull.forEach(b -> memberOf[b] = 0);
        return new UnionShape(widened, u.nullIndex(), memberOf,
            new SparkType(widened == Kind.INT_LONG ? DataTypes.LongType : DataTypes.DoubleType, nullable));
      }
    }
    return members(u, nonNull, path, o, memberOf);
  }

  private static UnionShape members(UnionSchema u, List<Integer> nonNull, RecordPath path, TypeMappingOptions o,
      int[] memberOf) {
    List<StructField> fields = new ArrayList<>();
    Set<String> stableNames = new HashSet<>();
    for (int position = 0; position < nonNull.size(); position++) {
      int branch = nonNull.get(position);
      Schema b = u.branch(branch);
      SparkType t = AvroToSpark.toSparkType(b, path, o);
      if (t == null) {
        continue; // dropped by the recursion cut
      }
      String name;
      if (o.stableUnionIds()) {
        String typeName = b instanceof NamedSchema n ? n.simpleName() : b.type().typeName();
        name = o.stableIdPrefix() + typeName;
        if (!stableNames.add(name.toLowerCase(Locale.ROOT))) {
          throw new IncompatibleSchemaException("Cannot generate stable identifier for Avro union type due to name"
              + " conflict of type name " + typeName + " (field names ignore case): " + u);
        }
      } else {
        name = "member" + position;
      }
      memberOf[branch] = fields.size();
      fields.add(DataTypes.createStructField(name, t.dataType(), true)); // one member is set at a time
    }
    return new UnionShape(Kind.MEMBERS, u.nullIndex(), memberOf,
        new SparkType(DataTypes.createStructType(fields), u.nullIndex() >= 0));
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the union has a null branch. */
  public boolean nullable() {
    return nullBranch >= 0;
  }

  /**
   * What the value of branch {@code branchIndex} fills: for {@link Kind#MEMBERS} the index of its struct field;
   * for the other kinds 0 (the value itself, widened for {@link Kind#INT_LONG} and {@link Kind#FLOAT_DOUBLE});
   * -1 for the null branch and for a branch the recursion cut dropped.
   */
  public int memberOf(int branchIndex) {
    return memberOf[branchIndex];
  }

  /** The index of the null branch, or -1. */
  public int nullBranch() {
    return nullBranch;
  }

  /** The union's Spark type, or null when the recursion cut drops the whole union (its one branch). */
  public SparkType sparkType() {
    return sparkType;
  }

  @Override
  public String toString() {
    return kind + Arrays.toString(memberOf) + (sparkType == null ? " dropped" : " " + sparkType);
  }
}
