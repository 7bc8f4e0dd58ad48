package io.lancaster.avro.order;

import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Encodes generic values the way other writers may: every array and map split into random blocks, some of them
 * with a negative count and their byte size (the form that lets readers skip a block). Scalars are written by
 * {@link GenericDatumWriter}, so only the blocking differs from the plain encoding.
 */
final class BlockedEncoding {
  private final Random random;

  BlockedEncoding(long seed) {
    this.random = new Random(seed);
  }

  byte[] encode(Schema schema, Object value) {
    BufferEncoder out = new BufferEncoder();
    write(schema, value, out);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private void write(Schema s, Object v, BufferEncoder out) {
    try {
      switch (s.type()) {
        case RECORD -> {
          RecordSchema r = (RecordSchema) s;
          for (int i = 0; i < r.fields().size(); i++) {
            write(r.fields().get(i).schema(), ((GenericRecord) v).get(i), out);
          }
        }
        case UNION -> {
          UnionSchema u = (UnionSchema) s;
          int branch = new UnionBranchResolver(u).branchOf(v);
          out.writeIndex(branch);
          write(u.branch(branch), v, out);
        }
        case ARRAY -> {
          List<Object> items = new ArrayList<>((Collection<?>) v);
          writeBlocks(items.size(), (from, to, o) -> {
            for (int i = from; i < to; i++) {
              write(((ArraySchema) s).items(), items.get(i), o);
            }
          }, out);
        }
        case MAP -> {
          List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) v).entrySet());
          writeBlocks(entries.size(), (from, to, o) -> {
            for (int i = from; i < to; i++) {
              o.writeString(entries.get(i).getKey());
              write(((MapSchema) s).values(), entries.get(i).getValue(), o);
            }
          }, out);
        }
        default -> new GenericDatumWriter(s).write(v, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Items {
    void write(int from, int to, BufferEncoder out);
  }

  /** Splits {@code n} items into blocks of random sizes, each written plain or sized at random. */
  private void writeBlocks(int n, Items items, BufferEncoder out) {
    int done = 0;
    while (done < n) {
      int count = 1 + random.nextInt(n - done);
      if (random.nextBoolean()) {
        BufferEncoder block = new BufferEncoder();
        items.write(done, done + count, block);
        out.writeSizedBlockHeader(count, block.size());
        out.writeFixed(block.toByteArray());
      } else {
        out.writeArrayStart(count);
        items.write(done, done + count, out);
      }
      done += count;
    }
    out.writeArrayEnd();
  }
}
