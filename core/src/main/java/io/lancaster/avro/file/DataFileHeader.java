package io.lancaster.avro.file;

import io.lancaster.avro.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The header of a container file: the writer's schema, the metadata, the codec name and the sync marker, and
 * where the first data block starts. Immutable. Read once per file (for instance on a driver) and shared by every
 * reader of the file's splits.
 */
public final class DataFileHeader {
  private final Schema schema;
  private final Map<String, byte[]> metadata;
  private final byte[] sync;
  private final long length;

  DataFileHeader(Schema schema, Map<String, byte[]> metadata, byte[] sync, long length) {
    this.schema = Objects.requireNonNull(schema, "schema");
    Map<String, byte[]> copy = new LinkedHashMap<>();
    metadata.forEach((k, v) -> copy.put(k, v.clone()));
    this.metadata = Collections.unmodifiableMap(copy);
    if (sync.length != DataFileFormat.SYNC_SIZE) {
      throw new IllegalArgumentException("a sync marker has " + DataFileFormat.SYNC_SIZE + " bytes, got " + sync.length);
    }
    this.sync = sync.clone();
    this.length = length;
  }

  /** The schema the file's data was written with. */
  public Schema schema() {
    return schema;
  }

  /** All metadata, including the reserved {@code avro.*} entries, in file order; the values are copies. */
  public Map<String, byte[]> metadata() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    metadata.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** A metadata value (a copy), or null when absent. */
  public byte[] meta(String key) {
    byte[] v = metadata.get(key);
    return v == null ? null : v.clone();
  }

  /** A metadata value decoded as UTF-8, or null when absent. */
  public String metaString(String key) {
    byte[] v = metadata.get(key);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  /** The {@code avro.codec} value; "null" when absent. */
  public String codecName() {
    String codec = metaString(DataFileFormat.CODEC_KEY);
    return codec == null ? "null" : codec;
  }

  /** The file's 16-byte sync marker (a copy). */
  public byte[] sync() {
    return sync.clone();
  }

  /** Byte length of the header: the position of the first data block. */
  public long length() {
    return length;
  }

  boolean syncEquals(byte[] b, int off) {
    return Arrays.equals(sync, 0, sync.length, b, off, off + sync.length);
  }

  byte[] syncUnsafe() {
    return sync;
  }

  @Override
  public String toString() {
    return "DataFileHeader{codec=" + codecName() + ", length=" + length + ", metadata=" + metadata.keySet()
        + ", schema=" + schema + "}";
  }
}
