package io.lancaster.spark.read.decode;

import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.resolve.IncompatibleDataException;
import java.io.IOException;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;

/** Dates, timestamps and times, converted to Spark's units (days, microseconds, nanoseconds of the day). */
final class Temporals {
  private Temporals() {}

  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;

  /** An Avro int (days) as a Spark date; {@code promoted} reads a writer's int where the reader has a long. */
  static final class Dates extends ColumnDecoder {
    private final DateTimeRebase rebase;

    Dates(DateTimeRebase rebase) {
      this.rebase = rebase;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      int days = in.readInt();
      out.putInt(row, rebase.mode() == DateTimeRebase.Mode.CORRECTED ? days : rebase.days(days));
    }
  }

  /** A date as a timestamp without time zone at midnight. */
  static final class DatesAsLocalTimestamps extends ColumnDecoder {
    private final DateTimeRebase rebase;

    DatesAsLocalTimestamps(DateTimeRebase rebase) {
      this.rebase = rebase;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      out.putLong(row, rebase.days(in.readInt()) * MICROS_PER_DAY);
    }
  }

  /**
   * A long (or a writer's int promoted to long) of milliseconds or microseconds as Spark's microseconds, rebased
   * for timestamps with a time zone. spark-avro reads a plain long as milliseconds.
   */
  static final class Timestamps extends ColumnDecoder {
    private final boolean writerInt;
    private final boolean millis;
    private final DateTimeRebase rebase;

    Timestamps(boolean writerInt, boolean millis, DateTimeRebase rebase) {
      this.writerInt = writerInt;
      this.millis = millis;
      this.rebase = rebase;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      long v = writerInt ? in.readInt() : in.readLong();
      if (millis) {
        v = millisToMicros(v);
      }
      out.putLong(row, rebase.mode() == DateTimeRebase.Mode.CORRECTED ? v : rebase.micros(v));
    }
  }

  /** time-micros as Spark's TIME: nanoseconds since midnight. */
  static final class TimeMicros extends ColumnDecoder {
    private final boolean writerInt;

    TimeMicros(boolean writerInt) {
      this.writerInt = writerInt;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      long micros = writerInt ? in.readInt() : in.readLong();
      try {
        out.putLong(row, Math.multiplyExact(micros, 1000L));
      } catch (ArithmeticException e) {
        throw new IncompatibleDataException("time-micros value " + micros + " overflows nanoseconds");
      }
    }
  }

  /** A plain long of milliseconds as a date (spark-avro's conversion, kept for files of old spark-avro). */
  static final class MillisAsDates extends ColumnDecoder {
    private final boolean writerInt;

    MillisAsDates(boolean writerInt) {
      this.writerInt = writerInt;
    }

    @Override
    public void decode(ByteArrayDecoder in, WritableColumnVector out, int row) throws IOException {
      long millis = writerInt ? in.readInt() : in.readLong();
      out.putInt(row, (int) (millis / MILLIS_PER_DAY));
    }
  }

  static long millisToMicros(long millis) throws IncompatibleDataException {
    try {
      return Math.multiplyExact(millis, 1000L);
    } catch (ArithmeticException e) {
      throw new IncompatibleDataException("timestamp of " + millis + " milliseconds overflows microseconds");
    }
  }
}
