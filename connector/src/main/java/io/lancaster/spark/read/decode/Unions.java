package io.lancaster.spark.read.decode;

import io.lancaster.avro.io.ByteArrayDecoder;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/** Writer unions: the branch index picks the decoder compiled for that branch. */
final class Unions {
  private Unions() {}

  static final class Branches extends ColumnDecoder {
    private final ColumnDecoder[] branches;

    Branches(ColumnDecoder[] branches) {
      this.branches = branches;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      branches[in.readIndex(branches.length)].decode(in, out, row);
    }
  }

  /**
   * A value that lands in one member of a union read as a struct of members (member0.., as spark-avro maps
   * multi-type unions): that member holds the value, the others are null. {@code member} is -1 when the query did
   * not request the member: the value is skipped by {@code decoder}.
   */
  static final class Member extends ColumnDecoder {
    private final int member;
    private final int members;
    private final ColumnDecoder decoder;

    Member(int member, int members, ColumnDecoder decoder) {
      this.member = member;
      this.members = members;
      this.decoder = decoder;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      for (int i = 0; i < members; i++) {
        if (i != member) {
          out.getChild(i).putNull(row);
        }
      }
      decoder.decode(in, member < 0 ? null : out.getChild(member), row);
    }
  }
}
