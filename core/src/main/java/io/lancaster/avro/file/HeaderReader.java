package io.lancaster.avro.file;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.LimitExceededException;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a container file's header: the magic, the metadata map (every count and length checked against the
 * limits and, when the input's length is known, against the bytes left, before anything is allocated), the sync
 * marker, and the writer's schema. Errors name the file and the offset of the bad value.
 */
final class HeaderReader {
  private final BufferedInput in;
  private final ReadLimits limits;

  private HeaderReader(BufferedInput in, ReadLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  /** Reads the header at the input's current position, which must be the start of the file. */
  static DataFileHeader read(BufferedInput in, ReadLimits limits, String file) throws IOException {
    try {
      return new HeaderReader(in, limits).read();
    } catch (AvroDataException e) {
      throw e.withFile(file);
    }
  }

  private DataFileHeader read() throws IOException {
    readMagic();
    Map<String, byte[]> meta = readMetadata();
    byte[] sync = new byte[DataFileFormat.SYNC_SIZE];
    long syncStart = in.position();
    try {
      in.readFully(sync, 0, sync.length, "header's sync marker");
    } catch (AvroDataException e) {
      throw e.withOffset(syncStart);
    }
    Schema schema = parseSchema(meta.get(DataFileFormat.SCHEMA_KEY));
    return new DataFileHeader(schema, meta, sync, in.position());
  }

  private void readMagic() throws IOException {
    byte[] magic = new byte[DataFileFormat.MAGIC.length];
    int n = in.readAtMost(magic, 0, magic.length);
    if (n < magic.length) {
      throw (CorruptDataException) new CorruptDataException("not an Avro object container file (only " + n
          + " byte(s), too short for the magic)").withOffset(0);
    }
    if (Arrays.equals(magic, LegacyDataFileReader.MAGIC)) {
      throw new AvroDataException("an Avro 1.2 container file (magic 4f 62 6a 00), an obsolete format: read it with "
          + "LegacyDataFileReader").withOffset(0);
    }
    if (!Arrays.equals(magic, DataFileFormat.MAGIC)) {
      throw (CorruptDataException) new CorruptDataException("not an Avro object container file (bad magic "
          + HexFormat.ofDelimiter(" ").formatHex(magic) + ", expected "
          + HexFormat.ofDelimiter(" ").formatHex(DataFileFormat.MAGIC) + ")").withOffset(0);
    }
  }

  private Map<String, byte[]> readMetadata() throws IOException {
    Map<String, byte[]> meta = new LinkedHashMap<>();
    long total = 0;
    while (true) {
      long start = in.position();
      long count = in.readLong("metadata entry count");
      if (count == 0) {
        return meta;
      }
      if (count < 0) {
        if (count == Long.MIN_VALUE) {
          throw corrupt("invalid metadata block count " + count, start);
        }
        count = -count;
        long sizeStart = in.position();
        long size = in.readLong("metadata block size");
        if (size < 0 || size > in.remaining()) {
          throw corrupt("metadata block size " + size + " is negative or beyond the end of the file", sizeStart);
        }
      }
      total += count;
      if (total > limits.maxCollectionItems()) {
        throw (LimitExceededException) new LimitExceededException("maxCollectionItems", limits.maxCollectionItems(),
            total, "metadata entry count").withOffset(start);
      }
      // An entry is at least two bytes (the lengths of an empty key and an empty value).
      if (count > in.remaining() / 2) {
        throw corrupt("metadata block of " + count + " entries cannot fit in the " + in.remaining()
            + " bytes left in the file", start);
      }
      for (long i = 0; i < count; i++) {
        String key = new String(readValue("metadata key", limits.maxStringLength(), "maxStringLength"),
            StandardCharsets.UTF_8);
        meta.put(key, readValue("value of metadata entry \"" + key + "\"", limits.maxBytesLength(),
            "maxBytesLength"));
      }
    }
  }

  private byte[] readValue(String what, int max, String limitName) throws IOException {
    long start = in.position();
    long len = in.readLong("length of the " + what);
    if (len < 0) {
      throw corrupt("negative length " + len + " of the " + what, start);
    }
    if (len > max) {
      throw (LimitExceededException) new LimitExceededException(limitName, max, len, "length of the " + what)
          .withOffset(start);
    }
    if (len > in.remaining()) {
      throw corrupt("truncated file: the " + what + " needs " + len + " bytes but only " + in.remaining()
          + " remain", start);
    }
    GrowableBytes out = new GrowableBytes((int) Math.min(len, 1 << 16));
    try {
      in.readInto(out, (int) len, what);
    } catch (AvroDataException e) {
      throw e.withOffset(start);
    }
    return out.toByteArray();
  }

  private Schema parseSchema(byte[] json) throws CorruptDataException {
    if (json == null) {
      throw new CorruptDataException("the header has no " + DataFileFormat.SCHEMA_KEY + " metadata");
    }
    try {
      return SchemaParser.lenient().maxDepth(limits.maxSchemaDepth())
          .parse(new String(json, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new CorruptDataException("invalid writer schema in the header's " + DataFileFormat.SCHEMA_KEY + ": "
          + e.getMessage(), e);
    }
  }

  private static CorruptDataException corrupt(String detail, long offset) {
    return (CorruptDataException) new CorruptDataException(detail).withOffset(offset);
  }
}
