package io.lancaster.spark.read.decode;

import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/**
 * Skips a run of writer values the query does not need (consecutive unrequested fields, nested records flattened
 * into their fields) with one loop over the block's bytes: varints are passed by their continuation bits, strings
 * and bytes by their length, fixed-size values by their size, simple unions by their branch. What a loop cannot
 * skip alone (arrays, maps, recursive records, unions of those) goes through the writer schema's skipping reader.
 * Anything unexpected in the bytes (a varint too long, a length past the block) hands that value to the schema's
 * reader, which skips it or throws the precise typed error, so the fast path never decides an error itself.
 */
final class SkipProgram extends ColumnDecoder {
  private static final byte VARINT = 0;
  private static final byte BOOLEAN = 1;
  private static final byte FIXED = 2;
  private static final byte LENGTH = 3;
  private static final byte UNION = 4;
  private static final byte READER = 5;

  private final byte[] ops;
  private final int[] sizes;
  /** For UNION: the op and size of each branch. */
  private final byte[][] branchOps;
  private final int[][] branchSizes;
  /** For each op, the reader that skips its value exactly (the fallback, and the whole job of READER ops). */
  private final DatumReader<?>[] readers;

  private SkipProgram(List<Op> program) {
    int n = program.size();
    ops = new byte[n];
    sizes = new int[n];
    branchOps = new byte[n][];
    branchSizes = new int[n][];
    readers = new DatumReader<?>[n];
    for (int i = 0; i < n; i++) {
      Op op = program.get(i);
      ops[i] = op.code;
      sizes[i] = op.size;
      readers[i] = op.reader;
      if (op.branches != null) {
        branchOps[i] = new byte[op.branches.size()];
        branchSizes[i] = new int[op.branches.size()];
        for (int b = 0; b < branchOps[i].length; b++) {
          branchOps[i][b] = op.branches.get(b).code;
          branchSizes[i][b] = op.branches.get(b).size;
        }
      }
    }
  }

  /** A program skipping the values of {@code writers}, one after another. */
  static SkipProgram of(List<Schema> writers, Function<Schema, DatumReader<?>> readerOf) {
    List<Op> program = new ArrayList<>();
    for (Schema s : writers) {
      compile(s, readerOf, program, new HashSet<>());
    }
    return new SkipProgram(program);
  }

  private record Op(byte code, int size, List<Op> branches, DatumReader<?> reader) {}

  private static void compile(Schema s, Function<Schema, DatumReader<?>> readerOf, List<Op> out, Set<String> path) {
    if (s instanceof RecordSchema r && !path.contains(r.fullName())) {
      path.add(r.fullName());
      for (Field f : r.fields()) {
        compile(f.schema(), readerOf, out, path);
      }
      path.remove(r.fullName());
      return;
    }
    if (s.type() == Schema.Type.NULL) {
      return;
    }
    Op simple = simple(s, readerOf.apply(s));
    if (simple != null) {
      out.add(simple);
    } else if (s instanceof UnionSchema u) {
      List<Op> branches = new ArrayList<>();
      for (Schema b : u.branches()) {
        Op op = b.type() == Schema.Type.NULL ? new Op(FIXED, 0, null, null) : simple(b, null);
        if (op == null) {
          out.add(new Op(READER, 0, null, readerOf.apply(s)));
          return;
        }
        branches.add(op);
      }
      out.add(new Op(UNION, branches.size(), branches, readerOf.apply(s)));
    } else {
      out.add(new Op(READER, 0, null, readerOf.apply(s)));
    }
  }

  private static Op simple(Schema s, DatumReader<?> reader) {
    switch (s.type()) {
      case BOOLEAN: return new Op(BOOLEAN, 1, null, reader);
      case INT: case ENUM: return new Op(VARINT, 5, null, reader);
      case LONG: return new Op(VARINT, 10, null, reader);
      case FLOAT: return new Op(FIXED, 4, null, reader);
      case DOUBLE: return new Op(FIXED, 8, null, reader);
      case FIXED: return new Op(FIXED, ((FixedSchema) s).size(), null, reader);
      case STRING: case BYTES: return new Op(LENGTH, 0, null, reader);
      default: return null;
    }
  }

  @Override
  public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
    byte[] b = in.buffer();
    int limit = in.limit();
    int p = in.pos();
    for (int i = 0; i < ops.length; i++) {
      int next;
      byte op = ops[i];
      if (op == UNION) {
        next = union(b, p, limit, i);
      } else if (op == READER) {
        in.setPos(p);
        readers[i].skip(in);
        next = in.pos();
      } else {
        next = simple(op, sizes[i], b, p, limit);
      }
      if (next < 0) {
        // Not a value the loop can pass: the schema's reader skips it or says exactly what is wrong.
        in.setPos(p);
        readers[i].skip(in);
        next = in.pos();
      }
      p = next;
    }
    in.setPos(p);
  }

  /** The position after one simple value starting at {@code p}, or -1 when the bytes are not what they should be. */
  private static int simple(byte op, int size, byte[] b, int p, int limit) {
    switch (op) {
      case VARINT: { // size: the most bytes the varint may take
        int end = Math.min(limit, p + size);
        while (p < end) {
          if (b[p++] >= 0) {
            return p;
          }
        }
        return -1;
      }
      case FIXED:
        return size <= limit - p ? p + size : -1;
      case BOOLEAN:
        return p < limit && (b[p] & 0xFE) == 0 ? p + 1 : -1;
      default: { // LENGTH: a zig-zag varint length, then that many bytes
        long raw = 0;
        int shift = 0;
        int end = Math.min(limit, p + 10);
        while (true) {
          if (p >= end) {
            return -1;
          }
          byte x = b[p++];
          raw |= (long) (x & 0x7F) << shift;
          if (x >= 0) {
            break;
          }
          shift += 7;
        }
        long len = (raw >>> 1) ^ -(raw & 1);
        return len >= 0 && len <= limit - p ? p + (int) len : -1;
      }
    }
  }

  private int union(byte[] b, int p, int limit, int i) {
    // The branch index: a small non-negative zig-zag varint, one byte for fewer than 64 branches.
    if (p >= limit || b[p] < 0) {
      return -1;
    }
    int index = (b[p] >>> 1) ^ -(b[p] & 1);
    if (index < 0 || index >= branchOps[i].length) {
      return -1;
    }
    return simple(branchOps[i][index], branchSizes[i][index], b, p + 1, limit);
  }
}
