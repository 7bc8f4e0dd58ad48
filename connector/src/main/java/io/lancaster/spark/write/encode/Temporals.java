package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;

/**
 * Dates, timestamps and times. Spark keeps dates as days, timestamps as microseconds and times as nanoseconds;
 * Avro's millisecond types (and a long without logical type, as spark-avro writes one) take floor milliseconds.
 */
final class Temporals {
  private Temporals() {}

  static final class Dates extends ValueEncoder {
    private final WriteRebase rebase;

    Dates(WriteRebase rebase) {
      this.rebase = rebase;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeInt(rebase.days(data.getInt(ordinal)));
    }
  }

  static final class TimestampMicros extends ValueEncoder {
    private final WriteRebase rebase;

    TimestampMicros(WriteRebase rebase) {
      this.rebase = rebase;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeLong(rebase.micros(data.getLong(ordinal)));
    }
  }

  static final class TimestampMillis extends ValueEncoder {
    private final WriteRebase rebase;

    TimestampMillis(WriteRebase rebase) {
      this.rebase = rebase;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeLong(DateTimeUtils.microsToMillis(rebase.micros(data.getLong(ordinal))));
    }
  }

  /** timestamp_ntz into local-timestamp-millis (or a plain long). Local micros go through {@link Scalars.Longs}. */
  static final class LocalTimestampMillis extends ValueEncoder {
    static final LocalTimestampMillis INSTANCE = new LocalTimestampMillis();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeLong(DateTimeUtils.microsToMillis(data.getLong(ordinal)));
    }
  }

  /** Spark's time (nanoseconds of the day) into time-micros. */
  static final class TimeMicros extends ValueEncoder {
    static final TimeMicros INSTANCE = new TimeMicros();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      out.writeLong(DateTimeUtils.nanosToMicros(data.getLong(ordinal)));
    }
  }
}
