package io.lancaster.spark.write.encode;

import io.lancaster.spark.options.OptionValues;
import java.io.Serializable;
import org.apache.spark.sql.catalyst.util.RebaseDateTime;
import org.apache.spark.sql.execution.datasources.DataSourceUtils;

/**
 * How dates and timestamps are written, as spark-avro's serializer does: as they are (CORRECTED, the proleptic
 * Gregorian calendar of the spec), rebased to the hybrid Julian calendar that Spark 2.x and legacy readers expect
 * (LEGACY, in the session time zone), or refused when they fall before the calendar switch where the two disagree
 * (EXCEPTION). Local timestamps and times are never rebased.
 */
public record WriteRebase(Mode mode, String timeZone) implements Serializable {
  public enum Mode { CORRECTED, LEGACY, EXCEPTION }

  public static final WriteRebase CORRECTED = new WriteRebase(Mode.CORRECTED, "UTC");

  /** The mode named by a {@code datetimeRebaseMode} value, case-insensitively. */
  public static Mode parseMode(String value, String source) {
    return Mode.valueOf(OptionValues.rebaseMode(value, source));
  }

  int days(int days) {
    switch (mode) {
      case LEGACY:
        return RebaseDateTime.rebaseGregorianToJulianDays(days);
      case EXCEPTION:
        if (days < RebaseDateTime.lastSwitchGregorianDay()) {
          throw DataSourceUtils.newRebaseExceptionInWrite("Avro");
        }
        return days;
      default:
        return days;
    }
  }

  long micros(long micros) {
    switch (mode) {
      case LEGACY:
        return RebaseDateTime.rebaseGregorianToJulianMicros(timeZone, micros);
      case EXCEPTION:
        if (micros < RebaseDateTime.lastSwitchGregorianTs()) {
          throw DataSourceUtils.newRebaseExceptionInWrite("Avro");
        }
        return micros;
      default:
        return micros;
    }
  }
}
