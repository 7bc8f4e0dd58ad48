package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;

/** Booleans and numbers, written as the Avro type of the same width, or as int for Spark's byte and short. */
final class Scalars {
  private Scalars() {}

  /** Spark's NullType into Avro null: nothing to write. */
  static final class Nulls extends ValueEncoder {
    static final Nulls INSTANCE = new Nulls();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) {
    }
  }

  static final class Booleans extends ValueEncoder {
    static final Booleans INSTANCE = new Booleans();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeBoolean(data.getBoolean(ordinal));
    }
  }

  static final class BytesAsInts extends ValueEncoder {
    static final BytesAsInts INSTANCE = new BytesAsInts();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeInt(data.getByte(ordinal));
    }
  }

  static final class ShortsAsInts extends ValueEncoder {
    static final ShortsAsInts INSTANCE = new ShortsAsInts();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeInt(data.getShort(ordinal));
    }
  }

  /** Spark ints, and what Spark stores as one: year-month intervals (months). */
  static final class Ints extends ValueEncoder {
    static final Ints INSTANCE = new Ints();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeInt(data.getInt(ordinal));
    }
  }

  /** Spark longs, and what Spark stores as one: day-time intervals, local timestamps (micros). */
  static final class Longs extends ValueEncoder {
    static final Longs INSTANCE = new Longs();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeLong(data.getLong(ordinal));
    }
  }

  static final class Floats extends ValueEncoder {
    static final Floats INSTANCE = new Floats();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeFloat(data.getFloat(ordinal));
    }
  }

  static final class Doubles extends ValueEncoder {
    static final Doubles INSTANCE = new Doubles();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeDouble(data.getDouble(ordinal));
    }
  }
}
