package io.lancaster.avro.order;

import static io.lancaster.avro.order.BinaryNode.GREATER;
import static io.lancaster.avro.order.BinaryNode.LESS;
import static io.lancaster.avro.order.BinaryNode.aPos;
import static io.lancaster.avro.order.BinaryNode.bPos;
import static io.lancaster.avro.order.BinaryNode.equal;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The binary comparators of records, arrays, maps and unions, and the link that closes a recursive type. Field
 * orders are resolved when the node is built: a record node holds, per field it looks at, whether to compare it,
 * compare it reversed or skip it; fields whose values are always empty are left out altogether.
 */
final class BinaryCompositeNodes {
  private BinaryCompositeNodes() {
  }

  /** How a record node treats one field. */
  enum Mode { ASCENDING, DESCENDING, SKIP }

  static BinaryNode record(BinaryNode[] fields, Mode[] modes, String[] names) {
    return new RecordNode(fields, modes, names);
  }

  static BinaryNode array(BinaryNode items) {
    return new ArrayNode(items);
  }

  static BinaryNode map(BinaryNode values) {
    return new MapNode(values);
  }

  static BinaryNode union(BinaryNode[] branches) {
    return new UnionNode(branches);
  }

  static Recursive recursive() {
    return new Recursive();
  }

  private static final class RecordNode implements BinaryNode {
    private final BinaryNode[] fields;
    private final Mode[] modes;
    private final String[] names;
    private final int minBytes;

    RecordNode(BinaryNode[] fields, Mode[] modes, String[] names) {
      this.fields = fields;
      this.modes = modes;
      this.names = names;
      long min = 0;
      for (BinaryNode f : fields) {
        min += f.minBytes();
      }
      this.minBytes = (int) Math.min(min, Integer.MAX_VALUE);
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int i = 0;
      try {
        for (; i < fields.length; i++) {
          BinaryNode f = fields[i];
          Mode mode = modes[i];
          if (mode == Mode.SKIP) {
            ap = f.skip(a, ap, aEnd);
            bp = f.skip(b, bp, bEnd);
            continue;
          }
          long r = f.compare(a, ap, aEnd, b, bp, bEnd);
          if (r < 0) {
            return mode == Mode.ASCENDING ? r : BinaryNode.reverse(r);
          }
          ap = aPos(r);
          bp = bPos(r);
        }
      } catch (UncomparableException e) {
        throw e.prependPath(names[i]);
      } catch (UncheckedIOException e) {
        throw RawInput.prependPath(e, names[i]);
      }
      return equal(ap, bp);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      int i = 0;
      try {
        for (; i < fields.length; i++) {
          pos = fields[i].skip(buf, pos, end);
        }
      } catch (UncheckedIOException e) {
        throw RawInput.prependPath(e, names[i]);
      }
      return pos;
    }

    @Override
    public int minBytes() {
      return minBytes;
    }
  }

  /**
   * Arrays compare element by element, then the shorter first. The two arrays may be split into blocks
   * differently, and a block may carry its byte size (negative count), so each side keeps its own count of the
   * items left in its current block.
   */
  private static final class ArrayNode implements BinaryNode {
    private final BinaryNode items;
    private final int minItemBytes;

    ArrayNode(BinaryNode items) {
      this.items = items;
      this.minItemBytes = items.minBytes();
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      long aLeft = 0; // items left in the current block of a
      long bLeft = 0;
      long index = 0;
      try {
        while (true) {
          if (aLeft == 0) {
            int header = ap;
            ap = RawInput.blockHeaderEnd(a, header, aEnd, "array");
            aLeft = RawInput.blockCount(a, header, aEnd);
            RawInput.checkBlockFits(aLeft, minItemBytes, ap, aEnd, header, "array");
          }
          if (bLeft == 0) {
            int header = bp;
            bp = RawInput.blockHeaderEnd(b, header, bEnd, "array");
            bLeft = RawInput.blockCount(b, header, bEnd);
            RawInput.checkBlockFits(bLeft, minItemBytes, bp, bEnd, header, "array");
          }
          if (aLeft == 0 || bLeft == 0) { // an array ended: the shorter one orders first
            return aLeft == bLeft ? equal(ap, bp) : aLeft == 0 ? LESS : GREATER;
          }
          long n = Math.min(aLeft, bLeft);
          if (minItemBytes > 0) {
            for (long k = 0; k < n; k++, index++) {
              long r = items.compare(a, ap, aEnd, b, bp, bEnd);
              if (r < 0) {
                return r;
              }
              ap = aPos(r);
              bp = bPos(r);
            }
          } // else the items are empty and always equal: only the counts matter
          aLeft -= n;
          bLeft -= n;
        }
      } catch (UncomparableException e) {
        throw e.prependPath("[" + index + "]");
      } catch (UncheckedIOException e) {
        throw RawInput.prependPath(e, "[" + index + "]");
      }
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return skipBlocks(buf, pos, end, items, minItemBytes, "array");
    }

