package io.lancaster.avro.file;

/** Constants of the object container file format (the spec's "Object Container Files"). */
public final class DataFileFormat {
  /** The four bytes every container file starts with: 'O', 'b', 'j', 1. */
  public static final byte[] MAGIC = {'O', 'b', 'j', 1};
  /** Length of the sync marker that ends the header and every data block. */
  public static final int SYNC_SIZE = 16;
  /** Metadata key of the writer's schema (JSON). */
  public static final String SCHEMA_KEY = "avro.schema";
  /** Metadata key of the codec name; absent means "null". */
  public static final String CODEC_KEY = "avro.codec";
  /** Prefix of the metadata keys the spec reserves. */
  public static final String RESERVED_PREFIX = "avro.";

  private DataFileFormat() {
  }
}
