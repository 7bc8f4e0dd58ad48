package io.lancaster.avro.io;

import io.lancaster.avro.LimitExceededException;

/**
 * Limits that keep hostile or corrupt input from exhausting memory, the stack or time. Immutable; change one
 * limit with a {@code withX} copy. Defaults come from {@link #DEFAULT}, which reads the system properties
 * {@code lancaster.limits.<name>} once, so a deployment can raise a limit without code changes.
 *
 * <p>Independently of these limits, a length prefix is always checked against the bytes actually available
 * before anything is allocated for it.
 */
public final class ReadLimits {
  /** Java's practical maximum array length. */
  public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  public static final ReadLimits DEFAULT = fromSystemProperties();

  private final int maxStringLength;
  private final int maxBytesLength;
  private final long maxCollectionItems;
  private final int maxSchemaDepth;
  private final int maxDataDepth;
  private final int maxBlockSize;
  private final int maxDecompressedBlockSize;
  private final long maxBlockRecords;

  private ReadLimits(int maxStringLength, int maxBytesLength, long maxCollectionItems, int maxSchemaDepth,
      int maxDataDepth, int maxBlockSize, int maxDecompressedBlockSize, long maxBlockRecords) {
    this.maxStringLength = positive("maxStringLength", maxStringLength);
    this.maxBytesLength = positive("maxBytesLength", maxBytesLength);
    this.maxCollectionItems = positive("maxCollectionItems", maxCollectionItems);
    this.maxSchemaDepth = positive("maxSchemaDepth", maxSchemaDepth);
    this.maxDataDepth = positive("maxDataDepth", maxDataDepth);
    this.maxBlockSize = positive("maxBlockSize", maxBlockSize);
    this.maxDecompressedBlockSize = positive("maxDecompressedBlockSize", maxDecompressedBlockSize);
    this.maxBlockRecords = positive("maxBlockRecords", maxBlockRecords);
  }

  private static ReadLimits fromSystemProperties() {
    return new ReadLimits(
        (int) property("maxStringLength", MAX_ARRAY_LENGTH),
        (int) property("maxBytesLength", MAX_ARRAY_LENGTH),
        property("maxCollectionItems", 100_000_000L),
        (int) property("maxSchemaDepth", 200),
        (int) property("maxDataDepth", 500),
        (int) property("maxBlockSize", 512 << 20),
        (int) property("maxDecompressedBlockSize", 1 << 30),
        property("maxBlockRecords", 1_000_000_000L));
  }

  private static long property(String name, long dflt) {
    String value = System.getProperty("lancaster.limits." + name);
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("System property lancaster.limits." + name + " is not a number: " + value);
    }
  }

  private static <T extends Number> T positive(String name, T value) {
    if (value.longValue() <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  private static int positive(String name, int value) {
    if (value <= 0 || value > MAX_ARRAY_LENGTH) {
      throw new IllegalArgumentException(name + " must be in [1, " + MAX_ARRAY_LENGTH + "], got " + value);
    }
    return value;
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /** Longest string, in UTF-8 bytes. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Longest bytes value. */
  public int maxBytesLength() {
    return maxBytesLength;
  }

  /** Most items in one array or map (over all its blocks). */
  public long maxCollectionItems() {
    return maxCollectionItems;
  }

  /** Deepest nesting of a schema's JSON. */
  public int maxSchemaDepth() {
    return maxSchemaDepth;
  }

  /** Deepest nesting of a datum of a recursive schema. */
  public int maxDataDepth() {
    return maxDataDepth;
  }

  /** Largest compressed data block in a container file. */
  public int maxBlockSize() {
    return maxBlockSize;
  }

  /** Largest data block after decompression. */
  public int maxDecompressedBlockSize() {
    return maxDecompressedBlockSize;
  }

  /** Most records in one data block of a container file. */
  public long maxBlockRecords() {
    return maxBlockRecords;
  }

  public ReadLimits withMaxStringLength(int v) {
    return new ReadLimits(v, maxBytesLength, maxCollectionItems, maxSchemaDepth, maxDataDepth, maxBlockSize,
        maxDecompressedBlockSize, maxBlockRecords);
  }

  public ReadLimits withMaxBytesLength(int v) {
    return new ReadLimits(maxStringLength, v, maxCollectionItems, maxSchemaDepth, maxDataDepth, maxBlockSize,
        maxDecompressedBlockSize, maxBlockRecords);
  }

  public ReadLimits withMaxCollectionItems(long v) {
    return new ReadLimits(maxStringLength, maxBytesLength, v, maxSchemaDepth, maxDataDepth, maxBlockSize,
        maxDecompressedBlockSize, maxBlockRecords);
  }

  public ReadLimits withMaxSchemaDepth(int v) {
    return new ReadLimits(maxStringLength, maxBytesLength, maxCollectionItems, v, maxDataDepth, maxBlockSize,
        maxDecompressedBlockSize, maxBlockRecords);
  }

  public ReadLimits withMaxDataDepth(int v) {
    return new ReadLimits(maxStringLength, maxBytesLength, maxCollectionItems, maxSchemaDepth, v, maxBlockSize,
        maxDecompressedBlockSize, maxBlockRecords);
  }

  public ReadLimits withMaxBlockSize(int v) {
    return new ReadLimits(maxStringLength, maxBytesLength, maxCollectionItems, maxSchemaDepth, maxDataDepth, v,
        maxDecompressedBlockSize, maxBlockRecords);
  }

  public ReadLimits withMaxDecompressedBlockSize(int v) {
    return new ReadLimits(maxStringLength, maxBytesLength, maxCollectionItems, maxSchemaDepth, maxDataDepth,
        maxBlockSize, v, maxBlockRecords);
  }

  public ReadLimits withMaxBlockRecords(long v) {
    return new ReadLimits(maxStringLength, maxBytesLength, maxCollectionItems, maxSchemaDepth, maxDataDepth,
        maxBlockSize, maxDecompressedBlockSize, v);
  }

  /** Throws when {@code requested} exceeds {@code limitValue}; {@code what} describes the value, e.g. "string length". */
  public static void check(String limit, long limitValue, long requested, String what) throws LimitExceededException {
    if (requested > limitValue) {
      throw new LimitExceededException(limit, limitValue, requested, what);
    }
  }

  @Override
  public String toString() {
    return "ReadLimits{maxStringLength=" + maxStringLength + ", maxBytesLength=" + maxBytesLength
        + ", maxCollectionItems=" + maxCollectionItems + ", maxSchemaDepth=" + maxSchemaDepth + ", maxDataDepth="
        + maxDataDepth + ", maxBlockSize=" + maxBlockSize + ", maxDecompressedBlockSize=" + maxDecompressedBlockSize
        + ", maxBlockRecords=" + maxBlockRecords + "}";
  }
}
