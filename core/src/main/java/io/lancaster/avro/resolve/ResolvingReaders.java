package io.lancaster.avro.resolve;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.GenericValues;
import io.lancaster.avro.generic.ValueReader;
import io.lancaster.avro.io.Decoder;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The generic value readers that resolution adds to {@link io.lancaster.avro.generic.ValueReaders}: promotions,
 * enum symbol mapping, records with skipped and defaulted fields, writer unions, and deferred errors. Each
 * {@code skip} skips the writer's encoding.
 */
final class ResolvingReaders {
  private ResolvingReaders() {}

  static ValueReader promote(Schema.Type from, Schema.Type to) {
    switch (from) {
      case INT:
        switch (to) {
          case LONG: return new IntAsLong();
          case FLOAT: return new IntAsFloat();
          case DOUBLE: return new IntAsDouble();
          default: break;
        }
        break;
      case LONG:
        switch (to) {
          case FLOAT: return new LongAsFloat();
          case DOUBLE: return new LongAsDouble();
          default: break;
        }
        break;
      case FLOAT:
        if (to == Schema.Type.DOUBLE) {
          return new FloatAsDouble();
        }
        break;
      case STRING:
        if (to == Schema.Type.BYTES) {
          return new StringAsBytes();
        }
        break;
      case BYTES:
        if (to == Schema.Type.STRING) {
          return new BytesAsString();
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException("no promotion from " + from + " to " + to);
  }

  private abstract static class IntSource implements ValueReader {
    @Override
    public void skip(Decoder in) throws IOException {
      in.readInt();
    }
  }

  private static final class IntAsLong extends IntSource {
    @Override
    public Object read(Decoder in) throws IOException {
      return (long) in.readInt();
    }
  }

  private static final class IntAsFloat extends IntSource {
    @Override
    public Object read(Decoder in) throws IOException {
      return (float) in.readInt();
    }
  }

  private static final class IntAsDouble extends IntSource {
    @Override
    public Object read(Decoder in) throws IOException {
      return (double) in.readInt();
    }
  }

  private abstract static class LongSource implements ValueReader {
    @Override
    public void skip(Decoder in) throws IOException {
      in.readLong();
    }
  }

  private static final class LongAsFloat extends LongSource {
    @Override
    public Object read(Decoder in) throws IOException {
      return (float) in.readLong();
    }
  }

  private static final class LongAsDouble extends LongSource {
    @Override
    public Object read(Decoder in) throws IOException {
      return (double) in.readLong();
    }
  }

  private static final class FloatAsDouble implements ValueReader {
    @Override
    public Object read(Decoder in) throws IOException {
      return (double) in.readFloat();
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipFixed(4);
    }
  }

  private static final class StringAsBytes implements ValueReader {
    @Override
    public Object read(Decoder in) throws IOException {
      return ByteBuffer.wrap(in.readBytes()); // a string's encoding is its UTF-8 bytes
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipString();
    }
  }

  private static final class BytesAsString implements ValueReader {
    @Override
    public Object read(Decoder in) throws IOException {
      return new String(in.readBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.skipBytes();
    }
  }

  /** Maps writer enum ordinals to reader symbols; an unmapped symbol fails only when it occurs. */
  static final class EnumReader implements ValueReader {
    private final EnumSchema writer;
    private final GenericEnum[] byWriterOrdinal;

    EnumReader(ReadAction.Enum action) {
      this.writer = action.writer();
      EnumSchema reader = action.reader();
      this.byWriterOrdinal = new GenericEnum[action.readerOrdinal().length];
      for (int i = 0; i < byWriterOrdinal.length; i++) {
        int o = action.readerOrdinal()[i];
        byWriterOrdinal[i] = o < 0 ? null : new GenericEnum(reader, reader.symbols().get(o));
      }
    }

    @Override
    public Object read(Decoder in) throws IOException {
      long start = in.position();
      int i = in.readEnum(byWriterOrdinal.length);
      GenericEnum e = byWriterOrdinal[i];
      if (e == null) {
        throw (IncompatibleDataException) new IncompatibleDataException("the writer's enum symbol "
            + writer.symbols().get(i) + " of " + writer.fullName()
            + " is not a symbol of the reader's enum, which has no default").withOffset(start);
      }
      return e;
    }

    @Override
    public void skip(Decoder in) throws IOException {
      in.readEnum(byWriterOrdinal.length);
    }
  }

  /** A record read field by field in the writer's order, skipping and defaulting as the plan says. */
  static final class RecordReader implements ValueReader {
    private final RecordSchema reader;
    private final int[] positions; // reader position per writer field, -1 to skip
    private final ValueReader[] steps;
    private final String[] names;
    private final int[] defaultPositions;
    private final Object[] defaults;
    private final boolean[] copyDefault;

    RecordReader(RecordSchema reader, int[] positions, ValueReader[] steps, String[] names, int[] defaultPositions,
        Object[] defaults) {
      this.reader = reader;
      this.positions = positions;
      this.steps = steps;
      this.names = names;
      this.defaultPositions = defaultPositions;
      this.defaults = defaults;
      this.copyDefault = new boolean[defaults.length];
      for (int i = 0; i < defaults.length; i++) {
        copyDefault[i] = !GenericValues.isImmutable(defaults[i]);
      }
    }

    @Override
    public Object read(Decoder in) throws IOException {
      GenericRecord r = new GenericRecord(reader);
      int i = 0;
      try {
        for (; i < steps.length; i++) {
          int p = positions[i];
          if (p >= 0) {
            r.put(p, steps[i].read(in));
          } else {
            steps[i].skip(in);
          }
        }
      } catch (AvroDataException e) {
        throw e.prependPath(names[i]);
      }
      for (int d = 0; d < defaults.length; d++) {
        r.put(defaultPositions[d], copyDefault[d] ? GenericValues.deepCopy(defaults[d]) : defaults[d]);
      }
      return r;
    }

    @Override
    public void skip(Decoder in) throws IOException {
      int i = 0;
      try {
        for (; i < steps.length; i++) {
          steps[i].skip(in);
        }
      } catch (AvroDataException e) {
        throw e.prependPath(names[i]);
      }
    }
  }

  /** A value the writer wrote as a union: the branch index picks the branch's reader. */
  static final class WriterUnionReader implements ValueReader {
    private final ValueReader[] branches;

    WriterUnionReader(ValueReader[] branches) {
      this.branches = branches;
    }

    @Override
    public Object read(Decoder in) throws IOException {
      return branches[in.readIndex(branches.length)].read(in);
    }

    @Override
    public void skip(Decoder in) throws IOException {
      branches[in.readIndex(branches.length)].skip(in);
    }
  }

  /**
   * A writer branch that the reader cannot hold: reading it fails, skipping it (the reader does not want the
   * value anyway) works.
   */
  static final class UnresolvableReader implements ValueReader {
    private final String reason;
    private final ValueReader writerSkipper;

    UnresolvableReader(String reason, ValueReader writerSkipper) {
      this.reason = reason;
      this.writerSkipper = writerSkipper;
    }

    @Override
    public Object read(Decoder in) throws IOException {
      throw (IncompatibleDataException) new IncompatibleDataException(reason).withOffset(in.position());
    }

    @Override
    public void skip(Decoder in) throws IOException {
      writerSkipper.skip(in);
    }
  }
}