    @Override
    public int minBytes() {
      return 1;
    }
  }

  /** Maps cannot be compared; they can be skipped, inside ignored fields. */
  private static final class MapNode implements BinaryNode {
    private final BinaryNode entry;

    MapNode(BinaryNode values) {
      this.entry = new MapEntry(values);
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      throw UncomparableException.map();
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return skipBlocks(buf, pos, end, entry, entry.minBytes(), "map");
    }

    @Override
    public int minBytes() {
      return 1;
    }
  }

  /** A map entry, only ever skipped: the key string, then the value. */
  private static final class MapEntry implements BinaryNode {
    private final BinaryNode values;

    MapEntry(BinaryNode values) {
      this.values = values;
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      throw UncomparableException.map();
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return values.skip(buf, BinaryNodes.strings().skip(buf, pos, end), end);
    }

    @Override
    public int minBytes() {
      return 1 + values.minBytes();
    }
  }

  /** Skips the blocks of an array or map; a block that carries its byte size is jumped over whole. */
  private static int skipBlocks(byte[] buf, int pos, int end, BinaryNode item, int minItemBytes, String what) {
    while (true) {
      int header = pos;
      pos = RawInput.blockHeaderEnd(buf, header, end, what);
      long count = RawInput.blockCount(buf, header, end);
      if (count == 0) {
        return pos;
      }
      long size = RawInput.blockSize(buf, header, end);
      if (size >= 0) {
        pos += (int) size; // checked against end by blockHeaderEnd
        continue;
      }
      RawInput.checkBlockFits(count, minItemBytes, pos, end, header, what);
      if (minItemBytes > 0) {
        for (long k = 0; k < count; k++) {
          pos = item.skip(buf, pos, end);
        }
      }
    }
  }

  /** Unions order by branch index first, then by the value of the common branch. */
  private static final class UnionNode implements BinaryNode {
    private final BinaryNode[] branches;

    UnionNode(BinaryNode[] branches) {
      this.branches = branches;
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      int ae = RawInput.varintEnd(a, ap, aEnd, RawInput.MAX_INT_BYTES);
      int be = RawInput.varintEnd(b, bp, bEnd, RawInput.MAX_INT_BYTES);
      int x = index(a, ap, ae);
      int y = index(b, bp, be);
      if (x != y) {
        return x < y ? LESS : GREATER;
      }
      return branches[x].compare(a, ae, aEnd, b, be, bEnd);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      int e = RawInput.varintEnd(buf, pos, end, RawInput.MAX_INT_BYTES);
      return branches[index(buf, pos, e)].skip(buf, e, end);
    }

    @Override
    public int minBytes() {
      return 1;
    }

    private int index(byte[] buf, int pos, int stop) {
      int i = RawInput.zigZagInt(buf, pos, stop);
      if (i < 0 || i >= branches.length) {
        throw RawInput.corrupt("union index " + i + " out of range for a union of " + branches.length
            + " branches", pos);
      }
      return i;
    }
  }

  /**
   * A reference from inside a record to the record itself. Linked once, before the comparator that owns it is
   * published (through a final field, which makes the link visible to every thread).
   */
  static final class Recursive implements BinaryNode {
    private BinaryNode target;

    void link(BinaryNode target) {
      if (this.target != null) {
        throw new IllegalStateException("recursive reference linked twice");
      }
      this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public long compare(byte[] a, int ap, int aEnd, byte[] b, int bp, int bEnd) {
      return target.compare(a, ap, aEnd, b, bp, bEnd);
    }

    @Override
    public int skip(byte[] buf, int pos, int end) {
      return target.skip(buf, pos, end);
    }

    /** One: a record that contains itself is never empty (its data would be infinite). */
    @Override
    public int minBytes() {
      return 1;
    }
  }
}
