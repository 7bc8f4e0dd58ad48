package io.lancaster.spark.read.decode;

import org.apache.spark.sql.catalyst.util.RebaseDateTime;
import org.apache.spark.sql.execution.datasources.DataSourceUtils;

/**
 * How dates and timestamps of one file are read: as written (CORRECTED: the proleptic Gregorian calendar of the
 * spec), rebased from the hybrid Julian calendar that Spark 2.x and legacy writers used (LEGACY), or refused when
 * they fall before the calendar switch where the two disagree (EXCEPTION). Chosen per file from its metadata as
 * spark-avro does ({@code org.apache.spark.version}, {@code org.apache.spark.legacyDateTime}), else from the
 * {@code datetimeRebaseMode} option or {@code spark.sql.avro.datetimeRebaseModeInRead}.
 */
public final class DateTimeRebase {
  public enum Mode { CORRECTED, LEGACY, EXCEPTION }

  public static final DateTimeRebase CORRECTED = new DateTimeRebase(Mode.CORRECTED, null);

  private final Mode mode;
  private final String timeZone;

  public DateTimeRebase(Mode mode, String timeZone) {
    this.mode = mode;
    this.timeZone = timeZone;
  }

  public Mode mode() {
    return mode;
  }

  int days(int days) {
    switch (mode) {
      case LEGACY:
        return RebaseDateTime.rebaseJulianToGregorianDays(days);
      case EXCEPTION:
        if (days < RebaseDateTime.lastSwitchJulianDay()) {
          throw DataSourceUtils.newRebaseExceptionInRead("Avro");
        }
        return days;
      default:
        return days;
    }
  }

  long micros(long micros) {
    switch (mode) {
      case LEGACY:
        return RebaseDateTime.rebaseJulianToGregorianMicros(timeZone, micros);
      case EXCEPTION:
        if (micros < RebaseDateTime.lastSwitchJulianTs()) {
          throw DataSourceUtils.newRebaseExceptionInRead("Avro");
        }
        return micros;
      default:
        return micros;
    }
  }
}
