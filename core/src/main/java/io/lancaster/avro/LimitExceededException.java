package io.lancaster.avro;

/**
 * Data that asks for more than a configured limit allows (a string longer than the maximum, a collection with
 * too many items, nesting that is too deep, a block too large). The message names the limit, its value, and
 * how to raise it, because the data may be valid but unusually large.
 */
public class LimitExceededException extends AvroDataException {
  private final String limit;
  private final long limitValue;
  private final long requested;

  public LimitExceededException(String limit, long limitValue, long requested, String what) {
    super(what + " of " + requested + " exceeds the limit " + limit + " = " + limitValue
        + " (raise it with ReadLimits.with" + capitalize(limit) + " or the system property lancaster.limits."
        + limit + ")");
    this.limit = limit;
    this.limitValue = limitValue;
    this.requested = requested;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The name of the limit, e.g. {@code maxStringLength}. */
  public String limit() {
    return limit;
  }

  public long limitValue() {
    return limitValue;
  }

  public long requested() {
    return requested;
  }
}
