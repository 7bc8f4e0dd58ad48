package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/**
 * Values into unions of several non-null branches, the forms spark-avro's reader gives them: a long into
 * [int, long], a double into [float, double] (always the wider branch), and a struct of members
 * ({@code member0}, {@code member1}, ...) into any union, the first non-null member choosing the branch.
 */
final class Unions {
  private Unions() {}

  static final class LongBranch extends ValueEncoder {
    private final int index;

    LongBranch(int index) {
      this.index = index;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeIndex(index);
      out.writeLong(data.getLong(ordinal));
    }
  }

  static final class DoubleBranch extends ValueEncoder {
    private final int index;

    DoubleBranch(int index) {
      this.index = index;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeIndex(index);
      out.writeDouble(data.getDouble(ordinal));
    }
  }

  /** Member i of the struct goes to union branch {@code indexes[i]}; all members null is the null branch. */
  static final class Members extends ValueEncoder {
    private final int[] indexes;
    private final ValueEncoder[] members;
    private final int nullIndex;
    private final String quotedPath;
    private final String avroType;

    Members(int[] indexes, ValueEncoder[] members, int nullIndex, String quotedPath, String avroType) {
      this.indexes = indexes;
      this.members = members;
      this.nullIndex = nullIndex;
      this.quotedPath = quotedPath;
      this.avroType = avroType;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      InternalRow struct = data.getStruct(ordinal, members.length);
      for (int i = 0; i < members.length; i++) {
        if (!struct.isNullAt(i)) {
          out.writeIndex(indexes[i]);
          members[i].write(struct, i, out);
          return;
        }
      }
      if (nullIndex < 0) {
        throw Nullability.cannotWriteNull(quotedPath, avroType);
      }
      out.writeIndex(nullIndex);
    }
  }
}
