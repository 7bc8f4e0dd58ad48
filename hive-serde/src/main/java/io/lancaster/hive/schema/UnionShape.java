package io.lancaster.hive.schema;

import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How one Avro union maps to a Hive type: decided here once, and followed alike by the type mapping, the reader's
 * converters and the writer's.
 *
 * @param kind what the union becomes
 * @param nullable whether the union has a null branch (the Hive value may be null)
 * @param members the union's non-null branches, by index in the union, in union order; a Hive uniontype's tag and
 *     a member struct's field position are indexes into this list
 */
public record UnionShape(Kind kind, boolean nullable, List<Integer> members) {

  /** What a union becomes in Hive. */
  public enum Kind {
    /** Only null: Hive's {@code void}. */
    NULL_ONLY,
    /** One non-null branch: that branch's type, nullable when the union has null. */
    SINGLE,
    /** int and long (struct mapping only): {@code bigint}. */
    LONG,
    /** float and double (struct mapping only): {@code double}. */
    DOUBLE,
    /** Two or more non-null branches: {@code uniontype} of them. */
    UNIONTYPE,
    /** Two or more non-null branches: a struct of members {@code member0, member1, ...}. */
    STRUCT
  }

  public UnionShape {
    members = List.copyOf(members);
  }

  /** The shape of {@code union} under {@code mapping}. */
  public static UnionShape of(UnionSchema union, UnionMapping mapping) {
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < union.size(); i++) {
      if (union.branch(i).type() != Schema.Type.NULL) {
        members.add(i);
      }
    }
    boolean nullable = union.nullIndex() >= 0;
    Kind kind;
    if (members.isEmpty()) {
      kind = Kind.NULL_ONLY;
    } else if (members.size() == 1) {
      kind = Kind.SINGLE;
    } else if (mapping == UnionMapping.UNIONTYPE) {
      kind = Kind.UNIONTYPE;
    } else if (members.size() == 2 && memberTypes(union, members).equals(Set.of(Schema.Type.INT, Schema.Type.LONG))) {
      kind = Kind.LONG;
    } else if (members.size() == 2
        && memberTypes(union, members).equals(Set.of(Schema.Type.FLOAT, Schema.Type.DOUBLE))) {
      kind = Kind.DOUBLE;
    } else {
      kind = Kind.STRUCT;
    }
    return new UnionShape(kind, nullable, members);
  }

  /** The field name of member {@code i} when the union maps to a struct, as spark-avro names them. */
  public static String memberName(int i) {
    return "member" + i;
  }

  private static Set<Schema.Type> memberTypes(UnionSchema union, List<Integer> members) {
    return Set.of(union.branch(members.get(0)).type(), union.branch(members.get(1)).type());
  }
}
